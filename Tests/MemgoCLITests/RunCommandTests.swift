import Foundation
import Testing

/// `memgo run` with --jobs, --shard, --resume, --progress and --plot, through the built binary.
@Suite struct RunCommandTests {
  /// A frames × policy sweep: 3 × 2 points × `replications` small runs.
  static func sweep(name: String = "cli-sweep", requests: Int = 400, replications: Int = 2) -> String {
    """
    {"name": "\(name)", "description": "A small sweep for the CLI tests.", "seed": 4,
     "replications": \(replications), "stop": {"requests": \(requests)},
     "machine": {"frames": 32, "replacement": {"policy": "lru"}},
     "processes": [{"name": "p", "count": 2, "addressSpace": "512KiB",
       "interval": {"dist": "exponential", "mean": "10us"}, "size": {"dist": "uniform", "min": "8B", "max": "8KiB"},
       "writeFraction": 0.25, "access": {"pattern": "zipf", "exponent": 0.8}}],
     "sweep": {"machine.frames": [16, 32, 64], "machine.replacement.policy": ["lru", "clock"]}}
    """
  }

  static func files(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
    }
    return files
  }

  @Test func jobsDoNotChangeTheReport() throws {
    let dir = try CLITests.temporaryDirectory()
    let path = try CLITests.write(Self.sweep(), named: "s.json", in: dir)
    var outputs: [[String: Data]] = []
    for jobs in ["1", "2", "3"] {
      let out = dir.appendingPathComponent("out\(jobs)")
      let outcome = try CLITests.memgo(["run", path, "--jobs", jobs, "--out", out.path, "--format", "json"])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      outputs.append(try Self.files(out))
    }
    #expect(outputs[0].keys.sorted() == ["cli-sweep.csv", "cli-sweep.json", "cli-sweep.md", "cli-sweep.svg"])
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0] == outputs[2])
  }

  @Test func shardsMergeIntoTheUnshardedReport() throws {
    let dir = try CLITests.temporaryDirectory()
    let path = try CLITests.write(Self.sweep(), named: "s.json", in: dir)
    let full = dir.appendingPathComponent("full")
    #expect(try CLITests.memgo(["run", path, "--out", full.path, "--quiet"]).status == 0)
    let parts = dir.appendingPathComponent("parts")
    for k in 1...3 {
      let outcome = try CLITests.memgo(["run", path, "--shard", "\(k)/3", "--out", parts.path, "--jobs", "2"])
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(outcome.stdout.isEmpty)
      #expect(outcome.stderr.contains("cli-sweep.shard-\(k)-of-3.json: 4 work units of 12"))
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parts.path).sorted() == [
        "cli-sweep.shard-1-of-3.json", "cli-sweep.shard-2-of-3.json", "cli-sweep.shard-3-of-3.json",
      ])
    let merged = dir.appendingPathComponent("merged")
    let partPaths = (1...3).reversed().map { parts.appendingPathComponent("cli-sweep.shard-\($0)-of-3.json").path }
    let outcome = try CLITests.memgo(["merge"] + partPaths + ["--out", merged.path, "--format", "markdown"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let fullFiles = try Self.files(full)
    #expect(try Self.files(merged) == fullFiles)
    #expect(outcome.stdout == String(decoding: fullFiles["cli-sweep.md"] ?? Data(), as: UTF8.self))
  }

  @Test func mergeRefusesMismatchedDuplicateAndMissingParts() throws {
    let dir = try CLITests.temporaryDirectory()
    let path = try CLITests.write(Self.sweep(), named: "s.json", in: dir)
    let parts = dir.appendingPathComponent("parts")
    for k in 1...2 { _ = try CLITests.memgo(["run", path, "--shard", "\(k)/2", "--out", parts.path, "--quiet"]) }
    let other = dir.appendingPathComponent("other")
    _ = try CLITests.memgo(["run", path, "--seed", "9", "--shard", "2/2", "--out", other.path, "--quiet"])
    let p1 = parts.appendingPathComponent("cli-sweep.shard-1-of-2.json").path
    let p2 = parts.appendingPathComponent("cli-sweep.shard-2-of-2.json").path
    let q2 = other.appendingPathComponent("cli-sweep.shard-2-of-2.json").path
    let out = dir.appendingPathComponent("out")

    let mismatched = try CLITests.memgo(["merge", p1, q2, "--out", out.path])
    #expect(mismatched.status == 2)
    let lines = mismatched.stderr.split(separator: "\n")
    #expect(lines.first == "memgo: \(q2): not the same run as \(p1): seed 9, not 4")
    #expect(lines.last?.hasPrefix("memgo: merge: missing 6 of 12 work units: 1 (point 0, replication 1), 3 (") == true)
    #expect(lines.last?.hasSuffix("(in shard 2/2; merge every shard's part)") == true)

    let duplicate = try CLITests.memgo(["merge", p1, p2, p1, "--out", out.path])
    #expect(duplicate.status == 2)
    #expect(
      duplicate.stderr.hasPrefix(
        "memgo: \(p1): unit 0 (point 0, replication 0) is also in \(p1) (give each part once)\n"))

    let missing = try CLITests.memgo(["merge", p2, "--out", out.path])
    #expect(missing.status == 2)
    #expect(missing.stderr.split(separator: "\n").count == 1)
    #expect(
      missing.stderr.contains("missing 6 of 12 work units: 0 (point 0, replication 0), 2 (point 1, replication 0)"))
    #expect(!FileManager.default.fileExists(atPath: out.path))

    let notAPart = try CLITests.memgo(["merge", path])
    #expect(notAPart.status == 2)
    #expect(notAPart.stderr.contains("not a memgo partial result"))
    #expect(try CLITests.memgo(["merge", dir.appendingPathComponent("none.json").path]).status == 1)
  }

  @Test func interruptedRunKeepsFinishedUnitsAndResumeCompletesIt() throws {
    let dir = try CLITests.temporaryDirectory()
    // 40 units of a few milliseconds each.
    let path = try CLITests.write(
      Self.sweep(requests: 1500, replications: 20).replacingOccurrences(of: "[16, 32, 64]", with: "[32]"),
      named: "s.json", in: dir)
    let reference = dir.appendingPathComponent("reference")
    #expect(try CLITests.memgo(["run", path, "--out", reference.path, "--quiet"]).status == 0)

    let out = dir.appendingPathComponent("out")
    let store = out.appendingPathComponent("cli-sweep.units")
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["run", path, "--out", out.path, "--jobs", "1", "--quiet"]
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Wait (at most a minute) until two units are stored, then interrupt as Ctrl-C does.
    var stored = 0
    for _ in 0..<12_000 where process.isRunning {
      stored =
        ((try? FileManager.default.contentsOfDirectory(atPath: store.path)) ?? []).filter { $0.hasPrefix("unit-") }
        .count
      if stored >= 2 { break }
      usleep(5_000)
    }
    #expect(stored >= 2)
    process.interrupt()
    let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(stderr.hasPrefix("memgo: run: interrupted; "))
    #expect(stderr.contains(" of 40 work units are finished and kept in \(store.path) (add --resume to run the rest)"))
    // Only the store remains: finished units, no temporary file, no report.
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["cli-sweep.units"])
    let kept = try FileManager.default.contentsOfDirectory(atPath: store.path)
    #expect(kept.count >= 2 && kept.count < 40)
    #expect(kept.allSatisfy { $0.hasPrefix("unit-") && $0.hasSuffix(".json") })

    let resumed = try CLITests.memgo(["run", path, "--out", out.path, "--resume", "--jobs", "2", "--quiet"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try Self.files(out) == Self.files(reference))
  }

  @Test func optionsAreChecked() throws {
    let dir = try CLITests.temporaryDirectory()
    let path = try CLITests.write(Self.sweep(), named: "s.json", in: dir)
    let cases: [([String], String)] = [
      (["--shard", "1/3"], "memgo: run: --shard writes a partial result file: give --out DIR\n"),
      (["--resume"], "memgo: run: --resume reads the finished units from --out DIR: give --out DIR\n"),
      (
        ["--shard", "4/3", "--out", "x"],
        "memgo: run: --shard '4/3' is not K/N with 1 ≤ K ≤ N ≤ 1000000 (e.g. --shard 2/8)\n"
      ),
      (
        ["--plot", "faultrate"],
        "memgo: run: --plot 'faultrate' is not a report metric "
          + "(did you mean 'faultRate'? e.g. faultRate, latencyP99, throughput)\n"
      ),
      (["--jobs", "0"], "memgo: run: --jobs '0' is not a whole number in 1...4096\n"),
    ]
    for (options, message) in cases {
      let outcome = try CLITests.memgo(["run", path] + options)
      #expect(outcome.status == 2)
      #expect(outcome.stderr == message)
    }
  }

  @Test func progressNeverTouchesStdoutAndPlotChoosesTheMetric() throws {
    let dir = try CLITests.temporaryDirectory()
    let path = try CLITests.write(Self.sweep(), named: "s.json", in: dir)
    let plain = try CLITests.memgo(["run", path, "--format", "csv"])
    let forced = try CLITests.memgo(["run", path, "--format", "csv", "--progress"])
    #expect(forced.status == 0)
    #expect(forced.stdout == plain.stdout)
    let out = dir.appendingPathComponent("out")
    #expect(try CLITests.memgo(["run", path, "--out", out.path, "--quiet", "--plot", "latencyP99"]).status == 0)
    let svg = try String(contentsOf: out.appendingPathComponent("cli-sweep.svg"), encoding: .utf8)
    #expect(svg.contains("<title>cli-sweep: lat p99 vs frames</title>"))
    let md = try String(contentsOf: out.appendingPathComponent("cli-sweep.md"), encoding: .utf8)
    #expect(md.contains("### lat p99: lru − clock (policy)"))
  }

  @Test func helpListsTheNewCommands() throws {
    let overview = try CLITests.memgo(["help"])
    #expect(overview.stdout.contains("merge PART.json..."))
    #expect(overview.stdout.contains("reproduce [--check]"))
    for command in ["merge", "reproduce"] {
      let help = try CLITests.memgo(["help", command])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE: memgo \(command)"))
      #expect(try CLITests.memgo([command, "--help"]).stdout == help.stdout)
    }
    #expect(try CLITests.memgo(["help", "run"]).stdout.contains("--shard K/N"))
  }

  // MARK: - OPT in scenarios

  /// A scenario replaying Belady's string with policy opt in `dir`, and a group of `extra` if given.
  static func optScenario(in dir: URL, extra: String? = nil) throws -> String {
    let references = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { "R 0x\($0)000\n" }.joined()
    try references.write(to: dir.appendingPathComponent("belady.trace"), atomically: true, encoding: .utf8)
    let trace = #"{"name": "t", "addressSpace": "64KiB", "access": {"pattern": "trace", "path": "belady.trace"}}"#
    return try CLITests.write(
      #"{"name": "opt", "stop": {"time": "1s"}, "machine": {"frames": 3, "replacement": {"policy": "opt"}}, "#
        + #""processes": [\#(trace)\#(extra.map { ", " + $0 } ?? "")]}"#, named: "opt.json", in: dir)
  }

  /// Policy opt with a group that does not replay a trace is invalid input: exit 2, one line at the
  /// policy's path; `run` refuses it the same way. With every group replaying a trace it runs.
  @Test func optNeedsEveryGroupToReplayATrace() throws {
    let dir = try CLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = try Self.optScenario(in: dir, extra: #"{"name": "x", "requests": 5, "access": "uniform"}"#)
    let validate = try CLITests.memgo(["validate", bad])
    #expect(validate.status == 2)
    #expect(
      validate.stderr
        == "memgo: \(bad): machine.replacement.policy: policy \"opt\" needs the future reference stream: every "
        + "process group must replay a trace (processes[1] (\"x\") uses pattern \"uniform\")\n")
    let run = try CLITests.memgo(["run", bad])
    #expect(run.status == 2 && run.stderr == validate.stderr && run.stdout.isEmpty)

    let good = try Self.optScenario(in: dir)
    let json = try CLITests.memgo(["run", good, "--format", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    #expect(json.stdout.contains(#""faults": {"mean": 7,"#))
  }

  /// Preparing OPT's future writes scratch files in $TMPDIR: when that fails, one `memgo:` line,
  /// exit 1, and neither a report in --out nor a log file.
  @Test func optScratchFailureIsOneLineAndExitOne() throws {
    let dir = try CLITests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = try Self.optScenario(in: dir)
    let out = dir.appendingPathComponent("out")
    let log = dir.appendingPathComponent("run.log")
    let environment = ["TMPDIR": dir.appendingPathComponent("missing").path]
    for arguments in [["run", path, "--out", out.path], ["run", path, "--log", log.path, "--out", out.path]] {
      let outcome = try CLITests.memgo(arguments, environment: environment)
      #expect(outcome.status == 1)
      #expect(outcome.stdout.isEmpty)
      #expect(
        outcome.stderr
          == "memgo: \(dir.path)/missing: cannot create a temporary file for opt-pages: No such file or directory\n")
      #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("opt.md").path))
      #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("opt.json").path))
      #expect(!FileManager.default.fileExists(atPath: log.path))
      #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true)
    }
  }
}
