/// A partial result: some work units of one run with their results in lossless form, written by
/// `memgo run --shard K/N` (one file per shard) and, one unit per file, by the resume store;
/// `memgo merge` combines them into the run's report.
///
/// The file is JSON with one result per line, so it stays readable and diffable:
/// ```
/// {
///   "memgoPartialResult": 1,
///   "memgo": "0.1.0", "scenario": "NAME", "hash": "16 hex digits", "seed": 42, "replications": 5,
///   "overrides": {"seed": 42, "replications": 5},   (only those given on the command line)
///   "units": 80, "shard": "2/3",                     (null when not sharded)
///   "definition": {the scenario file's JSON},
///   "results": [
///     {"unit": 1, "point": 0, "replication": 1, "result": {RunResult.jsonValue}},
///     ...
///   ]
/// }
/// ```
public struct PartialResult: Sendable {
  /// The version of this file format.
  public static let formatVersion = 2
  /// The largest partial result file read (64 MiB, some 10,000 units); use more shards beyond.
  public static let maximumFileSize = 64 << 20

  /// The run the units belong to.
  public var identity: RunIdentity
  /// The shard that ran them, if any.
  public var shard: ShardSpec?

  /// One unit's entry: its index, its point and replication, and its result.
  public struct Entry: Sendable {
    public var unit: Int
    public var point: Int
    public var replication: Int
    public var result: RunResult

    public init(unit: Int, point: Int, replication: Int, result: RunResult) {
      self.unit = unit
      self.point = point
      self.replication = replication
      self.result = result
    }
  }

  /// A partial result header for `identity`.
  public init(identity: RunIdentity, shard: ShardSpec?) {
    self.identity = identity
    self.shard = shard
  }

  // MARK: - Writing

  /// The text before the first result line, ending in `"results": [` and a newline.
  public func headerText() -> String {
    func line(_ key: String, _ value: JSONValue) -> String {
      "  \(JSONWriter.string(key)): \(JSONWriter.compact(value)),\n"
    }
    var overrides: [JSONMember] = []
    if let seed = identity.seedOverride { overrides.append(JSONMember(key: "seed", value: .integer(seed))) }
    if let replications = identity.replicationsOverride {
      overrides.append(JSONMember(key: "replications", value: .integer(replications)))
    }
    var text = "{\n"
    text += line("memgoPartialResult", .integer(PartialResult.formatVersion))
    text += line("memgo", .string(identity.version))
    text += line("scenario", .string(identity.scenario))
    text += line("hash", .string(identity.hash))
    text += line("seed", .integer(identity.seed))
    text += line("replications", .integer(identity.replications))
    text += line("overrides", .object(overrides))
    text += line("units", .integer(identity.units))
    text += line("shard", shard.map { .string($0.description) } ?? .null)
    text += line("definition", identity.definition)
    text += "  \"results\": [\n"
    return text
  }

  /// The line of one entry, without separator or newline.
  public static func entryText(_ entry: Entry) -> String {
    JSONWriter.compact(
      .object([
        JSONMember(key: "unit", value: .integer(entry.unit)),
        JSONMember(key: "point", value: .integer(entry.point)),
        JSONMember(key: "replication", value: .integer(entry.replication)),
        JSONMember(key: "result", value: entry.result.jsonValue),
      ]))
  }

  /// The whole file holding `entries`.
  public func text(_ entries: [Entry]) -> String {
    var text = headerText()
    for (i, entry) in entries.enumerated() {
      text += "    " + PartialResult.entryText(entry) + (i + 1 < entries.count ? ",\n" : "\n")
    }
    return text + "  ]\n}\n"
  }

  // MARK: - Reading

  static let keys = [
    "memgoPartialResult", "memgo", "scenario", "hash", "seed", "replications", "overrides", "units", "shard",
    "definition", "results",
  ]

