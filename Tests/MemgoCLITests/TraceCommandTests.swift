import Foundation
import Testing

/// `memgo trace`, run as a user would: the built binary, its stdout, stderr and exit status.
@Suite struct TraceCommandTests {
  typealias C = CLITests

  static let belady = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { "W 0x\($0)000\n" }.joined()

  @Test func helpMatchesHelpTrace() throws {
    let help = try C.memgo(["help", "trace"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: memgo trace TRACEFILE [options]"))
    #expect(try C.memgo(["trace", "--help"]).stdout == help.stdout)
    #expect(try C.memgo(["help"]).stdout.contains("trace TRACEFILE"))
  }

  /// JSON carries SPEC's keys, the base name of the trace (not its path), FIFO's Belady anomaly
  /// and the fault split; the output is the same byte for byte on a second run.
  @Test func jsonKeysAnomalyAndDeterminism() throws {
    let dir = try C.temporaryDirectory()
    let path = try C.write(Self.belady, named: "belady.trace", in: dir)
    let arguments = ["trace", path, "--frames", "1..5", "--policy", "fifo,lru,opt", "--format", "json"]
    let a = try C.memgo(arguments)
    #expect(a.status == 0, "\(a.stderr)")
    #expect(a.stderr.isEmpty)
    let b = try C.memgo(arguments)
    #expect(a.stdout == b.stdout)
    #expect(try C.memgo(arguments + ["--jobs", "1"]).stdout == a.stdout)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
    #expect(object["trace"] as? String == "belady.trace")
    #expect(object["accesses"] as? Int == 12)
    #expect(object["distinctPages"] as? Int == 5)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == 15)
    for key in [
      "policy", "frames", "faults", "faultRate", "dirtyEvictions", "compulsoryFaults", "capacityFaults",
      "policyFaults",
    ] {
      #expect(results.allSatisfy { $0[key] != nil }, "\(key)")
    }
    #expect(results.filter { $0["policy"] as? String == "fifo" }.map { $0["faults"] as? Int } == [12, 12, 9, 10, 5])
    let anomalies = try #require(object["anomalies"] as? [[String: Any]])
    #expect(anomalies.count == 1)
    #expect(anomalies[0]["policy"] as? String == "fifo" && anomalies[0]["frames"] as? Int == 3)
  }

  @Test func tableShowsTheAnomaly() throws {
    let dir = try C.temporaryDirectory()
    let path = try C.write(Self.belady, named: "belady.trace", in: dir)
    let outcome = try C.memgo(["trace", path, "--frames", "3,4", "--policy", "fifo"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("FIFO: 3 frames, 9 faults; 4 frames, 10 faults"))
  }

  @Test func malformedLineExitsTwoWithItsNumber() throws {
    let dir = try C.temporaryDirectory()
    let path = try C.write("R 0x1000\nW 0x2000\nR 0xnope\nR 0x3000\nbad\n", named: "bad.trace", in: dir)
    let outcome = try C.memgo(["trace", path, "--frames", "4", "--trace-format", "plain"])
    #expect(outcome.status == 2)
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr
        == "memgo: \(path): line 3: bad address (expected 0x and hexadecimal digits, or decimal digits, below 2^64): "
        + "\"R 0xnope\"\n")
    let skipped = try C.memgo(["trace", path, "--frames", "4", "--trace-format", "plain", "--skip-bad-lines"])
    #expect(skipped.status == 0)
    #expect(skipped.stderr == "memgo: \(path): warning: skipped 2 malformed line(s) (--skip-bad-lines)\n")
    #expect(skipped.stdout.contains("3 references, 3 page accesses"))
  }

  @Test func unreadableTraceExitsOne() throws {
    let outcome = try C.memgo(["trace", "/nonexistent/x.trace", "--frames", "4"])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.hasPrefix("memgo: /nonexistent/x.trace: cannot open: "))
  }

  @Test(arguments: [
    (["--frames", "4", "--page-size", "3KiB"], "is not a power of two"),
    (["--frames", "4", "--page-size", "4096"], "--page-size '4096'"),
    (["--frames", "0"], "'0' is not a memory size"),
    (["--frames", "4,x"], "'x' is not a memory size"),
    (["--frames", "8..4"], "the range is empty"),
    (["--frames", "4", "--policy", "lur"], "'lur' is not a policy (did you mean 'lru'?) (expected some of fifo, lru,"),
    (["--policy", "lru"], "give the memory sizes with --frames"),
    (["--mrc", "--policy", "fifo"], "--policy needs --frames"),
    (["--frames", "4", "--sample", "2"], "--sample '2' is not a sampling rate"),
    (["--frames", "4", "--format", "xml"], "--format 'xml' is not one of table, markdown, csv, json"),
    (["--frames", "4194304,1", "--policy", "lru,fifo"], "frames in all (expected at most 4194304"),
  ])
  func badOptionsExitTwo(extra: [String], message: String) throws {
    let dir = try C.temporaryDirectory()
    let path = try C.write(Self.belady, named: "t.trace", in: dir)
    let outcome = try C.memgo(["trace", path] + extra)
    #expect(outcome.status == 2)
    #expect(outcome.stderr.hasPrefix("memgo: trace: "), "\(outcome.stderr)")
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    #expect(outcome.stderr.split(separator: "\n").count == 1)
  }

  /// `--mrc --out` writes the report files and the curve as CSV, JSON and SVG, the same on every run.
  @Test func curveFilesAreWrittenAndReproducible() throws {
    let dir = try C.temporaryDirectory()
    let path = try C.write(Self.belady, named: "belady.trace", in: dir)
    let out = dir.appendingPathComponent("out")
    let first = try C.memgo(["trace", path, "--mrc", "--frames", "3", "--out", out.path, "--quiet"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.isEmpty)
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["belady-mrc.csv", "belady-mrc.json", "belady-mrc.svg", "belady.csv", "belady.json", "belady.md"])
    let csv = try String(contentsOf: out.appendingPathComponent("belady-mrc.csv"), encoding: .utf8)
    #expect(csv.hasPrefix("frames,faults,faultRate\n1,12,1\n"))
    let svg = try String(contentsOf: out.appendingPathComponent("belady-mrc.svg"), encoding: .utf8)
    #expect(svg.contains("LRU miss-ratio curve: belady.trace"))
    let before = try files.map { try Data(contentsOf: out.appendingPathComponent($0)) }
    let second = try C.memgo(["trace", path, "--mrc", "--frames", "3", "--out", out.path, "--quiet"])
    #expect(second.status == 0)
    #expect(try files.map { try Data(contentsOf: out.appendingPathComponent($0)) } == before)
  }

  @Test func sampledCurveReportsItsRate() throws {
    let dir = try C.temporaryDirectory()
    let lines = (0..<3000).map { "R 0x\(String(($0 * 7919) % 600 * 4096, radix: 16))\n" }.joined()
    let path = try C.write(lines, named: "s.trace", in: dir)
    let outcome = try C.memgo(["trace", path, "--sample", "0.5", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let mrc = try #require(object["mrc"] as? [String: Any])
    #expect(mrc["samplingRate"] as? Double == 0.5)
    #expect(mrc["exact"] as? Bool == false)
    #expect(object["distinctPages"] as? Int == 600)
  }

  @Test func realLackeyTraceWithoutInstructions() throws {
    let outcome = try C.memgo([
      "trace", "Tests/data/lackey-matmul.trace", "--frames", "11", "--no-instructions", "--format", "csv",
      "--no-classify",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(
      outcome.stdout == "policy,frames,faults,faultRate,evictions,dirtyEvictions\nlru,11,11,0.0014864864864864865,0,0\n"
    )
  }
}
