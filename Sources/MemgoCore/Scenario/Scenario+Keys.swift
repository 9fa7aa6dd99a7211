/// A scenario as its top-level keys are decoded: the fields so far, and what the scenario-wide
/// checks need from the machine and the process groups.
struct ScenarioDraft {
  /// The name used when the file gives none (from the file name).
  var defaultName: String
  var name: String?
  var description = ""
  var seed: UInt64 = 1
  var replications = 1
  var stop = StopCondition()
  var warmup: SimTime = .zero
  var machine = MachineDecoding()
  var groups: [ProcessGroupDecoding] = []

  init(defaultName: String) {
    self.defaultName = defaultName
    name = defaultName
  }
}

// MARK: - Top-level keys

extension Scenario {
  /// The keys of a scenario file's top level (SPEC "Scenario file"); the checks that compare them
  /// are `ScenarioDecoder.checkScenario`.
  static let keyTable = KeyTable<ScenarioDraft>(
    [
      .custom(
        "$schema", .string, default: "none",
        "the JSON Schema the file follows, for editors (`memgo schema`); memgo ignores it",
        store: { decoder, node, _ in decoder.string(node) != nil }
      ).unsweepable.unlisted,
      .custom(
        "name", .string, default: "the file's base name", "the scenario's name, which names its report files",
        store: { decoder, node, decoding in
          guard let name = decoder.scenarioName(node) else { return false }
          decoding.target.name = name
          return true
        }
      ).unsweepable.whenAbsent { decoder, decoding in
        let name = decoding.target.defaultName
        guard decoder.scenarioNameProblem(name) != nil else { return true }
        decoder.report(
          path: JSONPath.root.appending(key: "name"), order: [Int.max],
          "the file name gives the unusable scenario name \(quoted(name)) (set \"name\")")
        decoding.target.name = nil
        return false
      },
      .string("description", \.description, default: "\"\"", "what the scenario shows (printed in the markdown report)")
        .unsweepable,
      .unsigned("seed", \.seed, default: "1", "base seed of every random stream"),
      .integer(
        "replications", 1...ScenarioDecoder.maximumReplications, \.replications, default: "1",
        "independent runs per sweep point"),
      .object("stop", StopCondition.keyTable, \.stop, "when a run ends: whichever condition comes first"),
      .duration("warmup", \.warmup, default: "\"0s\"", "nothing before this time is counted"),
      .custom(
        "machine", .object(MachineConfig.keyTable.shape), default: "", "the simulated machine",
        store: { decoder, node, decoding in
          decoding.target.machine = decoder.machine(node)
          return decoding.target.machine.config != nil
        }
      ).required("an object with at least \"frames\" or \"memory\""),
      .custom(
        "processes", .array(.object(ProcessGroupConfig.keyTable.shape)), default: "",
        "the process groups, each of identical processes",
        store: { decoder, node, decoding in
          let machine = decoding.target.machine
          decoding.target.groups = decoder.processGroups(node, pageSize: machine.pageSize, levels: machine.levels)
          return decoding.target.groups.allSatisfy { $0.config != nil } && !decoding.target.groups.isEmpty
        }
      ).required("an array of process groups"),
      .custom(
        "sweep", .sweep, default: "none",
        "`{\"dotted.path\": [values], ...}`: runs the cartesian product of the lists, last key fastest",
        store: nil
      ).unsweepable,
    ], check: { decoder, decoding in decoder.checkScenario(&decoding) })
}

extension StopCondition {
  /// The keys of `stop`; at least one stop condition is checked with the whole scenario.
  static let keyTable = KeyTable<StopCondition>([
    .custom(
      "time", .duration, default: "none", "simulated time at which a run ends (warmup included); more than 0",
      store: { decoder, node, decoding in
        guard let time = decoder.duration(node) else { return false }
        guard time != .zero else {
          decoder.report(node, "\(ScenarioDecoder.found(node.value)) is out of range (expected time > 0)")
          return false
        }
        decoding.target.time = time
        return true
      }),
    .integer(
      "requests", 1...ScenarioDecoder.maximumRequests, \.requests, default: "none",
      "end after this many post-warmup requests, summed over all processes"),
  ])
}

extension ScenarioKey {
  /// The key, accepted but left out of unknown-key messages' lists.
  var unlisted: ScenarioKey {
    var key = self
    key.declaration.listed = false
    return key
  }
}
