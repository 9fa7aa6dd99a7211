/// A lossless JSON form of a run's result, for partial results (`memgo run --shard`, `--resume`):
/// every count and sum of every tally, and each latency histogram as its non-empty buckets, so a
/// result read back gives exactly the metrics, percentiles included, of the run that wrote it.
///
/// Integers are written in full; sums are doubles in Swift's shortest round-trip form, which reads
/// back to the same double (Steele and White 1990; Ryū, Adams 2018).
extension RunResult {
  /// The JSON keys of a run.
  static let keys = ["simulatedTime", "diskChannels", "cpuCount", "events", "hasTLB", "machine", "groups"]

  /// The result as JSON: `{"simulatedTime" (ps), "diskChannels", "cpuCount", "events", "hasTLB",
  /// "machine": TALLY, "groups": [TALLY...]}`.
  public var jsonValue: JSONValue {
    .object([
      JSONMember(key: "simulatedTime", value: .integer(simulatedTime.picoseconds)),
      JSONMember(key: "diskChannels", value: .integer(diskChannels)),
      JSONMember(key: "cpuCount", value: .integer(cpuCount)),
      JSONMember(key: "events", value: .integer(events)),
      JSONMember(key: "hasTLB", value: .bool(hasTLB)),
      JSONMember(key: "machine", value: machine.jsonValue),
      JSONMember(key: "groups", value: .array(groups.map(\.jsonValue))),
    ])
  }

  /// Reads a result written by `jsonValue`; `path` and `file` locate it in error messages.
  public init(json: JSONValue, at path: JSONPath, file: String) throws(ScenarioError) {
    let fields = try JSONFields(json, at: path, file: file, known: RunResult.keys)
    let groupValues = try fields.array("groups")
    var groups: [RunTally] = []
    for (i, value) in groupValues.enumerated() {
      groups.append(try RunTally(json: value, at: path.appending(key: "groups").appending(index: i), file: file))
    }
    self.init(
      machine: try RunTally(json: fields.value("machine"), at: path.appending(key: "machine"), file: file),
      groups: groups, simulatedTime: SimTime(picoseconds: try fields.count("simulatedTime")),
      diskChannels: try fields.integer("diskChannels", in: 0...Int.max),
      cpuCount: try fields.integer("cpuCount", in: 0...Int.max), events: try fields.count("events"),
      hasTLB: try fields.bool("hasTLB"))
  }
}

extension RunTally {
  /// The tally as JSON: every counter and sum by name, then `"latency": {"min", "max", "buckets":
  /// [index, count, index, count, ...]}` (non-empty buckets only, ascending).
  public var jsonValue: JSONValue {
    var members = RunTally.counters.map { key, path in JSONMember(key: key, value: .integer(self[keyPath: path])) }
    members += RunTally.sums.map { key, path in JSONMember(key: key, value: .double(self[keyPath: path])) }
    let buckets = latency.nonEmptyBuckets.flatMap { [JSONValue.integer($0.index), .integer($0.count)] }
    members.append(
      JSONMember(
        key: "latency",
        value: .object([
          JSONMember(key: "min", value: .integer(latency.min)), JSONMember(key: "max", value: .integer(latency.max)),
          JSONMember(key: "buckets", value: .array(buckets)),
        ])))
    return .object(members)
  }

  /// Reads a tally written by `jsonValue`.
  public init(json: JSONValue, at path: JSONPath, file: String) throws(ScenarioError) {
    let known = RunTally.counters.map(\.0) + RunTally.sums.map(\.0) + ["latency"]
    let fields = try JSONFields(json, at: path, file: file, known: known)
    self.init()
    for (key, keyPath) in RunTally.counters { self[keyPath: keyPath] = try fields.count(key) }
    for (key, keyPath) in RunTally.sums { self[keyPath: keyPath] = try fields.nonNegative(key) }
    let latencyPath = path.appending(key: "latency")
    let histogram = try JSONFields(
      fields.value("latency"), at: latencyPath, file: file, known: ["min", "max", "buckets"])
    let flat = try histogram.array("buckets")
    guard flat.count % 2 == 0 else {
      throw histogram.problem("buckets", "expected pairs of bucket index and count, found \(flat.count) numbers")
    }
    var buckets: [(index: Int, count: Int64)] = []
    buckets.reserveCapacity(flat.count / 2)
    for k in stride(from: 0, to: flat.count, by: 2) {
      guard let index = try? flat[k].intValue(), let n = try? flat[k + 1].intValue() else {
        throw ScenarioError(
          file: file, path: latencyPath.appending(key: "buckets").appending(index: k),
          message: "expected whole numbers (bucket index, count)")
      }
      buckets.append((index, Int64(n)))
    }
    guard
      let decoded = LatencyHistogram(
        buckets: buckets, min: try histogram.count("min"), max: try histogram.count("max"))
    else {
      throw ScenarioError(
        file: file, path: latencyPath,
        message: "inconsistent histogram (bucket indices ascending in 0..<\(LatencyHistogram.bucketCount), "
          + "counts > 0, min and max in the first and last buckets)")
    }
    latency = decoded
  }
}
