import MemgoCore

/// Every command of memgo, in the order `memgo help` lists them: the one list that dispatch,
/// help, the parse-only check and the shell completions read.
enum Commands {
  static let all: [CommandSpec] = [
    RunCommand.spec, ValidateCommand.spec, ExplainCommand.spec, MergeCommand.spec, ReproduceCommand.spec,
    TraceCommand.spec, BenchCommand.spec, ServeCommand.spec, ClientCommand.spec, SchemaCommand.spec,
    CompletionsCommand.spec, HelpCommand.spec,
  ]

  /// The command called `name`, or nil.
  static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

  /// The command called `name`, or a usage error naming the nearest command.
  static func find(_ name: String) throws(CLIError) -> CommandSpec {
    if let command = named(name) { return command }
    let hint = nearestName(name, in: all.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
    throw .usage("unknown command '\(name)'\(hint); see 'memgo help'")
  }
}

/// `memgo help [COMMAND]`: the overview, or one command's help.
enum HelpCommand {
  static let spec: CommandSpec = CommandSpec(
    name: "help", synopsis: "[COMMAND]", summary: "Show help for memgo or one command.",
    overview: "Show help for memgo or one command.", usage: "help [COMMAND]",
    arguments: [ArgumentSpec(name: "COMMAND", help: "A command's name (default: the overview).", completion: .command)],
    check: { arguments throws(CLIError) in _ = try topic(arguments) },
    run: { arguments throws(CLIError) in
      Output.write(try topic(arguments)?.help ?? HelpFormatter.overview(Commands.all))
    })

  /// The command whose help is asked for, or nil for the overview.
  static func topic(_ arguments: [String]) throws(CLIError) -> CommandSpec? {
    let args = try spec.parse(arguments)
    if args.flags.contains("help") { return spec }
    guard let name = args.positionals.first else { return nil }
    guard args.positionals.count == 1 else {
      throw .usage("help: expected at most one command, got \(args.positionals.count)")
    }
    guard let command = Commands.named(name) else {
      let names = Commands.all.map(\.name)
      let hint = nearestName(name, in: names).map { "did you mean '\($0)'? " } ?? ""
      throw .usage("help: unknown command '\(name)' (\(hint)commands: \(names.joined(separator: ", ")))")
    }
    return command
  }
}
