import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `memgo reproduce [--check]`: regenerate reports/ from scenarios/ — every SCENARIOS/*.json gives
/// REPORTS/NAME.md, .csv, .json and, for a sweep, .svg. With `--check`, regenerate into a
/// temporary directory instead and fail (exit 1), naming each file that differs, is missing or
/// has no scenario, unless reports/ matches byte for byte. Documents written by hand beside the
/// reports (a stem in capitals: VALIDATION.md) and subdirectories (plots/) are left alone.
enum ReproduceCommand {
  static let options: [OptionSpec] = [
    OptionSpec(
      "check",
      help: "Regenerate into a temporary directory and compare: exit status 1, naming every file that differs, "
        + "is missing, or has no scenario",
      default: "off, write into reports/",
      details: "Documents named in capitals (VALIDATION.md) and subdirectories are left alone."),
    OptionSpec(
      "scenarios", value: "DIR", help: "Where the scenarios are", values: "a directory", default: "scenarios",
      completion: .directory),
    OptionSpec(
      "reports", value: "DIR", help: "Where the reports are", values: "a directory", default: "reports",
      completion: .directory),
    .jobs(help: "Work units run in parallel"),
    OptionSpec("progress", help: "Show progress on stderr even when it is not a terminal"),
    OptionSpec("quiet", help: "Print nothing on stdout and no progress"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "reproduce", synopsis: "[--check]",
    summary: "Regenerate reports/ from scenarios/; --check compares instead.",
    overview: "Regenerate the committed reports from the example scenarios: every scenarios/*.json gives "
      + "reports/NAME.md, .csv, .json and, for a sweep, .svg.",
    usage: "reproduce [--check] [options]", options: options,
    run: { arguments throws(CLIError) in try main(arguments) })

  /// The extensions of report files (others in reports/ are left alone).
  static let reportExtensions = ["md", "csv", "json", "svg"]

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "reproduce", options: options)
    if args.flags.contains("help") {
      Output.write(spec.help)
      return
    }
    guard args.positionals.isEmpty else { throw .usage("reproduce: unexpected argument '\(args.positionals[0])'") }
    let scenarios = args.values["scenarios"] ?? "scenarios"
    let reports = args.values["reports"] ?? "reports"
    let jobs = try RunCommand.jobCount(args, command: "reproduce")
    let quiet = args.flags.contains("quiet")
    let check = args.flags.contains("check")
    let showProgress = ProgressBar.enabled(force: args.flags.contains("progress"), quiet: quiet)

    guard let names = FileSystem.list(scenarios) else {
      throw .failure("\(scenarios): cannot read the scenario directory")
    }
    let paths = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { "\(scenarios)/\($0)" }
    guard !paths.isEmpty else { throw .usage("reproduce: no scenario files (*.json) in \(scenarios)") }

    // Load every scenario first, so that invalid ones fail before anything runs.
    var plans: [(path: String, plan: RunPlan)] = []
    var problems: [String] = []
    var owner: [String: String] = [:]
    for path in paths {
      do {
        let plan = RunPlan(
          loaded: try RunCommand.loadScenario(path), seedOverride: nil, replicationsOverride: nil,
          version: memgoVersion)
        let name = plan.identity.scenario
        if let other = owner[name] {
          problems.append(
            "\(path): names its reports '\(name)', as \(other) does (give each scenario its own \"name\")")
        }
        owner[name] = path
        plans.append((path, plan))
      } catch {
        if error.status == 1 { throw error }
        problems += error.lines
      }
    }
    if !problems.isEmpty { throw .invalid(problems) }

    var target = reports
    if check {
      var template = Array("\(temporaryDirectory())/memgo-reproduce-XXXXXX".utf8CString)
      guard let created = mkdtemp(&template) else {
        throw .failure(
          "\(temporaryDirectory()): cannot create a temporary directory: \(String(cString: strerror(errno)))")
      }
      target = String(cString: created)
    }
    var expected: [String] = []
    for (path, plan) in plans {
      let session = ExperimentSession(plan: plan, jobs: jobs)
      let outcome: ExperimentSession.Outcome
      do {
        outcome = try RunCommand.runSession(session, label: plan.identity.scenario, showProgress: showProgress)
      } catch {
        if check { removeTree(target) }
        throw error
      }
      guard case .report(let report) = outcome else {
        if check { removeTree(target) }
        throw .failure("reproduce: interrupted while running \(path); \(reports) is unchanged for it")
      }
      let files = try ReportFiles.write(report, name: plan.identity.scenario, to: target, plot: .faultRate)
      expected += files
      if !check && !quiet {
        Output.write("\(path) -> " + files.map { "\(reports)/\($0)" }.joined(separator: ", ") + "\n")
      }
    }
    guard check else { return }

    // Compare the fresh files with the committed ones.
    var differences: [String] = []
    for name in expected {
      let committed = "\(reports)/\(name)"
      guard FileSystem.exists(committed) else {
        differences.append("\(committed): missing (a fresh run writes it)")
        continue
      }
      let fresh: [UInt8]
      let old: [UInt8]
      do {
        fresh = try FileSystem.read("\(target)/\(name)", limit: 1 << 30)
        old = try FileSystem.read(committed, limit: 1 << 30)
      } catch {
        removeTree(target)
        throw .failure(error.lines.first ?? "\(committed): cannot read")
      }
      if fresh != old { differences.append("\(committed): differs from a fresh run (\(firstDifference(old, fresh)))") }
    }
    let expectedSet = Set(expected)
    for name in FileSystem.list(reports) ?? []
    where !name.hasPrefix(".") && !expectedSet.contains(name) && !isDocument(name) {
      if let dot = name.lastIndex(of: "."), reportExtensions.contains(String(name[name.index(after: dot)...])) {
        differences.append(
          "\(reports)/\(name): no scenario in \(scenarios) produces it (remove it or restore its scenario)")
      }
    }
    if differences.isEmpty {
      removeTree(target)
      if !quiet {
        Output.write("\(reports): \(expected.count) files match a fresh run of \(plans.count) scenarios\n")
      }
      return
    }
    throw CLIError(
      status: 1, lines: differences + ["fresh files are in \(target) (compare with: diff -r \(reports) \(target))"])
  }

  /// Whether `name` is a hand-written document kept beside the reports (VALIDATION.md, README.md):
  /// its stem has capitals and no lower-case letter. `--check` does not call it stale (a report of
  /// a scenario named in capitals is still compared, being among the expected files).
  static func isDocument(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: ".") else { return false }
    let stem = name[..<dot]
    return !stem.isEmpty && stem.allSatisfy { !$0.isLowercase } && stem.contains { $0.isUppercase }
  }

  /// `line N` of the first difference, or which file is longer.
  static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    var line = 1
    for i in 0..<min(a.count, b.count) {
      if a[i] != b[i] { return "first difference on line \(line)" }
      if a[i] == UInt8(ascii: "\n") { line += 1 }
    }
    return a.count < b.count
      ? "the fresh file is longer, from line \(line)" : "the fresh file is shorter, from line \(line)"
  }

  /// $TMPDIR, else /tmp.
  static func temporaryDirectory() -> String {
    if let value = getenv("TMPDIR"), let text = String(validatingCString: value), !text.isEmpty { return text }
    return "/tmp"
  }

  /// Removes the files of the directory `path` and then the directory (it holds no subdirectory).
  static func removeTree(_ path: String) {
    for name in FileSystem.list(path) ?? [] { FileSystem.remove("\(path)/\(name)") }
    FileSystem.removeDirectory(path)
  }
}
