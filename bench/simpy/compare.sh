#!/usr/bin/env bash
# Side-by-side benchmark: memgo vs the SimPy version of scenarios/bench/simpy-model.json.
#
# Usage: bench/simpy/compare.sh [MEMGO] [--frames F] [--memgo-requests N] [--simpy-requests N]
#                               [--seed S]
#   MEMGO              the memgo binary (default: .build/release/memgo in the repository)
#   --frames F         frames of RAM for both tools (default 4096; try 40000)
#   --memgo-requests N requests for memgo's timed run (default 10000000)
#   --simpy-requests N requests for SimPy (default 500000; SimPy is much slower)
#   --seed S           seed for both (default 1)
#
# Creates bench/simpy/.venv (simpy 4.1.2) when missing. Writes nothing else in the repository:
# the scenario copies and reports go to a temporary directory, removed on exit.
# Prints a table: the timed memgo run, memgo again at SimPy's request count (so the fault rates
# are compared at the same run length, cold start included), the SimPy run, and the ratio of
# memgo's requests per wall second to SimPy's. Wall times are the whole process, start to exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
scenario="$repo/scenarios/bench/simpy-model.json"
venv="$here/.venv"

memgo="$repo/.build/release/memgo"
frames=4096
memgo_requests=10000000
simpy_requests=500000
seed=1

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

positional_seen=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --frames) frames="${2:?--frames needs a value}"; shift 2 ;;
    --frames=*) frames="${1#*=}"; shift ;;
    --memgo-requests) memgo_requests="${2:?--memgo-requests needs a value}"; shift 2 ;;
    --memgo-requests=*) memgo_requests="${1#*=}"; shift ;;
    --simpy-requests) simpy_requests="${2:?--simpy-requests needs a value}"; shift 2 ;;
    --simpy-requests=*) simpy_requests="${1#*=}"; shift ;;
    --seed) seed="${2:?--seed needs a value}"; shift 2 ;;
    --seed=*) seed="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
      if [[ $positional_seen -eq 1 ]]; then echo "compare.sh: unexpected argument $1" >&2; exit 2; fi
      memgo="$1"; positional_seen=1; shift ;;
  esac
done

for pair in "frames:$frames" "memgo-requests:$memgo_requests" "simpy-requests:$simpy_requests" "seed:$seed"; do
  value="${pair#*:}"
  if ! [[ "$value" =~ ^[0-9]+$ ]] || [[ "$value" -lt 1 && "${pair%%:*}" != seed ]]; then
    echo "compare.sh: --${pair%%:*} must be a positive integer (got '$value')" >&2; exit 2
  fi
done
if [[ ! -x "$memgo" ]]; then
  echo "compare.sh: memgo binary not found or not executable: $memgo" >&2; exit 1
fi
[[ -f "$scenario" ]] || { echo "compare.sh: missing $scenario" >&2; exit 1; }

# The virtual environment with simpy.
if ! "$venv/bin/python" -c 'import simpy' >/dev/null 2>&1; then
  echo "compare.sh: setting up $venv (simpy)" >&2
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check simpy==4.1.2 \
    || "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'simpy>=4,<5'
fi
py="$venv/bin/python"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/memgo-simpy.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# A copy of the scenario with the given request count, frames and seed.
make_scenario() { # requests out
  "$py" - "$scenario" "$1" "$frames" "$seed" "$2" <<'EOF'
import json, sys
src, requests, frames, seed, out = sys.argv[1:]
d = json.load(open(src))
d["stop"] = {"requests": int(requests)}
d["machine"]["frames"] = int(frames)
d["seed"] = int(seed)
json.dump(d, open(out, "w"), indent=1)
EOF
}

# Runs memgo on a scenario copy; prints "requests fault_rate wall".
run_memgo() { # requests tag
  local file="$tmp/$2.json" start end
  make_scenario "$1" "$file"
  start=$EPOCHREALTIME
  if ! "$memgo" run "$file" --format json --jobs 1 >"$tmp/$2.out" 2>"$tmp/$2.err"; then
    echo "compare.sh: memgo failed:" >&2; cat "$tmp/$2.err" >&2; exit 1
  fi
  end=$EPOCHREALTIME
  "$py" - "$tmp/$2.out" "$start" "$end" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))["points"][0]["metrics"]
print(int(m["requests"]["mean"]), m["faultRate"]["mean"], float(sys.argv[3]) - float(sys.argv[2]))
EOF
}

# Runs the SimPy model; prints "requests fault_rate wall inner_wall".
run_simpy() {
  local start end
  start=$EPOCHREALTIME
  if ! "$py" "$here/paging_model.py" --requests "$simpy_requests" --frames "$frames" --seed "$seed" \
      >"$tmp/simpy.out" 2>"$tmp/simpy.err"; then
    echo "compare.sh: paging_model.py failed:" >&2; cat "$tmp/simpy.err" >&2; exit 1
  fi
  end=$EPOCHREALTIME
  "$py" - "$tmp/simpy.out" "$start" "$end" <<'EOF'
import json, sys
r = json.loads(open(sys.argv[1]).read().strip().splitlines()[-1])
print(r["requests"], r["fault_rate"], float(sys.argv[3]) - float(sys.argv[2]), r["wall_seconds"])
EOF
}

echo "memgo vs SimPy $("$py" -c 'import simpy; print(simpy.__version__)') (Python $("$py" -c 'import platform; print(platform.python_version())')):" \
  "scenarios/bench/simpy-model.json, frames=$frames, seed=$seed"
read -r m_req m_fr m_wall < <(run_memgo "$memgo_requests" memgo)
read -r s_req s_fr s_wall s_inner < <(run_simpy)
if [[ "$memgo_requests" -ne "$simpy_requests" ]]; then
  read -r e_req e_fr e_wall < <(run_memgo "$simpy_requests" memgo-same)
else
  e_req=$m_req e_fr=$m_fr e_wall=$m_wall
fi

"$py" - "$m_req" "$m_fr" "$m_wall" "$e_req" "$e_fr" "$e_wall" "$s_req" "$s_fr" "$s_wall" "$s_inner" <<'EOF'
import sys
m_req, m_fr, m_wall, e_req, e_fr, e_wall, s_req, s_fr, s_wall, s_inner = map(float, sys.argv[1:])
rows = [("memgo", m_req, m_fr, m_wall), ("memgo (SimPy's N)", e_req, e_fr, e_wall), ("simpy", s_req, s_fr, s_wall)]
print(f"{'tool':<18} {'requests':>10} {'fault rate %':>12} {'wall s':>8} {'requests/s':>12}")
for name, req, fr, wall in rows:
    print(f"{name:<18} {int(req):>10} {100 * fr:>12.2f} {wall:>8.2f} {req / wall:>12.0f}")
ratio = (m_req / m_wall) / (s_req / s_wall)
print(f"ratio memgo/SimPy requests per second: {ratio:.1f}x")
print(f"fault rate, SimPy - memgo at the same N: {100 * (s_fr - e_fr):+.2f} percentage points")
print(f"(SimPy's own timer, without interpreter start-up: {s_inner:.2f} s, {s_req / s_inner:.0f} requests/s)")
EOF
