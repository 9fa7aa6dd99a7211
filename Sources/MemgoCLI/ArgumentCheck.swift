import MemgoCore

/// Parses and checks a whole command line the way `runMemgo` would, without reading a file,
/// writing anything or running a simulation: the parse-only entry point that the command-line
/// fuzz target and its regression tests drive (docs/robustness.md).
///
/// Each command contributes its `parse` (the part of its `main` before any I/O); a new command adds
/// one line to the `switch`. Commands without a `parse` are accepted unchecked.
/// - Throws: the `CLIError` that `runMemgo` would report for the same arguments.
public func checkArguments(_ arguments: [String]) throws(CLIError) {
  guard let command = arguments.first else { throw .usage("no command given (try 'memgo help')") }
  let rest = Array(arguments.dropFirst())
  switch command {
  case "run":
    let args = try ParsedArguments(rest, command: "run", options: RunCommand.options)
    guard !args.flags.contains("help") else { return }
    guard args.positionals.count == 1 else {
      throw .usage(
        "run: expected one scenario file, got \(args.positionals.count) (usage: memgo run SCENARIO.json [options])")
    }
    _ = try args.choice("format", command: "run", from: ReportFormat.allCases.map(\.rawValue))
    _ = try args.integer("replications", command: "run", in: 1...100_000)
    _ = try args.integer("jobs", command: "run", in: 1...4096)
    if let text = args.values["seed"], UInt64(text) == nil {
      throw .usage("run: --seed '\(text)' is not a whole number in 0...\(UInt64.max)")
    }
  case "validate": _ = try ValidateCommand.parse(rest)
  case "bench": _ = try BenchCommand.parse(rest)
  case "serve": _ = try ServeCommand.parse(rest)
  case "help", "-h", "--help":
    if let topic = rest.first, HelpText.forCommand(topic) == nil {
      throw .usage("help: unknown command '\(topic)' (commands: \(HelpText.commands.joined(separator: ", ")))")
    }
  case "--version", "version": break
  default:
    guard HelpText.commands.contains(command) else {
      let hint = nearestName(command, in: HelpText.commands).map { " (did you mean '\($0)'?)" } ?? ""
      throw .usage("unknown command '\(command)'\(hint); see 'memgo help'")
    }
  }
}

/// The command-line fuzz target: splits `bytes` into arguments at NUL and newline bytes (at most
/// 64 of them), runs `checkArguments`, and returns the properties that failed: a refusal must be a
/// usage error (exit status 2) of one or more non-empty lines without line breaks, each starting
/// with the command it concerns or a file name, never a trap.
public func fuzzArguments(_ bytes: [UInt8]) -> [String] {
  var arguments: [String] = []
  var current: [UInt8] = []
  for byte in bytes {
    if byte == 0 || byte == 0x0A {
      arguments.append(String(decoding: current, as: UTF8.self))
      current = []
      if arguments.count == 64 { break }
    } else {
      current.append(byte)
    }
  }
  if arguments.count < 64 && !current.isEmpty { arguments.append(String(decoding: current, as: UTF8.self)) }
  do {
    try checkArguments(arguments)
    return []
  } catch {
    var problems: [String] = []
    if error.status != 2 { problems.append("status \(error.status) for a usage error: \(error.lines)") }
    if error.lines.isEmpty { problems.append("a usage error without a message") }
    for line in error.lines where line.isEmpty || Output.oneLine(line).contains(where: \.isNewline) {
      problems.append("message is empty or spans lines: \(line.debugDescription)")
    }
    return problems
  }
}
