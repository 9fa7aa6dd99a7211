#!/usr/bin/env bash
# Side-by-side benchmark: `memgo trace` vs a plain C LRU (lru-reference.c) on one zipf trace.
#
# Usage: bench/trace/compare.sh [MEMGO] [--references N] [--pages P] [--frames F] [--runs R]
#   MEMGO            the memgo binary (default: .build/release/memgo in the repository)
#   --references N   lines of the generated trace (default 10000000)
#   --pages P        pages the zipf(0.9) law spreads over (default 1000000)
#   --frames F       LRU's frames (default 89776)
#   --runs R         runs of each command; the table shows the fastest (default 3)
#
# Compiles gen-zipf-trace.c and lru-reference.c with cc -O2 into a temporary directory,
# generates the trace there (seed 1: the same bytes on every machine), and times, as whole
# processes (start to exit, startup and parsing included): the C reference, memgo trace
# --no-classify with --jobs 1 and --jobs 2, and memgo trace with the compulsory/capacity/policy
# split (OPT included) with --jobs 2. Checks that memgo's faults and dirty evictions equal the
# C reference's, then prints each command's best wall time, references per second, and its
# ratio to the C reference and to --no-classify --jobs 2. The temporary directory is removed
# on exit; nothing is written in the repository.
set -euo pipefail
export LC_ALL=C  # a decimal point in the timings, whatever the locale
if ((BASH_VERSINFO[0] < 5)); then echo "compare.sh: needs bash 5 or later (EPOCHREALTIME)" >&2; exit 1; fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

memgo="$repo/.build/release/memgo"
references=10000000
pages=1000000
frames=89776
runs=3

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

positional_seen=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --references) references="${2:?--references needs a value}"; shift 2 ;;
    --pages) pages="${2:?--pages needs a value}"; shift 2 ;;
    --frames) frames="${2:?--frames needs a value}"; shift 2 ;;
    --runs) runs="${2:?--runs needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "compare.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *)
      if [[ $positional_seen -eq 1 ]]; then echo "compare.sh: unexpected argument $1" >&2; exit 2; fi
      memgo="$1"; positional_seen=1; shift ;;
  esac
done
for pair in "references:$references" "pages:$pages" "frames:$frames" "runs:$runs"; do
  value="${pair#*:}"
  if ! [[ "$value" =~ ^[0-9]+$ ]] || [[ "$value" -lt 1 ]]; then
    echo "compare.sh: --${pair%%:*} must be a positive integer (got '$value')" >&2; exit 2
  fi
done
[[ -x "$memgo" ]] || { echo "compare.sh: memgo binary not found or not executable: $memgo" >&2; exit 1; }
command -v cc >/dev/null || { echo "compare.sh: needs a C compiler (cc)" >&2; exit 1; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/memgo-trace-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cc -O2 -o "$tmp/gen-zipf-trace" "$here/gen-zipf-trace.c" -lm
cc -O2 -o "$tmp/lru-reference" "$here/lru-reference.c"
trace="$tmp/zipf.trace"
echo "generating $references references, zipf 0.9 over $pages pages, 30% writes ..." >&2
"$tmp/gen-zipf-trace" "$references" "$pages" 0.9 1 >"$trace"

# Best wall seconds of `runs` runs of a command (output to $tmp/out).
best() {
  local fastest="" start end t
  for ((i = 0; i < runs; i++)); do
    start=$EPOCHREALTIME
    if ! "$@" >"$tmp/out" 2>"$tmp/err"; then
      echo "compare.sh: failed: $*" >&2
      cat "$tmp/err" >&2
      return 1
    fi
    end=$EPOCHREALTIME
    t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    if [[ -z "$fastest" ]] || awk -v t="$t" -v f="$fastest" 'BEGIN { exit !(t < f) }'; then fastest=$t; fi
  done
  echo "$fastest"
}

# $(...) does not inherit `set -e`, so each timing checks its own status.
c_time=$(best "$tmp/lru-reference" "$trace" "$frames") || exit 1
read -r _ _ _ c_faults _ c_dirty < "$tmp/out"
one=$(best "$memgo" trace "$trace" --frames "$frames" --no-classify --jobs 1 --format csv) || exit 1
two=$(best "$memgo" trace "$trace" --frames "$frames" --no-classify --jobs 2 --format csv) || exit 1
m_faults=$(awk -F, 'NR == 2 { print $3 }' "$tmp/out")
m_dirty=$(awk -F, 'NR == 2 { print $6 }' "$tmp/out")
split=$(best "$memgo" trace "$trace" --frames "$frames" --jobs 2 --format csv) || exit 1

if [[ "$m_faults" != "$c_faults" || "$m_dirty" != "$c_dirty" ]]; then
  echo "compare.sh: memgo and the C reference disagree: faults $m_faults vs $c_faults," \
    "dirty evictions $m_dirty vs $c_dirty" >&2
  exit 1
fi

echo "memgo trace vs C LRU: $references references, $pages pages, $frames frames;" \
  "faults $c_faults, dirty evictions $c_dirty (equal); best of $runs"
printf '%-42s %8s %14s %8s %12s\n' command "wall s" "refs/wall s" "vs C" "vs nc-jobs2"
row() { # name seconds
  awk -v n="$1" -v t="$2" -v c="$c_time" -v two="$two" -v r="$references" \
    'BEGIN { if (t < 0.001) t = 0.001; if (c < 0.001) c = 0.001; if (two < 0.001) two = 0.001
             printf "%-42s %8.3f %14.0f %7.2fx %11.2fx\n", n, t, r / t, t / c, t / two }'
}
row "C reference (hash table + LRU list)" "$c_time"
row "memgo trace --no-classify --jobs 1" "$one"
row "memgo trace --no-classify --jobs 2" "$two"
row "memgo trace (3C split, OPT) --jobs 2" "$split"
