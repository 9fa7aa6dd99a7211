import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `memgo run SCENARIO.json [options]`: simulate every point and replication, print the report,
/// write report files with `--out` and the event log with `--log`.
enum RunCommand {
  static let options: [OptionSpec] = [
    .seed(help: "Base seed of every random stream", default: "the scenario's \"seed\", else 1"),
    OptionSpec(
      "replications", value: "N", help: "Replications per sweep point", values: "1...100000",
      default: "the scenario's \"replications\", else 1"),
    .reportFormat(),
    OptionSpec(
      "out", value: "DIR",
      help: "Also write DIR/NAME.md, DIR/NAME.csv, DIR/NAME.json and, for a sweep, DIR/NAME.svg; keep each "
        + "finished work unit in DIR/NAME.units until the run completes",
      values: "a directory", default: "none", completion: .directory),
    OptionSpec(
      "log", value: "FILE|-",
      help: "Write the event log (JSON Lines) to FILE, or to stdout with '-' (the report then goes only to --out)",
      details: "One run only: no sweep and one replication.", completion: .file(extension: nil)),
    .jobs(help: "Work units (point × replication) run in parallel; the report is the same for every N"),
    OptionSpec(
      "shard", value: "K/N",
      help: "Run only the work units whose index is K-1 modulo N and write them to DIR/NAME.shard-K-of-N.json "
        + "for 'memgo merge'; needs --out",
      values: "1\u{A0}≤\u{A0}K\u{A0}≤\u{A0}N", default: "all units"),
    OptionSpec(
      "resume",
      help: "Skip the work units already finished in --out (after an interruption) and run the rest",
      default: "off; a run without it starts afresh"),
    OptionSpec(
      "plot", value: "METRIC", help: "The metric plotted in NAME.svg and compared in paired differences",
      values: "a report key such as faultRate, latencyP99, throughput", default: "faultRate",
      completion: .choices(Metric.allCases.map(\.key))),
    OptionSpec(
      "progress", help: "Show progress on stderr even when it is not a terminal",
      default: "on a terminal, for runs longer than a second"),
    OptionSpec("quiet", help: "Print nothing on stdout and no progress (use with --out)"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "run", synopsis: "SCENARIO.json", summary: "Simulate a scenario and print its report.",
    overview: "Simulate a scenario (every sweep point, every replication) and print its report.",
    usage: "run SCENARIO.json [options]",
    arguments: [
      ArgumentSpec(
        name: "SCENARIO.json", help: "The scenario file (see README, \"Scenario reference\").",
        completion: .file(extension: "json"))
    ],
    options: options,
    notes: HelpFormatter.paragraph(
      "SIGINT or SIGTERM stops the run after the work units in progress: those finished are kept in --out "
        + "(exit status 1); a second signal stops at once."),
    check: { arguments throws(CLIError) in _ = try parse(arguments) }, run: { arguments throws(CLIError) in try main(arguments) })

  /// What the command line asks for, checked before any file is read.
  struct Request {
    var path: String
    var format: ReportFormat
    var replications: Int?
    var jobs: Int
    var plot: Metric
    var seed: UInt64?
    var shard: ShardSpec?
    var out: String?
    var log: String?
    var resume: Bool
    var quiet: Bool
    var progress: Bool
  }

  /// Parses and checks the arguments without reading any file; nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> Request? {
    let args = try spec.parse(arguments)
    if args.flags.contains("help") { return nil }
    guard args.positionals.count == 1 else {
      throw .usage("run: expected one scenario file, got \(args.positionals.count) (usage: memgo run SCENARIO.json [options])")
    }
    let format = ReportFormat(rawValue: args.values["format"] ?? "table")!
    let replications = try args.integer("replications", command: "run", in: 1...100_000)
    let jobs = try jobCount(args, command: "run")
    let plot = try ReportFiles.plotMetric(args, command: "run")
    var seed: UInt64?
    if let text = args.values["seed"] {
      guard let value = UInt64(text) else {
        throw .usage("run: --seed '\(text)' is not a whole number in 0...\(UInt64.max)")
      }
      seed = value
    }
    var shard: ShardSpec?
    if let text = args.values["shard"] {
      guard let spec = ShardSpec(parsing: text) else {
        throw .usage(
          "run: --shard '\(text)' is not K/N with 1 ≤ K ≤ N ≤ \(ShardSpec.maximumCount) (e.g. --shard 2/8)")
      }
      shard = spec
    }
    let out = args.values["out"]
    let resume = args.flags.contains("resume")
    if out == nil && shard != nil {
      throw .usage("run: --shard writes a partial result file: give --out DIR")
    }
    if out == nil && resume { throw .usage("run: --resume reads the finished units from --out DIR: give --out DIR") }
    if args.values["log"] != nil && (shard != nil || resume) {
      throw .usage("run: --log records one whole run: it cannot be combined with --shard or --resume")
    }
    return Request(
      path: args.positionals[0], format: format, replications: replications, jobs: jobs, plot: plot, seed: seed,
      shard: shard, out: out, log: args.values["log"], resume: resume, quiet: args.flags.contains("quiet"),
      progress: args.flags.contains("progress"))
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let request = try parse(arguments) else {
      Output.write(spec.help)
      return
    }
    let (path, format, replications, jobs, plot) =
      (request.path, request.format, request.replications, request.jobs, request.plot)
    let (seed, shard, out, resume) = (request.seed, request.shard, request.out, request.resume)
    let loaded = try loadScenario(path)
    let plan = RunPlan(loaded: loaded, seedOverride: seed, replicationsOverride: replications, version: memgoVersion)
    let file = plan.scenario
    if let replications, let problem = ResourceEstimate.resultProblem(of: file.points) {
      throw .usage("\(path): --replications \(replications): \(problem)")
    }
    let quiet = request.quiet

    if let logPath = request.log {
      guard file.points.count == 1, file.points[0].scenario.replications == 1 else {
        throw .usage(
          "run: --log records one run, but \(path) has \(file.points.count) sweep point(s) × "
            + "\(file.points[0].scenario.replications) replication(s) (remove the sweep and use --replications 1)")
      }
      let result = try runWithLog(file.points[0].scenario, to: logPath)
      let report = Report.build(file: file, results: [[result]], version: memgoVersion, primaryMetric: plot)
      if let out { try ReportFiles.write(report, name: file.base.name, to: out, plot: plot) }
      if !quiet && logPath != "-" { Output.write(format.render(report)) }
      return
    }

    let session = ExperimentSession(
      plan: plan, jobs: jobs, shard: shard, outDirectory: out, resume: resume, primaryMetric: plot)
    let outcome = try runSession(
      session, label: shard.map { "\(file.base.name) shard \($0)" } ?? file.base.name,
      showProgress: ProgressBar.enabled(force: request.progress, quiet: quiet))
    switch outcome {
    case .report(let report):
      if let out { try ReportFiles.write(report, name: file.base.name, to: out, plot: plot) }
      session.finish()
      if !quiet { Output.write(format.render(report)) }
    case .part(let partPath, let units):
      if !quiet {
        Output.error("memgo: \(partPath): \(ReportTables.counted(units, "work unit")) of \(plan.units.count)")
      }
    case .interrupted(let kept, let total):
      var line = "run: interrupted"
      if let store = session.store {
        line += "; \(kept) of \(total) work units are finished and kept in \(store.directory)"
        line += " (add --resume to run the rest)"
      } else {
        line += " (nothing kept: with --out DIR, finished work units are kept and --resume runs the rest)"
      }
      throw .failure(line)
    }
  }

