#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Loads scenario files: reads the JSON, checks it strictly against the schema (SPEC "Scenario
/// file"), expands the sweep, and validates every point, reporting all problems at once.
///
/// Usage (the CLI):
/// ```swift
/// do {
///   let file = try ScenarioLoader.load(path: "scenarios/x.json")
/// } catch {
///   for line in error.lines { print("memgo: \(line)", to: &standardError) }
///   exit(error.exitStatus)  // 1 for I/O failures, 2 for invalid content
/// }
/// ```
public enum ScenarioLoader {
  /// The largest scenario file accepted (64 MiB); larger files are invalid input.
  public static let maximumFileSize = 64 << 20
  /// The most problems listed for one file; a final line says how many more there were.
  public static let maximumReportedErrors = 100

  /// Reads and loads the scenario file at `path`.
  ///
  /// Throws `.io` when the file cannot be read (missing, a directory, no permission) and
  /// `.invalid` with every problem found when it is not a valid scenario.
  public static func load(path: String) throws(ScenarioLoadError) -> ScenarioFile {
    let bytes = try readFile(path: path, limit: maximumFileSize)
    return try load(bytes: bytes, path: path)
  }

  /// Loads a scenario from the file's bytes; `path` names the file in errors and gives the default
  /// name. With `checksTraces` false the trace files that processes replay are not opened (to merge
  /// stored results, which never runs them).
  public static func load(bytes: [UInt8], path: String, checksTraces: Bool = true) throws(ScenarioLoadError)
    -> ScenarioFile
  {
    if bytes.count > maximumFileSize {
      throw .invalid([
        ScenarioError(
          file: path, path: .root,
          message: "the file is larger than \(Units.formatSize(Int64(maximumFileSize))) (the limit for scenario files)")
      ])
    }
    let root: JSONValue
    do throws(JSONParseError) {
      root = try JSONParser.parse(bytes)
    } catch {
      throw .invalid([ScenarioError(file: path, path: .root, message: error.description)])
    }
    guard case .object(let members) = root else {
      throw .invalid([
        ScenarioError(
          file: path, path: .root,
          message: "expected a JSON object at the top level, found \(ScenarioDecoder.found(root))")
      ])
    }
    let name = defaultName(forPath: path)

    // The sweep, if any.
    // Trace files replayed by processes are read once per load, not once per sweep point.
    let traceChecks = TraceCheckCache(checksTraces: checksTraces)
    var sweepDecoder = ScenarioDecoder(file: path)
    var axes: [SweepAxisPlan] = []
    var sweepValid = true
    if let i = members.firstIndex(where: { $0.key == "sweep" }) {
      let node = JSONNode(value: members[i].value, path: JSONPath.root.appending(key: "sweep"), order: [i])
      if let planned = ScenarioSweep.plan(node, root: root, decoder: &sweepDecoder) {
        axes = planned
      } else {
        sweepValid = false
      }
    }

    var baseDecoder = ScenarioDecoder(file: path, traceChecks: traceChecks)
    let base = baseDecoder.scenario(root, defaultName: name)

    guard sweepValid else {
      // Report the sweep's problems and the base's, except those a valid sweep path would replace.
      let sweptPaths = sweptPathsForMasking(members: members)
      let baseErrors = baseDecoder.errors.filter { error in !sweptPaths.contains { error.path.hasPrefix($0) } }
      throw .invalid(
        finish(
          sweepDecoder.errors + baseErrors, file: path,
          incomplete: sweepDecoder.omitted > 0 || baseDecoder.omitted > 0))
    }
    let file: ScenarioFile
    if axes.isEmpty {
      guard let base else {
        throw .invalid(finish(baseDecoder.errors, file: path, incomplete: baseDecoder.omitted > 0))
      }
      file = ScenarioFile(
        path: path, json: root, base: base, axes: [],
        points: [SweepPoint(index: 0, parameters: [], scenario: base)])
    } else {
      switch ScenarioSweep.expand(root: root, axes: axes, file: path, defaultName: name, traceChecks: traceChecks) {
      case .problems(let errors, let incomplete):
        throw .invalid(finish(errors, file: path, incomplete: incomplete))
      case .points(let points):
        // Without the sweep applied the file may lack a key the sweep supplies: then the first point
        // stands for the base.
        file = ScenarioFile(
          path: path, json: root, base: base ?? points[0].scenario,
          axes: axes.map { SweepAxis(path: $0.key, values: $0.values) }, points: points)
      }
    }
    if let problem = ResourceEstimate.resultProblem(of: file.points) {
      // Where the runs come from: the replications if given, else the sweep.
      let key = members.contains { $0.key == "replications" } ? "replications" : axes.isEmpty ? nil : "sweep"
      let order = key.flatMap { key in members.firstIndex { $0.key == key } }.map { [$0] } ?? []
      throw .invalid([
        ScenarioError(
          file: path, path: key.map { JSONPath.root.appending(key: $0) } ?? .root, order: order, message: problem)
      ])
    }
    return file
  }

  /// The scenario name used when the file gives none: the file's base name without `.json`.
  public static func defaultName(forPath path: String) -> String {
    var name = Substring(path)
    while name.hasSuffix("/") { name = name.dropLast() }
    if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
    if name.hasSuffix(".json") && name.count > 5 { name = name.dropLast(5) }
    return String(name)
  }

  // MARK: - Helpers

  /// Paths named by syntactically valid, schema-known sweep keys (to hide base problems the sweep fixes).
  private static func sweptPathsForMasking(members: [JSONMember]) -> [JSONPath] {
    guard case .object(let sweep)? = members.first(where: { $0.key == "sweep" })?.value else { return [] }
    return sweep.compactMap { member in
      JSONPath(parsing: member.key).flatMap { ScenarioSchema.checkSweepPath($0) == nil ? $0 : nil }
    }
  }

  /// Sorts problems into file order (stable) and caps their number; `incomplete` says that the
  /// decoder stopped keeping problems, so the count of those not shown is a lower bound.
  private static func finish(_ errors: [ScenarioError], file: String, incomplete: Bool) -> [ScenarioError] {
    let sorted = errors.enumerated().sorted { a, b in
      if a.element.order != b.element.order { return ScenarioError.inFileOrder(a.element, b.element) }
      return a.offset < b.offset
    }.map(\.element)
    guard sorted.count > maximumReportedErrors || incomplete else { return sorted }
    let more = max(0, sorted.count - maximumReportedErrors)
    let count = incomplete ? "at least \(more + 1)" : String(more)
    return Array(sorted.prefix(maximumReportedErrors)) + [
      ScenarioError(
        file: file, path: .root, message: "\(count) more problem\(more == 1 && !incomplete ? "" : "s") not shown")
    ]
  }

  /// Reads a whole file, refusing directories and stopping after `limit + 1` bytes.
  static func readFile(path: String, limit: Int) throws(ScenarioLoadError) -> [UInt8] {
    func failure(_ what: String) -> ScenarioLoadError {
      .io("\(path): \(what): \(String(cString: strerror(errno)))")
    }
    var descriptor: Int32
    repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
    if descriptor < 0 { throw failure("cannot open") }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) != 0 { throw failure("cannot read") }
    if status.st_mode & S_IFMT == S_IFDIR { throw .io("\(path): is a directory (expected a scenario file)") }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure("cannot read")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }
}
