#!/usr/bin/env bash
# Builds memgo's fuzz targets with libFuzzer and runs each for a bounded time (docs/robustness.md).
#
#   Tests/fuzz/run.sh [SECONDS] [TARGET...]     default: 30 seconds, every target
#
# The build goes to .build-fuzz/ (gitignored): MemgoCore, MemgoBench, MemgoFuzz and MemgoCLI compiled whole-module with
# `-sanitize=fuzzer,address` plus Tests/fuzz/main.swift; the normal `swift build` never sees it.
# Each target starts from its committed seeds (Tests/fuzz/corpus/TARGET) and regressions
# (Tests/fuzz/regressions/TARGET); new interesting inputs go to .build-fuzz/corpus/TARGET. A crash,
# a failed property, a hang (> 10 s on one input) or an input needing more than 2 GiB fails the
# run; the input is saved as .build-fuzz/artifacts/TARGET/crash-* (copy it into
# Tests/fuzz/regressions/TARGET once fixed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-30}"
shift || true
all_targets=(scenario units distribution lackey din plain arguments)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi

build=.build-fuzz
mkdir -p "$build"
binary="$build/memgo-fuzz"
sources=$(find Sources/MemgoCore Sources/MemgoBench Sources/MemgoFuzz Sources/MemgoCLI Tests/fuzz/main.swift -name '*.swift' | sort)
if [ ! -x "$binary" ] || [ -n "$(find $sources Tests/fuzz/run.sh -newer "$binary" 2>/dev/null | head -1)" ]; then
  echo "== building the fuzz targets (swiftc -sanitize=fuzzer,address) into $build"
  # -package-name: the modules share `package` declarations, as SwiftPM builds them.
  flags=(-O -sanitize=fuzzer,address -parse-as-library -wmo -package-name memgo -I "$build"
    -module-cache-path "$build/module-cache")
  objects=()
  for module in MemgoCore MemgoBench MemgoFuzz MemgoCLI; do
    swiftc "${flags[@]}" -module-name "$module" -emit-module -emit-module-path "$build/$module.swiftmodule" \
      -c $(find "Sources/$module" -name '*.swift' | sort) -o "$build/$module.o" 2>&1 | grep -v "^$" || true
    objects+=("$build/$module.o")
  done
  # The linker warns about every sanitizer symbol it cannot export; only errors matter.
  swiftc "${flags[@]}" -module-name MemgoFuzzMain Tests/fuzz/main.swift "${objects[@]}" \
    -lm -o "$binary" 2>&1 | grep -v "warning: Cannot export local symbol" || true
  [ -x "$binary" ] || { echo "fuzz build failed" >&2; exit 1; }
fi

# Swift's own crash handler would wait for a debugger; libFuzzer reports crashes itself. Leak
# detection is off: lazily built static tables (allocated once, never freed) read as leaks.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
status=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  mkdir -p "$corpus" "$artifacts" "Tests/fuzz/corpus/$target" "Tests/fuzz/regressions/$target"
  dict=()
  if [ -f "Tests/fuzz/$target.dict" ]; then dict=(-dict="Tests/fuzz/$target.dict"); fi
  echo "== fuzzing $target for ${seconds}s"
  log="$build/$target.log"
  if MEMGO_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" \
    "$corpus" "Tests/fuzz/corpus/$target" "Tests/fuzz/regressions/$target" < /dev/null > "$log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    echo "$target: ${runs:-?} executions, no crash"
  else
    status=1
    echo "$target: FAILED (log: $log)" >&2
    grep -E "memgo-fuzz:|ERROR:|SUMMARY:|Test unit written|Fatal error|Precondition" "$log" | head -20 >&2 || true
  fi
done
exit $status
