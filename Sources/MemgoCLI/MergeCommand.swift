import MemgoCore

/// `memgo merge PART.json... --out DIR`: combine the partial results of a sharded run into its
/// report, byte for byte the report of the same run unsharded.
enum MergeCommand {
  static let options: [OptionSpec] = [
    OptionSpec(
      "out", value: "DIR", help: "Write DIR/NAME.md, DIR/NAME.csv, DIR/NAME.json and, for a sweep, DIR/NAME.svg",
      values: "a directory", default: "none", completion: .directory),
    .reportFormat(),
    OptionSpec(
      "plot", value: "METRIC", help: "The metric plotted and compared in paired differences", values: "a report key",
      default: "faultRate", completion: .choices(Metric.allCases.map(\.key))),
    OptionSpec("quiet", help: "Print nothing on stdout"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "merge", synopsis: "PART.json...", summary: "Combine the partial results of a sharded run into its report.",
    overview: "Combine the partial results of a sharded run into its report, byte for byte the report of the same "
      + "run without shards.",
    usage: "merge PART.json... [--out DIR] [options]",
    arguments: [
      ArgumentSpec(
        name: "PART.json",
        help: "Partial results written by 'memgo run --shard K/N --out DIR', one per shard, in any order.",
        completion: .file(extension: "json"), repeats: true)
    ],
    options: options,
    notes: HelpFormatter.paragraph(
      "Refuses (exit status 2, one line per problem) parts written by another memgo version, parts of different "
        + "runs (scenario file, seed, replications), a work unit given twice, and missing work units, which it "
        + "names with the shards that hold them."),
    run: { arguments throws(CLIError) in try main(arguments) })

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "merge", options: options)
    if args.flags.contains("help") {
      Output.write(spec.help)
      return
    }
    guard !args.positionals.isEmpty else {
      throw .usage("merge: expected one or more partial result files (usage: memgo merge PART.json... --out DIR)")
    }
    let format = try ReportFormat(
      rawValue: args.values["format"] ?? "table")!
    let plot = try ReportFiles.plotMetric(args, command: "merge")
    let report: Report
    do {
      report = try PartialResultMerge.merge(paths: args.positionals, version: memgoVersion, primaryMetric: plot) {
        path throws(ScenarioLoadError) in
        try FileSystem.read(path, limit: PartialResult.maximumFileSize, expected: "a partial result file")
      }
    } catch {
      switch error {
      case .io(let message): throw .failure(message)
      case .invalid(let problems): throw .invalid(problems.map(\.description))
      }
    }
    if let out = args.values["out"] { try ReportFiles.write(report, name: report.scenario, to: out, plot: plot) }
    if !args.flags.contains("quiet") { Output.write(format.render(report)) }
  }
}
