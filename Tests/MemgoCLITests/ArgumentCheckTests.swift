import Foundation
import Testing

@testable import MemgoCLI

/// The parse-only entry point and the command-line fuzz target: committed inputs replay cleanly,
/// and `checkArguments` refuses exactly what the commands refuse, without running anything.
@Suite struct ArgumentCheckTests {
  static let fuzzDirectory = CLITests.repository.appendingPathComponent("Tests/fuzz")

  @Test func committedInputsHoldEveryProperty() throws {
    var count = 0
    for kind in ["corpus", "regressions"] {
      let directory = Self.fuzzDirectory.appendingPathComponent("\(kind)/arguments")
      for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        #expect(fuzzArguments(bytes) == [], "\(kind)/arguments/\(name)")
        count += 1
      }
    }
    #expect(count > 0)
  }

  static func refusal(_ arguments: [String]) -> CLIError? {
    do {
      try checkArguments(arguments)
      return nil
    } catch {
      return error
    }
  }

  @Test func acceptsWhatTheCommandsAccept() {
    for arguments in [
      ["run", "x.json", "--format", "json", "--seed", "18446744073709551615", "--jobs=2", "--quiet"],
      ["run", "--", "-x.json"], ["validate", "a.json", "b.json"], ["bench", "--quick", "--format", "json"],
      ["help"], ["help", "run"], ["--version"], ["run", "--help"], ["run", "-h", "x.json"],
    ] {
      #expect(Self.refusal(arguments) == nil, "\(arguments)")
    }
  }

  @Test func refusesWhatTheCommandsRefuse() {
    let cases: [([String], String)] = [
      ([], "no command given (try 'memgo help')"),
      (["rnu"], "unknown command 'rnu' (did you mean 'run'?); see 'memgo help'"),
      (["run"], "run: expected one scenario file, got 0 (usage: memgo run SCENARIO.json [options])"),
      (["run", "x.json", "--fromat", "json"], "run: unknown option '--fromat' (did you mean '--format'?)"),
      (["run", "x.json", "--replications", "0"], "run: --replications '0' is not a whole number in 1...100000"),
      (["run", "x.json", "--seed", "-1"], "run: --seed '-1' is not a whole number in 0...18446744073709551615"),
      (
        ["run", "x.json", "--jobs", "99999999999999999999"],
        "run: --jobs '99999999999999999999' is not a whole number in 1...4096"
      ),
      (["run", "x.json", "--format"], "run: option '--format' needs a value"),
      (["run", "x.json", "--quiet=yes"], "run: option '--quiet' takes no value"),
      (["validate"], "validate: expected one or more scenario files (usage: memgo validate SCENARIO.json...)"),
      (["bench", "extra"], "bench: unexpected argument 'extra'"),
      (["bench", "--format", "csv"], "bench: --format 'csv' is not one of table, json"),
      (["help", "nope"], "help: unknown command 'nope' (commands: \(Commands.all.map(\.name).joined(separator: ", ")))"),
    ]
    for (arguments, message) in cases {
      let error = Self.refusal(arguments)
      #expect(error?.status == 2, "\(arguments)")
      #expect(error?.lines == [message], "\(arguments)")
    }
  }

  @Test func fuzzArgumentsSplitsAtNULAndNewline() {
    #expect(fuzzArguments(Array("run\0x.json\n--format\0json".utf8)) == [])
    #expect(fuzzArguments(Array("run\0--format\0\u{85}\r".utf8)) == [])
    #expect(fuzzArguments([]) == [])
  }

  @Test func controlCharactersAreEscapedOnStderr() {
    #expect(Output.oneLine("plain") == "plain")
    #expect(Output.oneLine("a\nb\r\tc\u{1B}\u{85}\u{2028}") == "a\\nb\\r\tc\\u{1B}\\u{85}\\u{2028}")
  }
}
