/// What makes two sets of work-unit results parts of the same run, recorded in every partial
/// result: the scenario's name, the FNV-1a hash of its canonical JSON, the seed and replications in
/// effect (with the command-line overrides that set them), the memgo version and the number of
/// work units. Parts merge only when all of these agree.
///
/// The scenario's JSON itself travels with the identity (`definition`), so `memgo merge` rebuilds
/// the very scenario file the parts ran, without needing it on the merging machine.
public struct RunIdentity: Sendable, Equatable {
  /// The scenario's name.
  public var scenario: String
  /// `ContentHash.hex` of `JSONWriter.compact(definition)`.
  public var hash: String
  /// The base seed in effect.
  public var seed: UInt64
  /// The replications per point in effect.
  public var replications: Int
  /// `--seed`, if given.
  public var seedOverride: UInt64?
  /// `--replications`, if given.
  public var replicationsOverride: Int?
  /// The memgo version that ran the units.
  public var version: String
  /// The number of work units of the run.
  public var units: Int
  /// The scenario file's JSON as loaded (members in file order, numbers as written), without a
  /// top-level `$schema`.
  public var definition: JSONValue

  /// `json` without its top-level `$schema` member, which only editors read: naming a schema does
  /// not change a run, its hash or its partial results.
  static func definition(of json: JSONValue) -> JSONValue {
    guard case .object(let members) = json else { return json }
    return .object(members.filter { $0.key != "$schema" })
  }

  /// The identity of running `file` (loaded from its JSON, then given the overrides) with memgo
  /// `version`.
  public init(file: ScenarioFile, seedOverride: UInt64?, replicationsOverride: Int?, version: String) {
    scenario = file.base.name
    definition = Self.definition(of: file.json)
    hash = ContentHash.hex(of: JSONWriter.compact(definition))
    seed = file.base.seed
    replications = file.base.replications
    self.seedOverride = seedOverride
    self.replicationsOverride = replicationsOverride
    self.version = version
    units = Experiment.units(of: file).count
  }

  /// Creates an identity from its parts (as read from a partial result).
  public init(
    scenario: String, hash: String, seed: UInt64, replications: Int, seedOverride: UInt64?,
    replicationsOverride: Int?, version: String, units: Int, definition: JSONValue
  ) {
    self.scenario = scenario
    self.hash = hash
    self.seed = seed
    self.replications = replications
    self.seedOverride = seedOverride
    self.replicationsOverride = replicationsOverride
    self.version = version
    self.units = units
    self.definition = definition
  }

  /// How `self` differs from `other`, as short phrases (`seed 6, not 5`); empty when they are
  /// parts of the same run.
  public func differences(from other: RunIdentity) -> [String] {
    var phrases: [String] = []
    if scenario != other.scenario { phrases.append("scenario '\(scenario)', not '\(other.scenario)'") }
    if hash != other.hash {
      phrases.append("scenario file hash \(hash), not \(other.hash) (the scenario file was edited)")
    }
    if seed != other.seed { phrases.append("seed \(seed), not \(other.seed)") }
    if replications != other.replications {
      phrases.append("\(replications) replications per point, not \(other.replications)")
    }
    if version != other.version { phrases.append("memgo \(version), not \(other.version)") }
    if units != other.units && replications == other.replications && hash == other.hash {
      phrases.append("\(units) work units, not \(other.units)")
    }
    return phrases
  }

  /// The scenario file these units ran: the definition loaded again (as `NAME.json`, so that a file
  /// without a `name` gets the same default name), with the overrides applied. Fails when the
  /// definition is not a valid scenario for this memgo or does not give this identity.
  public func scenarioFile(file: String) throws(ScenarioError) -> ScenarioFile {
    let loaded: ScenarioFile
    do {
      // Merging never runs the scenario, so its trace files need not be here.
      loaded = try ScenarioLoader.load(
        bytes: Array(JSONWriter.compact(definition).utf8), path: "\(scenario).json", checksTraces: false)
    } catch {
      let first = error.lines.first ?? "invalid"
      throw ScenarioError(
        file: file, path: JSONPath.root.appending(key: "definition"), message: "not a valid scenario: \(first)")
    }
    let applied = loaded.applying(seed: seedOverride, replications: replicationsOverride)
    let rebuilt = RunIdentity(
      file: applied, seedOverride: seedOverride, replicationsOverride: replicationsOverride, version: version)
    let differences = rebuilt.differences(from: self)
    guard differences.isEmpty else {
      throw ScenarioError(
        file: file, path: .root,
        message: "the header does not match the scenario it carries: " + differences.joined(separator: "; "))
    }
    return applied
  }
}
