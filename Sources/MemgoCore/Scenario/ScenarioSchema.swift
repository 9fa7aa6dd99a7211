/// The keys a scenario file may use at each level (SPEC "Scenario file"), and the paths a sweep
/// may name. The decoders take their key lists from here, so the schema and the decoders agree.
enum ScenarioSchema {
  // MARK: - Keys by level

  static let topKeys = [
    "name", "description", "seed", "replications", "stop", "warmup", "machine", "processes", "sweep",
  ]
  static let stopKeys = ["time", "requests"]
  static let machineKeys = [
    "cpus", "pageSize", "frames", "memory", "tlb", "pageTable", "replacement", "zeroFill", "latency", "disk",
  ]
  static let tlbKeys = ["entries", "ways", "asid"]
  static let pageTableKeys = ["levels", "walkCache"]
  static let replacementKeys = [
    "policy", "scope", "referenceOnLoad", "agingBits", "agingPeriod", "wsclockTau", "twoQKin", "twoQKout",
    "frameQuota", "tau", "pffUpper", "pffLower",
  ]
  static let latencyKeys = ["tlb", "ram", "fault", "diskRead", "diskWrite"]
  static let diskKeys = ["channels"]
  static let processKeys = [
    "name", "count", "start", "addressSpace", "requests", "interval", "size", "writeFraction", "access",
  ]

  /// Distribution kinds (`"dist"`) and the parameters each takes; `weights` is optional.
  static let distributions: [(name: String, parameters: [String])] = [
    ("constant", ["value"]), ("uniform", ["min", "max"]), ("exponential", ["mean"]),
    ("normal", ["mean", "stddev"]), ("lognormal", ["mean", "stddev"]), ("pareto", ["scale", "shape"]),
    ("empirical", ["values", "weights"]),
  ]
  /// Every key a distribution object may hold.
  static let distributionKeys = [
    "dist", "value", "min", "max", "mean", "stddev", "scale", "shape", "values", "weights",
  ]

  /// Access patterns (`"pattern"`) and the parameters each takes; `stride` is optional.
  static let patterns: [(name: String, parameters: [String])] = [
    ("uniform", []), ("sequential", ["stride"]), ("loop", ["pages"]), ("zipf", ["exponent"]),
    ("hotcold", ["hotFraction", "hotProbability"]), ("workingset", ["size", "phaseLength", "locality"]),
    ("trace", ["path", "format"]),
  ]
  /// Patterns the SPEC names that this version does not implement yet, with the reason.
  static let unsupportedPatterns: [(name: String, reason: String)] = []
  /// Every key an access object may hold.
  static let accessKeys = [
    "pattern", "stride", "pages", "exponent", "hotFraction", "hotProbability", "size",
    "phaseLength", "locality", "path", "format",
  ]

  // MARK: - Sweepable paths

  /// The shape of the scenario tree, for checking sweep paths.
  indirect enum Node: Sendable {
    case object([(key: String, node: Node)])
    case array(Node)
    /// A scalar (number, string, boolean).
    case leaf
    /// A value that may be a constant or a distribution object.
    case distribution
  }

  /// Top-level keys that a sweep may not name.
  static let unsweepable = ["name", "description", "sweep"]

  static let tree: Node = {
    func leaves(_ keys: [String]) -> Node { .object(keys.map { ($0, .leaf) }) }
    let machine: Node = .object([
      ("cpus", .leaf), ("pageSize", .leaf), ("frames", .leaf), ("memory", .leaf),
      ("tlb", leaves(tlbKeys)), ("pageTable", leaves(pageTableKeys)),
      ("replacement", leaves(replacementKeys)), ("zeroFill", .leaf),
      ("latency", .object(latencyKeys.map { ($0, .distribution) })), ("disk", leaves(diskKeys)),
    ])
    let process: Node = .object([
      ("name", .leaf), ("count", .leaf), ("start", .leaf), ("addressSpace", .leaf), ("requests", .leaf),
      ("interval", .distribution), ("size", .distribution), ("writeFraction", .leaf), ("access", leaves(accessKeys)),
    ])
    return .object([
      ("seed", .leaf), ("replications", .leaf), ("stop", leaves(stopKeys)), ("warmup", .leaf),
      ("machine", machine), ("processes", .array(process)),
    ])
  }()

  /// Checks that `path` names a place the schema knows; returns a message saying what is wrong
  /// (with the nearest valid path where one is close), or nil when the path is valid.
  static func checkSweepPath(_ path: JSONPath) -> String? {
    if case .key(let first)? = path.components.first, unsweepable.contains(first) {
      return "\(quoted(first)) cannot be swept"
    }
    var node = tree
    var prefix = JSONPath.root
    for (i, component) in path.components.enumerated() {
      switch (node, component) {
      case (.object(let children), .key(let key)):
        guard let child = children.first(where: { $0.key == key })?.node else {
          let names = children.map(\.key)
          if let guess = nearestName(key, in: names) {
            var fixed = path
            fixed.components[i] = .key(guess)
            return "unknown scenario path \(quoted(path.description)) (did you mean \(quoted(fixed.description))?)"
          }
          let at = prefix.isEmpty ? "at the top level" : "in \(prefix)"
          return
            "unknown scenario path \(quoted(path.description)) (\(quoted(key)) is not a key \(at); expected one of "
            + names.joined(separator: ", ") + ")"
        }
        node = child
      case (.object, .index(let index)):
        return "\(prefix.isEmpty ? "the scenario" : prefix.description) is an object, not an array (remove [\(index)])"
      case (.array(let element), .index):
        node = element
      case (.array, .key(let key)):
        return "\(prefix) is an array: name an element, e.g. \(prefix)[0].\(key)"
      case (.distribution, .key(let key)):
        guard distributionKeys.contains(key) else {
          let hint =
            nearestName(key, in: distributionKeys).map { "did you mean \(quoted($0))?" }
            ?? "expected one of " + distributionKeys.joined(separator: ", ")
          return "unknown distribution parameter \(quoted(key)) in \(quoted(path.description)) (\(hint))"
        }
        node = key == "values" || key == "weights" ? .array(.leaf) : .leaf
      case (.distribution, .index), (.leaf, _):
        return "\(prefix) holds a single value: a sweep path cannot go inside it"
      }
      prefix.components.append(component)
    }
    return nil
  }
}
