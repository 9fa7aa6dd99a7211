/// `memgo merge`: combines partial results (shards' part files, or unit files from a store) into
/// the report of the whole run, byte for byte the report an unsharded run gives.
///
/// Refuses, with one line per problem: a part written by another memgo version, parts of different
/// runs (scenario, its file's hash, seed, replications), a unit present in two parts, and units
/// present in none (named, with the shards that hold them).
public enum PartialResultMerge {
  /// The most units or duplicates listed by name in one message.
  static let listedLimit = 20

  /// One partial result file to merge: its path (for messages) and its bytes.
  public struct Part: Sendable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
      self.path = path
      self.bytes = bytes
    }
  }

  /// Merges the parts read one at a time by `read` from `paths` (in order) into the run's report.
  /// `version` is the running memgo's: parts from another version are refused. `read` throws
  /// `.io` for a file it cannot read.
  public static func merge(
    paths: [String], version: String, primaryMetric: Metric = .faultRate,
    read: (String) throws(ScenarioLoadError) -> [UInt8]
  ) throws(ScenarioLoadError) -> Report {
    guard !paths.isEmpty else { throw .invalid([ScenarioError(file: "merge", path: .root, message: "no parts given")]) }
    var problems: [ScenarioError] = []
    var plan: RunPlan?
    var reference = ""
    var builder: ReportBuilder?
    var source: [Int] = []  // per unit, the index in `paths` of the part that gave it, or -1
    var shardCount: Int?
    var duplicates = 0

    for (f, path) in paths.enumerated() {
      let bytes = try read(path)
      do throws(ScenarioError) {
        let (header, _) = try PartialResult.read(
          bytes: bytes, file: path, known: plan,
          check: { header, partPlan throws(ScenarioError) in
            guard header.identity.version == version else {
              throw ScenarioError(
                file: path, path: .root,
                message: "written by memgo \(header.identity.version), this is memgo \(version) "
                  + "(merge parts with the memgo version that ran them)")
            }
            if let plan {
              let differences = header.identity.differences(from: plan.identity)
              guard differences.isEmpty else {
                throw ScenarioError(
                  file: path, path: .root,
                  message: "not the same run as \(reference): \(differences.joined(separator: "; "))")
              }
            } else {
              plan = partPlan
              reference = path
              builder = ReportBuilder(file: partPlan.scenario, version: version, primaryMetric: primaryMetric)
              source = Array(repeating: -1, count: partPlan.units.count)
            }
          },
          entry: { entry throws(ScenarioError) in
            if source[entry.unit] >= 0 {
              duplicates += 1
              if duplicates <= listedLimit {
                problems.append(
                  ScenarioError(
                    file: path, path: .root,
                    message: "unit \(entry.unit) (point \(entry.point), replication \(entry.replication)) "
                      + "is also in \(paths[source[entry.unit]]) (give each part once)"))
              }
              return
            }
            source[entry.unit] = f
            builder?.add(unit: entry.unit, result: entry.result)
          })
        if let count = header.shard?.count { shardCount = shardCount ?? count }
      } catch {
        problems.append(error)
      }
    }
    if duplicates > listedLimit {
      problems.append(
        ScenarioError(
          file: "merge", path: .root, message: "\(duplicates - listedLimit) more duplicate units not listed"))
    }
    guard let builder, let plan else { throw .invalid(problems) }
    let missing = builder.missingUnits
    if !missing.isEmpty {
      problems.append(
        ScenarioError(file: "merge", path: .root, message: missingMessage(missing, plan: plan, shardCount: shardCount)))
    }
    guard problems.isEmpty, let report = builder.report() else { throw .invalid(problems) }
    return report
  }

  /// `missing 3 of 9 work units: 2 (point 0, replication 2), ... (in shard 3/3; merge every
  /// shard's part)`.
  static func missingMessage(_ missing: [Int], plan: RunPlan, shardCount: Int?) -> String {
    let named = missing.prefix(listedLimit).map { u in
      "\(u) (point \(plan.units[u].point), replication \(plan.units[u].replication))"
    }
    var text = "missing \(missing.count) of \(plan.units.count) work units: " + named.joined(separator: ", ")
    if missing.count > listedLimit { text += " and \(missing.count - listedLimit) more" }
    if let n = shardCount {
      var shards: [Int] = []
      for u in missing where !shards.contains(u % n + 1) {
        shards.append(u % n + 1)
        if shards.count > listedLimit { break }
      }
      let listed = shards.sorted().prefix(listedLimit).map { "\($0)/\(n)" }.joined(separator: ", ")
      text += " (in shard\(shards.count == 1 ? "" : "s") \(listed); merge every shard's part)"
    } else {
      text += " (run them, e.g. with 'memgo run --resume', and merge again)"
    }
    return text
  }
}
