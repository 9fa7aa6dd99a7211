// The libFuzzer entry point for memgo's fuzz targets (docs/robustness.md). Built by run.sh with
// `swiftc -sanitize=fuzzer,address`, never by `swift build`. The target is chosen by the
// environment variable MEMGO_FUZZ_TARGET: one of FuzzTarget's names, or `arguments`.
import MemgoCLI
import MemgoCore
import MemgoFuzz

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the chosen target on one input and aborts, so that libFuzzer saves the input, when a
/// property fails.
@_cdecl("LLVMFuzzerTestOneInput")
public func memgoFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let name = getenv("MEMGO_FUZZ_TARGET").map { String(cString: $0) } ?? ""
  let failures: [String]
  if name == "arguments" {
    failures = fuzzArguments(bytes)
  } else if let target = FuzzTarget(rawValue: name) {
    failures = target.run(bytes)
  } else {
    fputs("MEMGO_FUZZ_TARGET must be arguments or one of \(FuzzTarget.allCases.map(\.rawValue))\n", stderr)
    exit(2)
  }
  if !failures.isEmpty {
    for failure in failures { fputs("memgo-fuzz: \(name): \(failure)\n", stderr) }
    abort()
  }
  return 0
}