  /// Reads the partial result in `bytes` (the file `file`), calling `entry` for each unit in file
  /// order so that a caller need not hold every result. Checks the header, the scenario it carries
  /// (which must load and give the same identity) and that each entry's unit, point and
  /// replication agree with that scenario and its shard.
  ///
  /// Loading the scenario again is skipped when the header's identity equals that of `known` (the
  /// caller's run, or the previous part's), whose plan is then used.
  /// - Returns: the header, and the plan of the run the units belong to.
  ///
  /// `check` sees the header and the run's plan before any entry is read; what it throws ends the
  /// reading.
  public static func read(
    bytes: [UInt8], file: String, known: RunPlan? = nil,
    check: (PartialResult, RunPlan) throws(ScenarioError) -> Void = { _, _ throws(ScenarioError) in },
    entry: (Entry) throws(ScenarioError) -> Void
  ) throws(ScenarioError) -> (header: PartialResult, plan: RunPlan) {
    guard bytes.count <= maximumFileSize else {
      throw ScenarioError(
        file: file, path: .root,
        message: "larger than \(maximumFileSize >> 20) MiB (the limit for partial results; use more shards)")
    }
    let root: JSONValue
    do throws(JSONParseError) {
      root = try JSONParser.parse(bytes)
    } catch {
      throw ScenarioError(file: file, path: .root, message: "not a memgo partial result: \(error.description)")
    }
    guard case .object(let members) = root, members.contains(where: { $0.key == "memgoPartialResult" }) else {
      throw ScenarioError(
        file: file, path: .root,
        message: "not a memgo partial result (expected a file written by 'memgo run --shard K/N --out DIR')")
    }
    let fields = try JSONFields(root, at: .root, file: file, known: keys)
    let format = try fields.integer("memgoPartialResult", in: 0...Int.max)
    guard format == formatVersion else {
      throw fields.problem("memgoPartialResult", "format \(format) is not supported (expected \(formatVersion))")
    }
    let overrides = try JSONFields(
      fields.value("overrides"), at: JSONPath.root.appending(key: "overrides"), file: file,
      known: ["seed", "replications"])
    let identity = RunIdentity(
      scenario: try fields.string("scenario"), hash: try fields.string("hash"), seed: try fields.uint64("seed"),
      replications: try fields.integer("replications", in: 0...Int.max),
      seedOverride: overrides.has("seed") ? try overrides.uint64("seed") : nil,
      replicationsOverride: overrides.has("replications")
        ? try overrides.integer("replications", in: 1...100_000) : nil,
      version: try fields.string("memgo"), units: try fields.integer("units", in: 0...Int.max),
      definition: try fields.value("definition"))
    var shard: ShardSpec?
    let shardValue = try fields.value("shard")
    if shardValue != .null {
      guard case .string(let text) = shardValue, let spec = ShardSpec(parsing: text) else {
        throw fields.problem(
          "shard", "expected \"K/N\" with 1 ≤ K ≤ N, or null, found \(JSONFields.kind(shardValue))")
      }
      shard = spec
    }
    let header = PartialResult(identity: identity, shard: shard)
    let results = try fields.array("results")
    let plan: RunPlan
    if let known, known.identity == identity {
      plan = known
    } else {
      plan = try RunPlan(identity: identity, file: file)
    }
    try check(header, plan)
    let units = plan.units
    for (i, item) in results.enumerated() {
      let path = JSONPath.root.appending(key: "results").appending(index: i)
      let itemFields = try JSONFields(item, at: path, file: file, known: ["unit", "point", "replication", "result"])
      let unit = try itemFields.integer("unit", in: 0...max(0, units.count - 1))
      guard units.indices.contains(unit) else { throw itemFields.problem("unit", "the run has no work units") }
      let point = try itemFields.integer("point", in: 0...Int.max)
      let replication = try itemFields.integer("replication", in: 0...Int.max)
      guard units[unit] == Experiment.WorkUnit(point: point, replication: replication) else {
        throw ScenarioError(
          file: file, path: path,
          message: "unit \(unit) is point \(units[unit].point), replication \(units[unit].replication) "
            + "of this scenario, not point \(point), replication \(replication)")
      }
      if let shard, !shard.contains(unit: unit) {
        throw itemFields.problem("unit", "unit \(unit) does not belong to shard \(shard)")
      }
      let result = try RunResult(json: itemFields.value("result"), at: path.appending(key: "result"), file: file)
      let groups = plan.scenario.points[point].scenario.processes.count
      guard result.groups.count == groups else {
        throw ScenarioError(
          file: file, path: path.appending(key: "result").appending(key: "groups"),
          message: "\(result.groups.count) process group tallies (the scenario has \(groups) groups)")
      }
      try entry(Entry(unit: unit, point: point, replication: replication, result: result))
    }
    return (header, plan)
  }
}
