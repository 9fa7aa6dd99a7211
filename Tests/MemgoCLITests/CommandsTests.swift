import Foundation
import Testing

@testable import MemgoCLI

/// The command declarations (`Commands`, `CommandSpec`) and what is generated from them: help,
/// dispatch, the parse-only check, and shell completions (the bash script is run in bash).
@Suite struct CommandsTests {
  @Test func namesAreUniqueAndEveryCommandIsFound() throws {
    let names = Commands.all.map(\.name)
    #expect(Set(names).count == names.count)
    for command in Commands.all {
      #expect(try Commands.find(command.name).name == command.name)
      let options = command.options.map(\.name)
      #expect(Set(options).count == options.count, "\(command.name)")
      #expect(!options.contains("help"), "\(command.name): --help is every command's")
    }
    #expect(throws: CLIError.self) { try Commands.find("rnu") }
  }

  /// Each command's help shows its usage, every argument and every option with its values and
  /// default, and no line is wider than the formatter's width.
  @Test func helpIsGeneratedFromTheDeclarations() {
    for command in Commands.all {
      let help = command.help
      #expect(help.contains("USAGE: memgo \(command.usage)\n"), "\(command.name)")
      for argument in command.arguments { #expect(help.contains("  \(argument.name) "), "\(command.name)") }
      for option in command.options {
        #expect(help.contains("  \(HelpFormatter.label(of: option)) "), "\(command.name) --\(option.name)")
        if let values = option.values {
          let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          let words = values.split(whereSeparator: \.isWhitespace).joined(separator: " ")
          #expect(flat.contains("values: " + words), "\(command.name)")
        }
      }
      for line in help.split(separator: "\n") {
        #expect(line.count <= HelpFormatter.width, "\(command.name): \(line)")
      }
    }
    let overview = HelpFormatter.overview(Commands.all)
    for command in Commands.all { #expect(overview.contains("  \(command.name)"), "\(command.name)") }
  }

  /// The help users see, byte for byte: Tests/MemgoCLITests/Golden/help/NAME.txt (regenerate with
  /// `for c in overview run ...; do memgo help $c > ...; done` after a deliberate change, and
  /// read the diff).
  @Test func helpTextsMatchTheGoldenFiles() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/help")
    for command in Commands.all {
      let golden = try String(contentsOf: directory.appendingPathComponent("\(command.name).txt"), encoding: .utf8)
      #expect(command.help == golden, "\(command.name)")
    }
    let overview = try String(contentsOf: directory.appendingPathComponent("overview.txt"), encoding: .utf8)
    #expect(HelpFormatter.overview(Commands.all) == overview)
  }

  /// An option's description: its help, then values and default in one parenthesis, then details.
  @Test func optionDescriptionsByHand() {
    let option = OptionSpec("frames", value: "N", help: "Number of page frames", values: "1...64", default: "3")
    #expect(HelpFormatter.description(of: option) == "Number of page frames (values: 1...64; default: 3).")
    let flag = OptionSpec("quick", help: "Run short cases", details: "For a smoke test.")
    #expect(HelpFormatter.description(of: flag) == "Run short cases. For a smoke test.")
    #expect(
      HelpFormatter.entry("--frames N", "Number of page frames.")
        == "  --frames N              Number of page frames.\n")
    #expect(HelpFormatter.wrap("aa bb cc", width: 5) == ["aa bb", "cc"])
  }

  @Test func aMistypedChoiceSuggestsTheNearest() {
    let error = #expect(throws: CLIError.self) { try checkArguments(["run", "s.json", "--format", "jsn"]) }
    #expect(error?.lines == ["run: --format 'jsn' is not one of table, markdown, csv, json (did you mean 'json'?)"])
  }

  @Test func completionsRefuseAnUnknownShell() {
    let error = #expect(throws: CLIError.self) { try checkArguments(["completions", "bsh"]) }
    #expect(error?.lines == ["completions: unknown shell 'bsh' (did you mean 'bash'?); expected bash, zsh or fish"])
    #expect(throws: CLIError.self) { try checkArguments(["completions"]) }
    #expect((try? checkArguments(["completions", "fish"])) != nil)
  }

