/// The finished work units of a run in progress, one file per unit, so that an interrupted run
/// loses nothing it finished and `--resume` runs only the rest.
///
/// The store is the directory `OUT/NAME.units` (`OUT/NAME.shard-K-of-N.units` for a shard, so that
/// shards may share `OUT`); unit i is `unit-i.json` (six digits at least), a `PartialResult` holding
/// that unit alone, written atomically (`AtomicFile`) as soon as the unit finishes. A run that
/// completes writes its reports or its part file first, then removes the store.
public struct UnitStore: Sendable {
  /// The store's directory.
  public let directory: String

  /// The store of scenario `scenario` (shard `shard`, if any) under the output directory `out`.
  public init(out: String, scenario: String, shard: ShardSpec?) {
    let suffix = shard.map { ".shard-\($0.index)-of-\($0.count)" } ?? ""
    directory = "\(out)/\(scenario)\(suffix).units"
  }

  /// The path of the part file a shard writes into `out`: `OUT/NAME.shard-K-of-N.json`.
  public static func partPath(out: String, scenario: String, shard: ShardSpec) -> String {
    "\(out)/\(scenario).shard-\(shard.index)-of-\(shard.count).json"
  }

  /// The file name of unit `unit`.
  public static func fileName(ofUnit unit: Int) -> String {
    let digits = String(unit)
    return "unit-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".json"
  }

  /// The unit whose file is named `name`, if it is a unit file's name.
  static func unit(fromFileName name: String) -> Int? {
    guard name.hasPrefix("unit-"), name.hasSuffix(".json") else { return nil }
    let digits = name.dropFirst(5).dropLast(5)
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }

  /// The path of unit `unit`'s file.
  public func path(ofUnit unit: Int) -> String { "\(directory)/\(UnitStore.fileName(ofUnit: unit))" }

  /// Creates the directory (and missing parents).
  public func create() throws(AtomicFile.Error) { try AtomicFile.createDirectory(directory) }

  /// Writes `entry` as a one-unit partial result with `header`, atomically.
  public func save(_ entry: PartialResult.Entry, header: PartialResult) throws(AtomicFile.Error) {
    try AtomicFile.write(header.text([entry]), to: path(ofUnit: entry.unit))
  }

  /// The units with a file in the store, ascending (none if the directory does not exist).
  public func storedUnits() -> [Int] {
    entries().compactMap(UnitStore.unit(fromFileName:)).sorted()
  }

  /// Reads unit `unit` of the run `plan` from its file, checking that it belongs to that run.
  /// Throws `.io` if the file cannot be read, `.invalid` if it is not a unit of this run.
  public func read(unit: Int, plan: RunPlan) throws(ScenarioLoadError) -> PartialResult.Entry {
    let path = path(ofUnit: unit)
    let bytes = try FileSystem.read(path, limit: PartialResult.maximumFileSize)
    var found: PartialResult.Entry?
    do throws(ScenarioError) {
      let (header, _) = try PartialResult.read(bytes: bytes, file: path, known: plan) { entry throws(ScenarioError) in
        guard found == nil, entry.unit == unit else {
          throw ScenarioError(file: path, path: .root, message: "expected unit \(unit) alone")
        }
        found = entry
      }
      let differences = header.identity.differences(from: plan.identity)
      guard differences.isEmpty else {
        throw ScenarioError(
          file: path, path: .root,
          message: "left by a different run: \(differences.joined(separator: "; ")) "
            + "(remove \(directory) or run without --resume)")
      }
    } catch {
      throw .invalid([error])
    }
    guard let found else {
      throw .invalid([ScenarioError(file: path, path: .root, message: "holds no result (expected unit \(unit))")])
    }
    return found
  }

  /// Removes every unit file (and leftover temporary file) of the store, then the directory if it
  /// is empty. Failures are ignored: what remains is at worst an unused directory.
  public func removeAll() {
    for name in entries() where UnitStore.unit(fromFileName: name) != nil || name.hasPrefix(".unit-") {
      FileSystem.remove("\(directory)/\(name)")
    }
    FileSystem.removeDirectory(directory)
  }

  /// The names in the directory; empty if it cannot be read.
  func entries() -> [String] { FileSystem.list(directory) ?? [] }
}
