import Foundation
import Testing

/// Runs the built `memgo` binary and checks its output, stderr and exit status.
@Suite struct CLITests {
  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The `memgo` executable next to the test bundle.
  static var binary: URL {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 where !FileManager.default.fileExists(atPath: directory.appendingPathComponent("memgo").path) {
      directory = directory.deletingLastPathComponent()
    }
    return directory.appendingPathComponent("memgo")
  }

  /// Runs memgo with `arguments` in `directory`, with `environment` added to this process's.
  static func memgo(_ arguments: [String], in directory: URL = repository, environment: [String: String] = [:]) throws
    -> Outcome
  {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let small = """
    {"name": "small", "seed": 5, "stop": {"requests": 2000},
     "machine": {"frames": 64, "replacement": {"policy": "fifo"}},
     "processes": [{"name": "p", "count": 2, "addressSpace": "1MiB",
       "interval": {"dist": "exponential", "mean": "10us"}, "size": {"dist": "uniform", "min": "8B", "max": "8KiB"},
       "writeFraction": 0.25, "access": {"pattern": "zipf", "exponent": 0.9}}]}
    """

  static func write(_ text: String, named name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test func versionAndHelp() throws {
    let version = try Self.memgo(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("memgo "))
    let help = try Self.memgo(["help", "run"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: memgo run SCENARIO.json"))
    #expect(try Self.memgo(["run", "--help"]).stdout == help.stdout)
  }

  @Test func unknownCommandSuggests() throws {
    let outcome = try Self.memgo(["rnu"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr == "memgo: unknown command 'rnu' (did you mean 'run'?); see 'memgo help'\n")
  }

  @Test func unknownOptionSuggests() throws {
    let outcome = try Self.memgo(["run", "x.json", "--fromat", "json"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("unknown option '--fromat' (did you mean '--format'?)"))
  }

  @Test func runIsDeterministicAndSeedMatters() throws {
    let dir = try Self.temporaryDirectory()
    let path = try Self.write(Self.small, named: "small.json", in: dir)
    let a = try Self.memgo(["run", path, "--format", "json"])
    let b = try Self.memgo(["run", path, "--format", "json", "--jobs", "1"])
    #expect(a.status == 0)
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.contains("\"scenario\": \"small\""))
    let c = try Self.memgo(["run", path, "--format", "json", "--seed", "6"])
    #expect(c.status == 0)
    #expect(c.stdout != a.stdout)
  }

  @Test func outWritesThreeFilesAndNoTemporaries() throws {
    let dir = try Self.temporaryDirectory()
    let path = try Self.write(Self.small, named: "small.json", in: dir)
    let out = dir.appendingPathComponent("out")
    let outcome = try Self.memgo(["run", path, "--out", out.path, "--quiet"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["small.csv", "small.json", "small.md"])
  }

  @Test func invalidScenarioExitsTwoWithOneLinePerProblem() throws {
    let dir = try Self.temporaryDirectory()
    let path = try Self.write(
      """
      {"stop": {"time": "1s"}, "machine": {"frames": 64, "tlb": {"entries": 64, "ways": 3}},
       "processes": [{"addressSpace": "1MiB", "writeFraction": 2}]}
      """, named: "bad.json", in: dir)
    let out = dir.appendingPathComponent("out")
    let outcome = try Self.memgo(["run", path, "--out", out.path])
    #expect(outcome.status == 2)
    let lines = outcome.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix("memgo: \(path): ") })
    #expect(outcome.stderr.contains("machine.tlb.ways"))
    #expect(outcome.stderr.contains("processes[0].writeFraction"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let validate = try Self.memgo(["validate", path])
    #expect(validate.status == 2)
    #expect(validate.stderr == outcome.stderr)
  }

  @Test func unreadableScenarioExitsOne() throws {
    let outcome = try Self.memgo(["run", "/nonexistent/x.json"])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("memgo: /nonexistent/x.json"))
  }

  @Test func logRecordsEveryAccess() throws {
    let dir = try Self.temporaryDirectory()
    let path = try Self.write(Self.small, named: "small.json", in: dir)
    let logPath = dir.appendingPathComponent("run.jsonl").path
    let json = try Self.memgo(["run", path, "--format", "json", "--log", logPath])
    #expect(json.status == 0)
    let lines = try String(contentsOfFile: logPath, encoding: .utf8).split(separator: "\n")
    let accesses = lines.filter { $0.contains("\"op\":\"read\"") || $0.contains("\"op\":\"write\"") }
    #expect(!accesses.isEmpty)
    for line in lines.prefix(500) {
      let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(object?["t"] != nil)
    }
    let first = try #require(
      try JSONSerialization.jsonObject(with: Data(accesses[0].utf8)) as? [String: Any])
    #expect(first["tlb"] as? String == "miss")
    #expect((first["ptes"] as? [Any])?.count == 4)
    #expect(first["fault"] as? String == "minor")
    #expect((first["pa"] as? String)?.hasPrefix("0x") == true)
    // The same run without a log gives the same report.
    let plain = try Self.memgo(["run", path, "--format", "json"])
    #expect(plain.stdout == json.stdout)
  }

  @Test func logRefusesSweeps() throws {
    let outcome = try Self.memgo(["run", "scenarios/memory-pressure.json", "--log", "-"])
    #expect(outcome.status == 2)
    #expect(outcome.stderr.contains("--log records one run"))
  }

  @Test func everyExampleScenarioValidates() throws {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: Self.repository.appendingPathComponent("scenarios").path
    ).filter { $0.hasSuffix(".json") }.sorted()
    #expect(!names.isEmpty)
    let outcome = try Self.memgo(["validate"] + names.map { "scenarios/\($0)" })
    #expect(outcome.status == 0, "\(outcome.stderr)")
  }
}
