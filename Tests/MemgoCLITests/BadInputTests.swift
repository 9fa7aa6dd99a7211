import Foundation
import Testing

/// One case per class of bad input (issue "Robustness"), each run through the built `memgo`
/// binary: invalid input exits 2 with exactly one `memgo:` line that names the file and the place
/// (a JSON path, or a line and column), prints nothing on stdout and writes nothing to `--out`;
/// a file that cannot be read exits 1 with one clear line.
@Suite struct BadInputTests {
  /// One bad scenario file: how to make its bytes, and what its one error line must contain.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var make: @Sendable () -> [UInt8]
    /// Text the line must contain after `memgo: FILE: `, starting with the place.
    var expected: [String]
    var testDescription: String { name }

    init(_ name: String, _ text: String, _ expected: String...) {
      self.name = name
      self.make = { Array(text.utf8) }
      self.expected = expected
    }

    init(_ name: String, bytes: @escaping @Sendable () -> [UInt8], _ expected: String...) {
      self.name = name
      self.make = bytes
      self.expected = expected
    }
  }

  /// A valid scenario with `machine` and `process` spliced in, and `top` members added.
  static func scenario(machine: String = #""frames": 64"#, process: String = "", top: String = "") -> String {
    #"{"stop": {"requests": 100}, "machine": {\#(machine)}, "processes": [{\#(process)}]\#(top)}"#
  }

  static let cases: [Case] = [
    Case("invalid JSON", #"{"machine": {"frames": 64,}}"#, "line 1, column 27: trailing comma before '}'"),
    Case("truncated JSON", #"{"machine": {"frames": 6"#, "line 1, column 25: unexpected end of input"),
    Case("empty file", "", "line 1, column 1: empty input"),
    Case(
      "binary file", bytes: { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF] },
      "line 1, column 1: unexpected byte 0x89"),
    Case(
      "wrong type", scenario(machine: #""frames": "64""#),
      #"machine.frames: expected an integer, found "64""#),
    Case(
      "unknown key with a suggestion", scenario(machine: #""frames": 64, "zerofill": true"#),
      #"machine: unknown key "zerofill" (did you mean "zeroFill"?)"#),
    Case(
      "missing required field", #"{"stop": {"requests": 100}, "processes": [{}]}"#,
      "machine: missing required key"),
    Case("zero count", scenario(process: #""count": 0"#), "processes[0].count: 0 is out of range (expected 1 <= count"),
    Case(
      "negative count", scenario(process: #""count": -3"#),
      "processes[0].count: -3 is out of range (expected 1 <= count"),
    Case(
      "ways that do not divide entries", scenario(machine: #""frames": 64, "tlb": {"entries": 64, "ways": 3}"#),
      "machine.tlb.ways: 3 does not divide entries (64)"),
    Case(
      "bare number for a duration", scenario(top: #", "warmup": 100"#),
      #"warmup: expected a duration string with a unit, e.g. "100ns""#),
    Case(
      "bare number for a size", scenario(process: #""addressSpace": 4096"#),
      #"processes[0].addressSpace: expected a size string with a unit, e.g. "4096B" or "4KiB""#),
    Case(
      "unit typo", scenario(process: #""addressSpace": "4Kib""#),
      "processes[0].addressSpace: unknown unit 'Kib' in \"4Kib\" (expected one of B, KiB"),
    Case(
      "duration unit typo", scenario(process: #""start": "5mss""#), "processes[0].start: unknown unit 'mss'"),
    Case(
      "an address space of a million GiB", scenario(process: #""addressSpace": "1000000GiB""#),
      #"processes[0].addressSpace: "1000000GiB" exceeds the limit of 256TiB"#),
    Case(
      "10^15 frames", scenario(machine: #""frames": 1000000000000000"#),
      "machine.frames: 1000000000000000 is out of range (expected 1 <= frames <= 2^31)"),
    Case(
      "10^12 processes", scenario(process: #""count": 1000000000000"#),
      "processes[0].count: 1000000000000 is out of range (expected 1 <= count <= 10^6)"),
    Case(
      "frames within the limit but beyond the memory budget", scenario(machine: #""frames": 2147483648"#),
      "machine.frames: a run needs an estimated 112.0 GiB of memory, more than memgo's budget of 12.0 GiB per run"),
    Case(
      "page tables beyond the memory budget", scenario(process: #""count": 1000, "addressSpace": "64GiB""#),
      "processes[0].addressSpace: a run needs an estimated", "the page tables of 1000 process(es)"),
    Case(
      "results beyond the memory budget", scenario(top: #", "replications": 100000"#),
      "replications: 100000 run(s) keep an estimated 11.3 GiB of statistics"),
    Case(
      "out-of-range fraction", scenario(process: #""writeFraction": 1.5"#),
      "processes[0].writeFraction: 1.5 is out of range (expected 0 <= writeFraction <= 1)"),
    Case(
      "empty process list", #"{"stop": {"requests": 100}, "machine": {"frames": 64}, "processes": []}"#,
      "processes: empty array (expected at least one process group)"),
    Case(
      "sweep path that does not exist", scenario(top: #", "sweep": {"machine.frams": [64, 128]}"#),
      #"sweep: unknown scenario path "machine.frams" (did you mean "machine.frames"?)"#),
    Case(
      "empty sweep list", scenario(top: #", "sweep": {"machine.frames": []}"#),
      "sweep.machine.frames: empty list (expected at least one value)"),
    Case(
      "JSON nested 10^5 levels", bytes: { Array(repeating: UInt8(ascii: "["), count: 100_000) },
      "line 1, column 513: nesting deeper than 512 levels"),
    Case(
      "a 50 MB single-line file",
      bytes: {
        Array(#"{"name": ""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: 50_000_000)
          + Array(#"", "stop": {"requests": 1}, "machine": {"frames": 4}, "processes": [{}]}"#.utf8)
      },
      #"name: "aaaaaaaaaa"#, "is not a usable name (expected 1 to 100 characters)"),
    Case(
      "a file beyond 64 MiB", bytes: { Array(repeating: UInt8(ascii: " "), count: 64 << 20 + 1) },
      "the file is larger than 64MiB"),
  ]

  @Test(arguments: cases)
  func invalidInputExitsTwoWithOneLineAndWritesNothing(_ bad: Case) throws {
    let dir = try CLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.json")
    try Data(bad.make()).write(to: file)
    let out = dir.appendingPathComponent("out")
    let outcome = try CLITests.memgo(["run", file.path, "--out", out.path])
    #expect(outcome.status == 2)
    #expect(outcome.stdout.isEmpty)
    let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 1, "\(outcome.stderr)")
    let prefix = "memgo: \(file.path): "
    let line = try #require(lines.first)
    #expect(line.hasPrefix(prefix + bad.expected[0]), "\(line)")
    for text in bad.expected.dropFirst() { #expect(line.contains(text), "\(line)") }
    #expect(!FileManager.default.fileExists(atPath: out.path))
    // `validate` says the same.
    let validate = try CLITests.memgo(["validate", file.path])
    #expect(validate.status == 2)
    #expect(validate.stderr == outcome.stderr)
  }

  @Test func replicationsOptionBeyondTheResultBudgetIsRefused() throws {
    let dir = try CLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try CLITests.write(Self.scenario(), named: "ok.json", in: dir)
    let out = dir.appendingPathComponent("out")
    let outcome = try CLITests.memgo(["run", path, "--replications", "100000", "--out", out.path])
    #expect(outcome.status == 2)
    #expect(
      outcome.stderr
        == "memgo: \(path): --replications 100000: 100000 run(s) keep an estimated 11.3 GiB of statistics until the "
        + "report is written, more than memgo's budget of 4.0 GiB (expected fewer replications, sweep points or "
        + "process groups; each run keeps about 59.0 KiB per group)\n")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  // MARK: - Files that cannot be read: exit 1

  @Test(arguments: [
    ("/nonexistent/x.json", "/nonexistent/x.json: cannot open: No such file or directory"),
    ("DIR", "DIR: is a directory (expected a scenario file)"),
    ("DIR/file.json/x.json", "DIR/file.json/x.json: cannot open: Not a directory"),
  ])
  func unreadablePathsExitOne(_ path: String, _ message: String) throws {
    let dir = try CLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    _ = try CLITests.write(Self.scenario(), named: "file.json", in: dir)
    let resolved = path.replacingOccurrences(of: "DIR", with: dir.path)
    let out = dir.appendingPathComponent("out")
    for command in [["run", resolved, "--out", out.path], ["validate", resolved]] {
      let outcome = try CLITests.memgo(command)
      #expect(outcome.status == 1)
      #expect(outcome.stdout.isEmpty)
      #expect(outcome.stderr == "memgo: " + message.replacingOccurrences(of: "DIR", with: dir.path) + "\n")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
  }

  @Test func controlCharactersInAFileNameStayOnOneLine() throws {
    let outcome = try CLITests.memgo(["validate", "/nonexistent/a\nb\u{1B}.json"])
    #expect(outcome.status == 1)
    #expect(outcome.stderr == "memgo: /nonexistent/a\\nb\\u{1B}.json: cannot open: No such file or directory\n")
  }

  // MARK: - Trace files replayed by a scenario (the trace readers through the CLI)

  /// A scenario whose one process replays `trace.trace` in `format`, with the trace's bytes.
  static func traceCase(_ trace: [UInt8], format: String = "plain") throws -> (dir: URL, path: String) {
    let dir = try CLITests.temporaryDirectory()
    try Data(trace).write(to: dir.appendingPathComponent("trace.trace"))
    let path = try CLITests.write(
      Self.scenario(
        process:
          #""addressSpace": "1MiB", "access": {"pattern": "trace", "path": "trace.trace", "format": "\#(format)"}"#),
      named: "replay.json", in: dir)
    return (dir, path)
  }

  @Test(arguments: [
    ("bad hex", "R 0x1000\nR 0xfffg\n", "plain", "line 2: bad address"),
    ("missing field", " L 1000,8\n S 2000\n", "lackey", "line 2: expected ',' and the size after the address"),
    ("missing address", "0 1000\n1\n", "din", "line 2: missing address (expected LABEL ADDRESS [SIZE])"),
  ])
  func malformedTraceLinesExitTwoNamingTheLine(_ name: String, _ trace: String, _ format: String, _ expected: String)
    throws
  {
    let (dir, path) = try Self.traceCase(Array(trace.utf8), format: format)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("out")
    let outcome = try CLITests.memgo(["run", path, "--out", out.path])
    #expect(outcome.status == 2)
    let lines = outcome.stderr.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("memgo: \(path): processes[0].access.path: ") == true, "\(outcome.stderr)")
    #expect(lines.first?.contains("trace.trace: \(expected)") == true, "\(outcome.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aMegabyteTraceLineIsRefusedWithItsNumber() throws {
    let trace = Array("R 0x10\n".utf8) + Array(repeating: UInt8(ascii: "1"), count: 2 << 20) + [0x0A]
    let (dir, path) = try Self.traceCase(trace)
    defer { try? FileManager.default.removeItem(at: dir) }
    let outcome = try CLITests.memgo(["validate", path])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("trace.trace: line 2: line is longer than 65536 bytes"))
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }

  @Test func crlfAndAFinalLineWithoutNewlineAreAccepted() throws {
    let (dir, path) = try Self.traceCase(Array("R 0x10\r\nW 0x2000 8\r\n0x3000".utf8))
    defer { try? FileManager.default.removeItem(at: dir) }
    let outcome = try CLITests.memgo(["run", path, "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stderr.isEmpty)
    // Three references, three requests.
    #expect(outcome.stdout.contains(#""requests": {"mean": 3,"#), "\(outcome.stdout.prefix(600))")
  }
}
