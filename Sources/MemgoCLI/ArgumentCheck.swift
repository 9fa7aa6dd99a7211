import MemgoCore

/// Parses and checks a whole command line the way `runMemgo` would, without reading a file,
/// writing anything or running a simulation: the parse-only entry point that the command-line
/// fuzz target and its regression tests drive (docs/robustness.md). A command that declares a
/// check (`CommandSpec.check`: run, validate, bench, serve, completions, help) runs the part of its
/// `main` before any I/O; for the others (explain, merge, reproduce, trace, client) only the parser
/// runs: unknown options, missing values and the declared choices.
/// - Throws: the `CLIError` that `runMemgo` would report for the same arguments (for commands
///   without a check, only the parser's errors).
public func checkArguments(_ arguments: [String]) throws(CLIError) {
  guard let name = arguments.first else { throw .usage("no command given (try 'memgo help')") }
  let rest = Array(arguments.dropFirst())
  switch name {
  case "-h", "--help": _ = try HelpCommand.topic(rest)
  case "--version", "version": break
  default:
    let command = try Commands.find(name)
    if let check = command.check { try check(rest) } else { _ = try command.parse(rest) }
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
