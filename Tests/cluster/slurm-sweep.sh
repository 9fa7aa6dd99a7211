#!/usr/bin/env bash
# Proves docs/experiments.md's Slurm recipe on a real single-node Slurm cluster on this machine:
# installs Debian's slurm-wlm and munge (if missing), starts munged, slurmctld and slurmd on
# localhost, submits a sharded sweep as a job array (one shard per array task) with a merge job
# that depends on it, and checks that the merged report equals the unsharded run byte for byte.
#
# Usage (as root, on Debian 12): bash Tests/cluster/slurm-sweep.sh [MEMGO [SCENARIO [SHARDS]]]
#   MEMGO     the memgo binary (default: .build/release/memgo)
#   SCENARIO  the sweep to run (default: scenarios/policy-comparison.json)
#   SHARDS    the number of shards, the size of the job array (default: 4)
# .ci/run runs it when MEMGO_CLUSTER_TESTS=1. Daemons it starts are stopped at the end; a Slurm
# already running here is used as it is. Exit status 0 when the reports are identical.
set -euo pipefail
cd "$(dirname "$0")/../.."

memgo=$(realpath "${1:-.build/release/memgo}")
scenario=$(realpath "${2:-scenarios/policy-comparison.json}")
shards=${3:-4}
marker="# written by memgo's Tests/cluster/slurm-sweep.sh"
say() { echo "slurm-sweep: $*"; }
fail() { echo "slurm-sweep: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "run as root (it installs packages and starts daemons)"
[ -x "$memgo" ] || fail "$memgo is not an executable (build with: swift build -c release)"
name=$("$memgo" validate "$scenario" >/dev/null && basename "$scenario" .json)

# 1. Install Slurm and MUNGE from Debian's packages.
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi
say "$(slurmctld -V)"

# 2. MUNGE, Slurm's authentication: a key and a running munged.
started_munge=0
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null ||
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    chown munge:munge /etc/munge/munge.key
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge
  runuser -u munge -- /usr/sbin/munged
  started_munge=1
  munge -n | unmunge >/dev/null || fail "munged does not authenticate"
fi
say "munge works"

# 3. A one-node cluster: this host runs the controller and the compute daemon.
host=$(hostname -s)
conf=/etc/slurm/slurm.conf
if [ -e "$conf" ] && ! grep -qF "$marker" "$conf"; then
  if ! scontrol ping >/dev/null 2>&1; then fail "$conf exists and is not ours; refusing to replace it"; fi
  say "using the Slurm already configured in $conf"
else
  mkdir -p /etc/slurm
  cat >"$conf" <<CONF
$marker
ClusterName=memgo
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
fi
started_slurm=0
stop_daemons() {
  if [ "$started_slurm" = 1 ]; then
    scontrol shutdown >/dev/null 2>&1 || true
    sleep 1
  fi
  if [ "$started_munge" = 1 ] && [ -s /run/munge/munged.pid ]; then
    kill "$(cat /run/munge/munged.pid)" 2>/dev/null || true
  fi
}
trap stop_daemons EXIT
if ! scontrol ping 2>/dev/null | grep -q UP; then
  mkdir -p /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  slurmctld
  slurmd
  started_slurm=1
fi
for _ in $(seq 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  case "$state" in
    idle* | mixed* | allocated*) break ;;
    down* | drain* | *drained*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
case "$state" in idle* | mixed* | allocated*) ;; *) fail "node $host is '$state' (see /var/log/slurm/)" ;; esac
say "cluster up: $(sinfo -h -o '%P %D node(s) %T %C (CPUs A/I/O/T)')"

# 4. The recipe of docs/experiments.md, with this repository's memgo and scenario.
work=$(mktemp -d /tmp/memgo-slurm-XXXXXX)
cd "$work"
mkdir -p logs parts
cat >sweep.sbatch <<JOB
#!/bin/bash
#SBATCH --job-name=$name
#SBATCH --array=1-$shards
#SBATCH --cpus-per-task=1
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail
N=$shards  # the number of shards: the size of --array above
"$memgo" run "$scenario" --shard "\$SLURM_ARRAY_TASK_ID/\$N" --out parts --jobs "\$SLURM_CPUS_PER_TASK" --resume
JOB
array=$(sbatch --parsable sweep.sbatch)
array=${array%%;*}
say "submitted job array $array (tasks 1-$shards)"
merge_status=0
timeout 900 sbatch --wait --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --job-name=merge --output=logs/merge-%j.out \
  --wrap "\"$memgo\" merge parts/$name.shard-*-of-$shards.json --out reports --quiet" >merge.jobid || merge_status=$?
for log in logs/*; do say "--- $log"; sed 's/^/  /' "$log"; done
[ "$merge_status" = 0 ] || fail "the merge job (or a shard) failed (status $merge_status); see $work/logs"
say "parts: $(ls parts | tr '\n' ' ')"

# 5. The unsharded run on this machine, and the comparison.
"$memgo" run "$scenario" --out unsharded --quiet
if diff -r unsharded reports >diff.txt; then
  say "OK: the merged report of $shards Slurm array tasks equals the unsharded run ($(ls reports | tr '\n' ' '))"
  cd /
  rm -rf "$work"
else
  head -40 diff.txt >&2
  fail "merged reports differ from the unsharded run (kept in $work)"
fi
