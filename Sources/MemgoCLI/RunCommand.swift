import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `memgo run SCENARIO.json [options]`: simulate every point and replication, print the report,
/// write report files with `--out` and the event log with `--log`.
enum RunCommand {
  static let options = [
    OptionSpec(name: "seed", takesValue: true),
    OptionSpec(name: "replications", takesValue: true),
    OptionSpec(name: "format", takesValue: true),
    OptionSpec(name: "out", takesValue: true),
    OptionSpec(name: "log", takesValue: true),
    OptionSpec(name: "jobs", takesValue: true),
    OptionSpec(name: "quiet", takesValue: false),
  ]

  /// The command line of `memgo run`, checked.
  struct Parsed {
    var args: ParsedArguments
    var path: String
    var format: ReportFormat
    var replications: Int?
    var jobs: Int
    var seed: UInt64?
  }

  /// Parses and checks the arguments without reading any file; nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> Parsed? {
    let args = try ParsedArguments(arguments, command: "run", options: options)
    if args.flags.contains("help") { return nil }
    guard args.positionals.count == 1 else {
      throw .usage("run: expected one scenario file, got \(args.positionals.count) (usage: memgo run SCENARIO.json [options])")
    }
    let formatName = try args.choice("format", command: "run", from: ReportFormat.allCases.map(\.rawValue))
    let format = ReportFormat(rawValue: formatName ?? "table") ?? .table
    let replications = try args.integer("replications", command: "run", in: 1...100_000)
    let jobs = try args.integer("jobs", command: "run", in: 1...4096) ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    var seed: UInt64?
    if let text = args.values["seed"] {
      guard let value = UInt64(text) else {
        throw .usage("run: --seed '\(text)' is not a whole number in 0...\(UInt64.max)")
      }
      seed = value
    }
    return Parsed(
      args: args, path: args.positionals[0], format: format, replications: replications, jobs: max(1, jobs), seed: seed)
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let parsed = try parse(arguments) else {
      Output.write(HelpText.run)
      return
    }
    let (args, path, format, replications, jobs, seed) =
      (parsed.args, parsed.path, parsed.format, parsed.replications, parsed.jobs, parsed.seed)

    var file = try loadScenario(path)
    for i in file.points.indices {
      if let seed { file.points[i].scenario.seed = seed }
      if let replications { file.points[i].scenario.replications = replications }
    }
    if let seed { file.base.seed = seed }
    if let replications {
      file.base.replications = replications
      if let problem = ResourceEstimate.resultProblem(of: file.points) {
        throw .usage("\(path): --replications \(replications): \(problem)")
      }
    }

    let report: Report
    if let logPath = args.values["log"] {
      guard file.points.count == 1, file.points[0].scenario.replications == 1 else {
        throw .usage(
          "run: --log records one run, but \(path) has \(file.points.count) sweep point(s) × "
            + "\(file.points[0].scenario.replications) replication(s) (remove the sweep and use --replications 1)")
      }
      let result = try runWithLog(file.points[0].scenario, to: logPath)
      report = Report.build(file: file, results: [[result]], version: memgoVersion)
    } else {
      report = Report.build(file: file, results: Experiment.run(file, jobs: jobs), version: memgoVersion)
    }

    if let directory = args.values["out"] {
      try writeReportFiles(report, name: file.base.name, to: directory)
    }
    if !args.flags.contains("quiet") && args.values["log"] != "-" {
      Output.write(format.render(report))
    }
  }

  /// Loads and validates a scenario file, turning its errors into CLI errors.
  static func loadScenario(_ path: String) throws(CLIError) -> ScenarioFile {
    do {
      return try ScenarioLoader.load(path: path)
    } catch {
      switch error {
      case .io(let message): throw .failure(message)
      case .invalid(let problems): throw .invalid(problems.map(\.description))
      }
    }
  }

  /// Writes NAME.md, NAME.csv and NAME.json into `directory`, each atomically.
  static func writeReportFiles(_ report: Report, name: String, to directory: String) throws(CLIError) {
    do {
      try AtomicFile.createDirectory(directory)
      for (format, ext) in [(ReportFormat.markdown, "md"), (.csv, "csv"), (.json, "json")] {
        try AtomicFile.write(format.render(report), to: "\(directory)/\(name).\(ext)")
      }
    } catch {
      throw .failure("\(error)")
    }
  }

  /// Runs the single run of `scenario` with the event log going to `path` (or stdout for `-`).
  /// A log file is written under a temporary name and renamed once complete.
  static func runWithLog(_ scenario: Scenario, to path: String) throws(CLIError) -> RunResult {
    let names = scenario.processes.flatMap { Array(repeating: $0.name, count: $0.count) }
    if path == "-" {
      var log = JSONLinesLog(sink: FileSink(descriptor: 1), processNames: names)
      let result = Simulation.run(scenario, replication: 0, log: &log)
      if let failure = log.sink.failure { throw .failure("--log -: cannot write to stdout: \(failure)") }
      return result
    }
    let pending: AtomicFile.Pending
    do { pending = try AtomicFile.openTemporary(for: path) } catch { throw .failure("\(error)") }
    var log = JSONLinesLog(sink: FileSink(descriptor: pending.descriptor), processNames: names)
    let result = Simulation.run(scenario, replication: 0, log: &log)
    if let failure = log.sink.failure {
      AtomicFile.abandon(pending)
      throw .failure("\(path): cannot write the log: \(failure)")
    }
    do { try AtomicFile.commit(pending) } catch { throw .failure("\(error)") }
    return result
  }
}
