import Testing

@testable import MemgoCore

/// Shared helpers for the scenario-loading tests.
enum ScenarioFixture {
  /// The SPEC's example scenario, verbatim except that policies this build does not have yet are
  /// replaced by `fifo` (other policies are added in parallel).
  static var spec: String {
    var text = """
      {
        "name": "random-reads",
        "description": "The seed's scenario: processes read at random intervals.",
        "seed": 42,
        "replications": 5,
        "stop": {"time": "2s", "requests": 1000000},
        "warmup": "100ms",
        "machine": {
          "cpus": 1,
          "pageSize": "4KiB",
          "frames": 1024,
          "tlb": {"entries": 64, "ways": 4, "asid": true},
          "pageTable": {"levels": 4},
          "replacement": {"policy": "clock", "scope": "global"},
          "zeroFill": true,
          "latency": {"tlb": "1ns", "ram": "100ns", "fault": "2us",
                      "diskRead": "5ms", "diskWrite": "5ms"},
          "disk": {"channels": 1}
        },
        "processes": [
          {"name": "db", "count": 4, "start": "0s",
           "addressSpace": "16MiB", "requests": 100000,
           "interval": {"dist": "exponential", "mean": "50us"},
           "size": {"dist": "uniform", "min": "8B", "max": "16KiB"},
           "writeFraction": 0.3,
           "access": {"pattern": "zipf", "exponent": 0.9}}
        ],
        "sweep": {"machine.frames": [256, 512, 1024],
                  "machine.replacement.policy": ["fifo", "lru", "clock"]}
      }
      """
    for name in ["lru", "clock"] where PolicyKind(rawValue: name) == nil {
      text = text.replacingAll("\"\(name)\"", with: "\"fifo\"")
    }
    return text
  }

  /// A small valid scenario; each argument replaces the contents of its object, `top` adds members.
  static func minimal(
    machine: String = #""frames": 64"#, process: String = #""requests": 10"#, top: String = ""
  ) -> String {
    "{\(top.isEmpty ? "" : top + ", ")\"machine\": {\(machine)}, \"processes\": [{\(process)}]}"
  }

  /// The policy names this build knows, as error messages list them.
  static var policyList: String { PolicyKind.allCases.map(\.rawValue).joined(separator: ", ") }

  static func load(_ json: String, path: String = "t.json") -> Result<ScenarioFile, ScenarioLoadError> {
    Result { () throws(ScenarioLoadError) in try ScenarioLoader.load(bytes: Array(json.utf8), path: path) }
  }

  /// Every problem as `PATH: message` (or just the message at the root); empty when the file is valid.
  static func problems(_ json: String) -> [String] {
    switch load(json) {
    case .success: return []
    case .failure(.io(let message)): return ["I/O: " + message]
    case .failure(.invalid(let errors)):
      return errors.map { $0.path.isEmpty ? $0.message : "\($0.path): \($0.message)" }
    }
  }

  /// The scenario file, or a recorded issue listing the problems.
  static func loaded(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioFile? {
    switch load(json) {
    case .success(let file): return file
    case .failure(let error):
      Issue.record("expected a valid scenario, got:\n\(error)", sourceLocation: sourceLocation)
      return nil
    }
  }

  /// The base scenario of a file expected to be valid.
  static func scenario(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> Scenario? {
    loaded(json, sourceLocation: sourceLocation)?.base
  }
}

extension String {
  /// The string with every occurrence of `target` replaced (no Foundation needed).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
