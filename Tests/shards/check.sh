#!/usr/bin/env bash
# For every scenario in scenarios/, three ways of running it must give byte-identical report files
# and stdout: one unsharded run; 3 shards merged from another directory (merge needs neither the
# scenario file nor its traces); a run stopped by SIGTERM after some work units, then resumed.
# Usage: bash Tests/shards/check.sh [path/to/memgo]   (run from the repository's root; .ci/run does)
set -euo pipefail
memgo=$(realpath "${1:-.build/release/memgo}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for scenario in scenarios/*.json; do
  name=$(basename "$scenario" .json)
  dir="$work/$name"
  mkdir -p "$dir"
  "$memgo" run "$scenario" --out "$dir/whole" > "$dir/whole.stdout"

  for k in 1 2 3; do "$memgo" run "$scenario" --shard "$k/3" --out "$dir/parts" 2> /dev/null; done
  mkdir -p "$dir/elsewhere"
  (cd "$dir/elsewhere" && "$memgo" merge ../parts/*.json --out ../merged > ../merged.stdout)

  # Stop the run once its unit store holds a finished unit (or it has ended), then resume it.
  "$memgo" run "$scenario" --out "$dir/resumed" --jobs 1 > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 2000); do
    if ! kill -0 "$pid" 2> /dev/null || [ -n "$(ls -A "$dir/resumed/$name.units" 2> /dev/null)" ]; then break; fi
    sleep 0.005
  done
  kill -TERM "$pid" 2> /dev/null || true
  status=0
  wait "$pid" || status=$?
  interrupted="ran to the end before the signal"
  if [ "$status" = 1 ]; then interrupted="interrupted"; fi
  "$memgo" run "$scenario" --out "$dir/resumed" --resume > "$dir/resumed.stdout" 2> /dev/null

  verdict=ok
  for way in merged resumed; do
    if ! diff -r "$dir/whole" "$dir/$way" > /dev/null || ! cmp -s "$dir/whole.stdout" "$dir/$way.stdout"; then
      verdict="FAILED: $way differs from the unsharded run"
      failed=1
    fi
  done
  echo "$name: sharded+merged, $interrupted+resumed: $verdict"
done
exit "$failed"