  /// What bash completes after `words` (the last one being completed), with the generated script.
  static func bashCompletions(_ words: [String], in directory: URL) throws -> [String] {
    let script = directory.appendingPathComponent("memgo.bash")
    try CompletionsCommand.bash(Commands.all).write(to: script, atomically: true, encoding: .utf8)
    let quoted = words.map { "'\($0)'" }.joined(separator: " ")
    let program = """
      source '\(script.path)'
      COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
      _memgo
      printf '%s\\n' "${COMPREPLY[@]}"
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["--norc", "-c", program]
    process.currentDirectoryURL = directory
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
  }

  @Test func bashCompletesCommandsOptionsChoicesAndFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-completions-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "{}".write(to: directory.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
    try "x".write(to: directory.appendingPathComponent("a.trace"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)

    #expect(try Self.bashCompletions(["memgo", "r"], in: directory) == ["reproduce", "run"])
    #expect(try Self.bashCompletions(["memgo", "run", "--re"], in: directory) == ["--replications", "--resume"])
    #expect(try Self.bashCompletions(["memgo", "run", "--format", ""], in: directory) == ["csv", "json", "markdown", "table"])
    #expect(try Self.bashCompletions(["memgo", "trace", "--policy", "a"], in: directory) == ["aging", "all", "arc"])
    #expect(try Self.bashCompletions(["memgo", "help", "co"], in: directory) == ["completions"])
    #expect(try Self.bashCompletions(["memgo", "run", "--seed", ""], in: directory) == [])
    // A scenario argument: .json files and directories; a trace: any file.
    #expect(try Self.bashCompletions(["memgo", "run", ""], in: directory) == ["a.json", "out"])
    #expect(try Self.bashCompletions(["memgo", "trace", "a"], in: directory) == ["a.json", "a.trace"])
    #expect(try Self.bashCompletions(["memgo", "run", "--out", ""], in: directory) == ["out"])
  }

  static func shell(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// Where zsh and fish are installed, the scripts parse (`-n`), and fish completes from them.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
  func zshScriptParses() throws {
    let script = FileManager.default.temporaryDirectory.appendingPathComponent("_memgo-\(getpid())")
    defer { try? FileManager.default.removeItem(at: script) }
    try CompletionsCommand.zsh(Commands.all).write(to: script, atomically: true, encoding: .utf8)
    let (status, output) = try Self.shell("/usr/bin/zsh", ["-n", script.path])
    #expect(status == 0, "\(output)")
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
  func fishCompletesFromTheScript() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-fish-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("memgo.fish")
    try CompletionsCommand.fish(Commands.all).write(to: script, atomically: true, encoding: .utf8)
    #expect(try Self.shell("/usr/bin/fish", ["-n", script.path]).0 == 0)
    func complete(_ line: String) throws -> [String] {
      let (_, output) = try Self.shell(
        "/usr/bin/fish", ["-c", "source '\(script.path)'; complete -C '\(line)'"], in: directory)
      return output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
    }
    #expect(try complete("memgo run --format ") == ["csv", "json", "markdown", "table"])
    #expect(try complete("memgo r") == ["reproduce", "run"])
    #expect(try complete("memgo help trace --") == ["--help"])  // help's options, not trace's
    #expect(try complete("memgo trace --no-") == ["--no-classify", "--no-instructions"])
  }

  /// The zsh and fish scripts name every command and every option of each.
  @Test func zshAndFishScriptsCoverEveryOption() {
    let zsh = CompletionsCommand.zsh(Commands.all)
    let fish = CompletionsCommand.fish(Commands.all)
    #expect(zsh.hasPrefix("#compdef memgo\n"))
    for command in Commands.all {
      #expect(zsh.contains("    \(command.name))\n"))
      #expect(fish.contains("-a \(command.name) -d "))
      for option in command.options {
        #expect(zsh.contains("'--\(option.name)"), "\(command.name) --\(option.name)")
        #expect(fish.contains("__memgo_using \(command.name)' -l \(option.name)"), "\(command.name) --\(option.name)")
      }
    }
    #expect(fish.contains("-l format -x -a 'table markdown csv json'"))
    #expect(CompletionsCommand.zshEscape("a [b]: c's") == "a \\[b\\]\\: c'\\''s")
  }
}
