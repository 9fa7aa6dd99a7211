/// `memgo validate SCENARIO.json...`: load and check each file and every sweep point; run nothing.
enum ValidateCommand {
  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "validate", options: [])
    if args.flags.contains("help") {
      Output.write(HelpText.validate)
      return
    }
    guard !args.positionals.isEmpty else {
      throw .usage("validate: expected one or more scenario files (usage: memgo validate SCENARIO.json...)")
    }
    var worst: CLIError?
    for path in args.positionals {
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
