/// The help texts, generated from the command declarations (`CommandSpec`) in the layout
/// swift-argument-parser made familiar: OVERVIEW, USAGE, ARGUMENTS, OPTIONS, then the command's
/// notes, wrapped to `width` columns with descriptions from column `column`.
enum HelpFormatter {
  /// The widest line.
  static let width = 98
  /// Where descriptions start in ARGUMENTS, OPTIONS and SUBCOMMANDS.
  static let column = 26

  /// `memgo help`: what memgo is, and every command with its summary.
  static func overview(_ commands: [CommandSpec]) -> String {
    var out = paragraph(
      "OVERVIEW: memgo — a discrete-event performance modeler of OS memory management.") + "\n"
    out += paragraph(
      "Client processes issue memory reads and writes; the MMU translates them through a TLB and a multi-level "
        + "page table; faults evict victims chosen by a replacement policy and go to disk. Scenarios are JSON "
        + "files; reports give fault rates, latency and throughput.") + "\n"
    out += "USAGE: memgo <command> [options]\n\n"
    out += "SUBCOMMANDS:\n"
    for command in commands {
      out += entry(command.synopsis.isEmpty ? command.name : "\(command.name) \(command.synopsis)", command.summary)
    }
    out += "\nOPTIONS:\n"
    out += entry("-h, --help", "Show help information.")
    out += entry("--version", "Show the version.")
    out += "\n" + paragraph("EXIT STATUS: 0 success; 2 bad usage or invalid input; 1 any other failure.")
    return out
  }

  /// `memgo help NAME`: the command's overview, usage, arguments, options and notes.
  static func help(for command: CommandSpec) -> String {
    var out = paragraph("OVERVIEW: " + command.overview) + "\n"
    out += "USAGE: memgo \(command.usage)\n\n"
    if !command.arguments.isEmpty {
      out += "ARGUMENTS:\n"
      for argument in command.arguments { out += entry(argument.name, argument.help) }
      out += "\n"
    }
    out += "OPTIONS:\n"
    for option in command.options { out += entry(label(of: option), description(of: option)) }
    out += entry("-h, --help", "Show help information.")
    if !command.notes.isEmpty { out += "\n" + command.notes }
    return out
  }

  /// `--name VALUE`.
  static func label(of option: OptionSpec) -> String {
    "--\(option.name)" + (option.value.map { " \($0)" } ?? "")
  }

  /// The option's help with its values and default: `Help (values: V; default: D). Details`
  /// (the details left out with `details: false`, as shell completions show it).
  static func description(of option: OptionSpec, details: Bool = true) -> String {
    var parts: [String] = []
    if let values = option.values { parts.append("values: \(values)") }
    if let defaultValue = option.defaultValue { parts.append("default: \(defaultValue)") }
    var text = option.help + (parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")") + "."
    if details, let more = option.details { text += " " + more }
    return text
  }

  /// One entry of a list: `label` from column 2 and `text` wrapped from `column` (on the next line
  /// when the label is too long to leave two spaces).
  static func entry(_ label: String, _ text: String) -> String {
    let indent = String(repeating: " ", count: column)
    let lines = wrap(text, width: width - column)
    var out = "  " + label
    if label.count + 2 > column - 2 {
      out += "\n" + indent
    } else {
      out += String(repeating: " ", count: column - 2 - label.count)
    }
    out += lines.joined(separator: "\n" + indent) + "\n"
    return out
  }

  /// `text` wrapped to `width`, ending in a newline.
  static func paragraph(_ text: String) -> String {
    wrap(text, width: width).joined(separator: "\n") + "\n"
  }

  /// The lines of `text` filled greedily to at most `width` characters (a longer word gets a line
  /// of its own).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
