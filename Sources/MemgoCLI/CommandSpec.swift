import MemgoCore

/// What the shell may complete for an argument or an option's value.
enum CompletionKind: Sendable, Equatable {
  /// Nothing to suggest (a number, a name, a list).
  case none
  /// One of these words.
  case choices([String])
  /// A file, optionally one ending in this extension (`json`).
  case file(extension: String?)
  /// A directory.
  case directory
  /// The name of a memgo command.
  case command
}

/// One option a command accepts, declared once: the parser, `--help` and the shell completions
/// are all generated from it.
struct OptionSpec: Sendable {
  /// The long name without dashes (`format`).
  var name: String
  /// The value's placeholder in the help (`F`, `DIR`), or nil for a flag that takes no value.
  var value: String?
  /// What it does: a sentence without its final period.
  var help: String
  /// The values it accepts, for the help's "(values: ...)"; nil when `help` says it.
  var values: String?
  /// Its default, for the help's "default: ..."; nil when there is none to state.
  var defaultValue: String?
  /// Sentences printed after the first.
  var details: String?
  /// What the shell completes for its value.
  var completion: CompletionKind
  /// The only values the parser accepts (a usage error with a did-you-mean otherwise), or nil.
  var choices: [String]?

  init(
    _ name: String, value: String? = nil, help: String, values: String? = nil, default defaultValue: String? = nil,
    details: String? = nil, completion: CompletionKind = .none
  ) {
    self.name = name
    self.value = value
    self.help = help
    self.values = values
    self.defaultValue = defaultValue
    self.details = details
    self.completion = completion
  }

  /// Whether it takes a value (`--format json` or `--format=json`).
  var takesValue: Bool { value != nil }

  /// A value that must be one of `choices`: listed in the help, completed by the shell, and
  /// enforced by the parser.
  static func choice(
    _ name: String, value: String = "F", help: String, choices: [String], default defaultValue: String?,
    details: String? = nil
  ) -> OptionSpec {
    var option = OptionSpec(
      name, value: value, help: help, values: choices.joined(separator: ", "), default: defaultValue,
      details: details, completion: .choices(choices))
    option.choices = choices
    return option
  }

  /// The one description of `--format` among report formats.
  static func reportFormat(help: String = "Report format on stdout") -> OptionSpec {
    .choice("format", help: help, choices: ReportFormat.allCases.map(\.rawValue), default: "table")
  }

  /// The one description of `--jobs`.
  static func jobs(help: String, default defaultValue: String = "the number of cores", details: String? = nil)
    -> OptionSpec
  {
    OptionSpec("jobs", value: "N", help: help, values: "1...4096", default: defaultValue, details: details)
  }

  /// The one description of `--seed`.
  static func seed(help: String, default defaultValue: String) -> OptionSpec {
    OptionSpec("seed", value: "N", help: help, values: "0...2^64-1", default: defaultValue)
  }
}

/// A positional argument of a command, for its help and completions.
struct ArgumentSpec: Sendable {
  /// Its name in the usage line (`SCENARIO.json`).
  var name: String
  var help: String
  var completion: CompletionKind
  /// Whether it may be given several times (`validate A.json B.json`).
  var repeats = false
}

/// One command of memgo, declared once: its name, what it does, its arguments and options and
/// the code that runs it. Dispatch (`Commands`), `--help` and `memgo help` (`HelpFormatter`),
/// usage errors with did-you-mean (`ParsedArguments`), the parse-only check the fuzz target drives
/// (`checkArguments`) and shell completions (`memgo completions`) are all generated from it.
struct CommandSpec: Sendable {
  var name: String
  /// What `memgo help` lists beside the name: the synopsis (`SCENARIO.json`) and one sentence.
  var synopsis: String
  var summary: String
  /// What it does, the help's first paragraph.
  var overview: String
  /// The usage line after `memgo ` (`run SCENARIO.json [options]`).
  var usage: String
  var arguments: [ArgumentSpec] = []
  var options: [OptionSpec] = []
  /// Paragraphs after the options (behaviour, examples, exit status), already laid out.
  var notes: String = ""
  /// Checks a command line without touching a file (nil: the parser's checks only).
  var check: (@Sendable ([String]) throws(CLIError) -> Void)?
  /// Runs the command with the arguments after its name.
  var run: @Sendable ([String]) throws(CLIError) -> Void

  /// The help text (`memgo help NAME`, `memgo NAME --help`).
  var help: String { HelpFormatter.help(for: self) }

  /// Parses `arguments` against the options (for commands that take their arguments this way).
  func parse(_ arguments: [String]) throws(CLIError) -> ParsedArguments {
    try ParsedArguments(arguments, command: name, options: options)
  }
}