  /// `--jobs N`, else the number of online processors.
  static func jobCount(_ args: ParsedArguments, command: String) throws(CLIError) -> Int {
    try args.integer("jobs", command: command, in: 1...4096) ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// Runs `session` with SIGINT and SIGTERM handled between units and, if asked, a progress bar.
  static func runSession(_ session: ExperimentSession, label: String, showProgress: Bool) throws(CLIError)
    -> ExperimentSession.Outcome
  {
    Interruption.install()
    let progress = ExperimentProgress()
    let bar = showProgress ? ProgressBar(progress: progress, label: label) : nil
    bar?.start()
    defer { bar?.stop() }
    do {
      return try session.run(progress: progress, shouldStop: { Interruption.isRequested })
    } catch {
      switch error {
      case .io(let message): throw .failure(message)
      case .invalid(let problems): throw .invalid(problems.map(\.description))
      }
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

  /// Writes NAME.md, NAME.csv, NAME.json (and NAME.svg for a sweep) into `directory`, each
  /// atomically (kept for callers of the first CLI; see `ReportFiles`).
  static func writeReportFiles(_ report: Report, name: String, to directory: String) throws(CLIError) {
    try ReportFiles.write(report, name: name, to: directory, plot: .faultRate)
  }

  /// Runs the single run of `scenario` with the event log going to `path` (or stdout for `-`).
  /// A log file is written under a temporary name and renamed once complete; a run that fails
  /// leaves no log file.
  static func runWithLog(_ scenario: Scenario, to path: String) throws(CLIError) -> RunResult {
    let names = scenario.processes.flatMap { Array(repeating: $0.name, count: $0.count) }
    if path == "-" {
      var log = JSONLinesLog(sink: FileSink(descriptor: 1), processNames: names)
      let result: RunResult
      do { result = try Experiment.run(scenario, replication: 0, log: &log) } catch { throw CLIError(error) }
      if let failure = log.sink.failure { throw .failure("--log -: cannot write to stdout: \(failure)") }
      return result
    }
    let pending: AtomicFile.Pending
    do { pending = try AtomicFile.openTemporary(for: path) } catch { throw .failure("\(error)") }
    var log = JSONLinesLog(sink: FileSink(descriptor: pending.descriptor), processNames: names)
    let result: RunResult
    do {
      result = try Experiment.run(scenario, replication: 0, log: &log)
    } catch {
      AtomicFile.abandon(pending)
      throw CLIError(error)
    }
    if let failure = log.sink.failure {
      AtomicFile.abandon(pending)
      throw .failure("\(path): cannot write the log: \(failure)")
    }
    do { try AtomicFile.commit(pending) } catch { throw .failure("\(error)") }
    return result
  }
}
