import MemgoCore

/// `memgo completions bash|zsh|fish`: a shell completion script generated from the command
/// declarations (`Commands`), so it always knows every command, option and choice.
enum CompletionsCommand {
  static let shells = ["bash", "zsh", "fish"]

  static let spec: CommandSpec = CommandSpec(
    name: "completions", synopsis: "SHELL", summary: "Print a shell completion script (bash, zsh or fish).",
    overview: "Print a completion script for SHELL: commands, options, their choices, and files or directories "
      + "where a command expects them.",
    usage: "completions bash|zsh|fish",
    arguments: [ArgumentSpec(name: "SHELL", help: "bash, zsh or fish.", completion: .choices(shells))],
    notes: "INSTALL:\n"
      + "  bash   source <(memgo completions bash), or save it as\n"
      + "         ~/.local/share/bash-completion/completions/memgo\n"
      + "  zsh    memgo completions zsh > ~/.zfunc/_memgo, with fpath+=(~/.zfunc) before compinit\n"
      + "  fish   memgo completions fish > ~/.config/fish/completions/memgo.fish\n",
    check: { arguments throws(CLIError) in _ = try shell(arguments) },
    run: { arguments throws(CLIError) in
      guard let shell = try shell(arguments) else { return Output.write(spec.help) }
      Output.write(script(for: shell, commands: Commands.all))
    })

  /// The shell asked for, or nil for `--help`.
  static func shell(_ arguments: [String]) throws(CLIError) -> String? {
    let args = try spec.parse(arguments)
    if args.flags.contains("help") { return nil }
    guard args.positionals.count == 1 else {
      throw .usage("completions: expected one shell (bash, zsh or fish), got \(args.positionals.count)")
    }
    let shell = args.positionals[0]
    guard shells.contains(shell) else {
      let hint = nearestName(shell, in: shells).map { " (did you mean '\($0)'?)" } ?? ""
      throw .usage("completions: unknown shell '\(shell)'\(hint); expected bash, zsh or fish")
    }
    return shell
  }

  static func script(for shell: String, commands: [CommandSpec]) -> String {
    switch shell {
    case "bash": return bash(commands)
    case "zsh": return zsh(commands)
    default: return fish(commands)
    }
  }

  // MARK: - bash

  /// The bash command that fills `COMPREPLY` for `kind` (nil: complete nothing). `mapfile` keeps
  /// file names with spaces whole.
  static func bashCompletion(_ kind: CompletionKind, commands: [CommandSpec]) -> String? {
    func reply(_ generators: String...) -> String {
      "mapfile -t COMPREPLY < <(" + generators.map { "compgen \($0) -- \"$cur\"" }.joined(separator: "; ") + ")"
    }
    switch kind {
    case .none: return nil
    case .choices(let words): return reply("-W \"\(words.joined(separator: " "))\"")
    case .command: return bashCompletion(.choices(commands.map(\.name)), commands: commands)
    case .directory: return reply("-d")
    case .file(let ext?): return reply("-d", "-f -X '!*.\(ext)'")
    case .file(nil): return reply("-f")
    }
  }

  static func bash(_ commands: [CommandSpec]) -> String {
    var out = "# bash completion for memgo (memgo completions bash); generated from memgo's command declarations.\n"
    out += "_memgo() {\n"
    out += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
    out += "  # bash splits --option=value at '=': complete the value of the option before it.\n"
    out += "  if [ \"$prev\" = \"=\" ]; then prev=\"${COMP_WORDS[COMP_CWORD-2]}\"; fi\n"
    out += "  if [ \"$cur\" = \"=\" ]; then prev=\"${COMP_WORDS[COMP_CWORD-1]}\"; cur=\"\"; fi\n"
    out += "  COMPREPLY=()\n"
    out += "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
    out += "    \(bashCompletion(.choices(commands.map(\.name) + ["--help", "--version"]), commands: commands)!)\n"
    out += "    return\n  fi\n"
    out += "  case \"${COMP_WORDS[1]}\" in\n"
    for command in commands {
      out += "    \(command.name))\n"
      let valued = command.options.filter(\.takesValue)
      if !valued.isEmpty {
        out += "      case \"$prev\" in\n"
        for option in valued {
          out += "        --\(option.name)) \(bashCompletion(option.completion, commands: commands) ?? ":"); return ;;\n"
        }
        out += "      esac\n"
      }
      let flags = command.options.map { "--\($0.name)" } + ["--help"]
      out += "      if [[ \"$cur\" == -* ]]; then \(bashCompletion(.choices(flags), commands: commands)!); return; fi\n"
      if let first = command.arguments.first, let words = bashCompletion(first.completion, commands: commands) {
        out += "      \(words)\n"
      }
      out += "      ;;\n"
    }
    out += "  esac\n}\n"
    out += "complete -o filenames -F _memgo memgo\n"
    return out
  }

  // MARK: - zsh

