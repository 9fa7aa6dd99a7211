import MemgoCore

/// The input boundaries of the library as fuzz targets: each takes arbitrary bytes, feeds them to
/// the code that reads user input, and checks properties of the outcome (docs/robustness.md).
///
/// The libFuzzer harness (`Tests/fuzz/run.sh`, built with `swiftc -sanitize=fuzzer,address`) calls
/// `run(_:)` for every generated input and aborts when a property fails; the regression tests replay
/// every committed corpus and crasher file through the same call. A target never traps on any input:
/// a trap, a hang or an unbounded allocation is what the fuzzer looks for. (The command-line target,
/// `fuzzArguments`, lives in MemgoCLI.)
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// `ScenarioLoader.load(bytes:path:)` on the bytes as a scenario file; valid scenarios are then
  /// simulated briefly (see `checkScenario`).
  case scenario
  /// `Units.parseDuration`, `Units.parseSize` and the JSON number readers on the bytes as text.
  case units
  /// The distribution and access-pattern decoders on the bytes as JSON, then their samplers.
  case distribution
  /// `LackeySyntax` line by line and `TraceFileReader<LackeySyntax>` over the bytes as a file.
  case lackey
  /// `DinSyntax` line by line and `TraceFileReader<DinSyntax>` over the bytes as a file.
  case din
  /// `PlainSyntax` line by line and `TraceFileReader<PlainSyntax>` over the bytes as a file.
  case plain

  /// Runs the target on one input and returns the properties that failed (empty when all hold).
  public func run(_ bytes: [UInt8]) -> [String] {
    var failures = FuzzFailures()
    switch self {
    case .scenario: FuzzTarget.checkScenario(bytes, &failures)
    case .units: FuzzTarget.checkUnits(bytes, &failures)
    case .distribution: FuzzTarget.checkDistribution(bytes, &failures)
    case .lackey: FuzzTarget.checkTrace(bytes, syntax: LackeySyntax.self, &failures)
    case .din: FuzzTarget.checkTrace(bytes, syntax: DinSyntax.self, &failures)
    case .plain: FuzzTarget.checkTrace(bytes, syntax: PlainSyntax.self, &failures)
    }
    return failures.messages
  }
}

/// The properties that failed on one fuzz input.
struct FuzzFailures {
  var messages: [String] = []

  /// Records `message` unless `condition` holds.
  mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { messages.append(message()) }
  }

  /// Checks that an error message is one non-empty line.
  mutating func expectOneLine(_ message: String, _ what: String) {
    expect(
      !message.isEmpty && !message.unicodeScalars.contains { $0 == "\n" || $0 == "\r" },
      "\(what) is empty or spans lines: \(message.debugDescription)")
  }
}
