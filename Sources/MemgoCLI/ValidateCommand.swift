/// `memgo validate SCENARIO.json...`: load and check each file and every sweep point; run nothing.
enum ValidateCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "validate", synopsis: "SCENARIO...", summary: "Check scenario files; run nothing.",
    overview: "Check scenario files and every sweep point in them; run nothing.",
    usage: "validate SCENARIO.json...",
    arguments: [
      ArgumentSpec(
        name: "SCENARIO.json", help: "One or more scenario files.", completion: .file(extension: "json"), repeats: true)
    ],
    notes: HelpFormatter.paragraph(
      "Each problem is printed on stderr as 'memgo: FILE: JSON.PATH: what is wrong (what is expected)'. Exit "
        + "status 2 if any file is invalid, 1 if one cannot be read."),
    check: { arguments throws(CLIError) in _ = try parse(arguments) }, run: { arguments throws(CLIError) in try main(arguments) })

  /// Parses and checks the arguments without reading any file: the paths, or nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> [String]? {
    let args = try spec.parse(arguments)
    if args.flags.contains("help") { return nil }
    guard !args.positionals.isEmpty else {
      throw .usage("validate: expected one or more scenario files (usage: memgo validate SCENARIO.json...)")
    }
    return args.positionals
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let paths = try parse(arguments) else {
      Output.write(spec.help)
      return
    }
    var worst: CLIError?
    for path in paths {
      do {
        let file = try RunCommand.loadScenario(path)
        let runs = file.points.reduce(0) { $0 + $1.scenario.replications }
        Output.write("\(path): ok (\(file.points.count) point(s), \(runs) run(s))\n")
      } catch {
        for line in error.lines { Output.error("memgo: \(line)") }
        if worst == nil || error.status == 2 { worst = CLIError(status: error.status, lines: []) }
      }
    }
    if let worst { throw worst }
  }
}