  /// `text` safe inside a zsh `_arguments` description: brackets, colons and quotes escaped.
  static func zshEscape(_ text: String) -> String {
    var out = ""
    for character in text.hasSuffix(".") ? String(text.dropLast()) : text {
      switch character {
      case "[", "]", ":", "\\": out += "\\\(character)"
      case "'": out += "'\\''"
      default: out.append(character)
      }
    }
    return out
  }

  /// The zsh action of `kind` in an `_arguments` spec.
  static func zshAction(_ kind: CompletionKind, commands: [CommandSpec]) -> String {
    switch kind {
    case .none: return " "
    case .choices(let words): return "(\(words.joined(separator: " ")))"
    case .command: return "(\(commands.map(\.name).joined(separator: " ")))"
    case .directory: return "_files -/"
    case .file(let ext?): return "_files -g \"*.\(ext)\""
    case .file(nil): return "_files"
    }
  }

  static func zsh(_ commands: [CommandSpec]) -> String {
    var out = "#compdef memgo\n"
    out += "# zsh completion for memgo (memgo completions zsh); generated from memgo's command declarations.\n"
    out += "_memgo() {\n"
    out += "  local -a commands\n  commands=(\n"
    for command in commands { out += "    '\(command.name):\(zshEscape(command.summary))'\n" }
    out += "  )\n"
    out += "  if (( CURRENT == 2 )); then\n    _describe -t commands 'memgo command' commands\n    return\n  fi\n"
    out += "  local command=$words[2]\n  shift words\n  (( CURRENT-- ))\n"
    out += "  case $command in\n"
    for command in commands {
      out += "    \(command.name))\n      _arguments \\\n"
      for option in command.options {
        let description = zshEscape(HelpFormatter.description(of: option, details: false))
        if let value = option.value {
          out += "        '--\(option.name)=[\(description)]:\(zshEscape(value)):\(zshAction(option.completion, commands: commands))' \\\n"
        } else {
          out += "        '--\(option.name)[\(description)]' \\\n"
        }
      }
      out += "        '(- *)'{-h,--help}'[Show help information]'"
      for (i, argument) in command.arguments.enumerated() {
        let position = argument.repeats ? "*" : "\(i + 1)"
        out += " \\\n        '\(position):\(zshEscape(argument.name)):\(zshAction(argument.completion, commands: commands))'"
      }
      out += "\n      ;;\n"
    }
    out += "  esac\n}\n_memgo \"$@\"\n"
    return out
  }

  // MARK: - fish

  /// `text` inside fish single quotes (a final period dropped).
  static func fishQuote(_ text: String) -> String {
    let body = text.hasSuffix(".") ? String(text.dropLast()) : text
    return "'" + body.replacingAll("\\", with: "\\\\").replacingAll("'", with: "\\'") + "'"
  }

  /// The fish arguments that complete `kind`: words, directories or files ("" for nothing).
  static func fishArguments(_ kind: CompletionKind, commands: [CommandSpec]) -> String {
    switch kind {
    case .none: return ""
    case .choices(let words): return " -a \(fishQuote(words.joined(separator: " ")))"
    case .command: return " -a \(fishQuote(commands.map(\.name).joined(separator: " ")))"
    case .directory: return " -a '(__fish_complete_directories)'"
    case .file(let ext?): return " -a '(__fish_complete_suffix .\(ext))'"
    case .file(nil): return " -F"
    }
  }

  static func fish(_ commands: [CommandSpec]) -> String {
    var out = "# fish completion for memgo (memgo completions fish); generated from memgo's command declarations.\n"
    out += "function __memgo_using --description 'Whether the memgo command line is of this command'\n"
    out += "    set -l words (commandline -opc)\n"
    out += "    test (count $words) -ge 2; and test \"$words[2]\" = \"$argv[1]\"\n"
    out += "end\n"
    out += "complete -c memgo -f\n"
    for command in commands {
      out += "complete -c memgo -n __fish_use_subcommand -a \(command.name) -d \(fishQuote(command.summary))\n"
    }
    for command in commands {
      let when = "-n '__memgo_using \(command.name)'"
      for option in command.options {
        var line = "complete -c memgo \(when) -l \(option.name)"
        if option.takesValue {
          // -r: the option needs a value; -x also stops files being offered unless asked for.
          if case .file(nil) = option.completion { line += " -r" } else { line += " -x" }
          line += fishArguments(option.completion, commands: commands)
        }
        out += line + " -d \(fishQuote(HelpFormatter.description(of: option, details: false)))\n"
      }
      out += "complete -c memgo \(when) -s h -l help -d 'Show help information'\n"
      if let argument = command.arguments.first {
        let arguments = fishArguments(argument.completion, commands: commands)
        if !arguments.isEmpty { out += "complete -c memgo \(when)\(arguments)\n" }
      }
    }
    return out
  }
}

extension String {
  /// The string with every `target` replaced by `replacement` (without Foundation).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}
