import MemgoCore

/// `memgo merge PART.json... --out DIR`: combine the partial results of a sharded run into its
/// report, byte for byte the report of the same run unsharded.
enum MergeCommand {
  static let options = [
    OptionSpec(name: "out", takesValue: true),
    OptionSpec(name: "format", takesValue: true),
    OptionSpec(name: "quiet", takesValue: false),
    OptionSpec(name: "plot", takesValue: true),
  ]

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "merge", options: options)
    if args.flags.contains("help") {
      Output.write(HelpText.merge)
      return
    }
    guard !args.positionals.isEmpty else {
      throw .usage("merge: expected one or more partial result files (usage: memgo merge PART.json... --out DIR)")
    }
    let format = try ReportFormat(
      rawValue: args.choice("format", command: "merge", from: ReportFormat.allCases.map(\.rawValue)) ?? "table")!
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
