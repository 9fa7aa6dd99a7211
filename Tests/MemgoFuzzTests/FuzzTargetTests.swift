import Foundation
import Testing

@testable import MemgoCore
@testable import MemgoFuzz

/// Replays every committed fuzz input (Tests/fuzz/corpus and Tests/fuzz/regressions) through the
/// same entry point the libFuzzer harness calls, and pins the properties the targets check.
@Suite struct FuzzTargetTests {
  static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("fuzz")

  /// The committed inputs of `target`: its seeds and its regressions, in name order.
  static func inputs(_ target: String) -> [URL] {
    ["corpus", "regressions"].flatMap { kind -> [URL] in
      let directory = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      return names.sorted().filter { !$0.hasPrefix(".") }.map { directory.appendingPathComponent($0) }
    }
  }

  @Test(arguments: FuzzTarget.allCases)
  func committedInputsHoldEveryProperty(target: FuzzTarget) throws {
    let files = Self.inputs(target.rawValue)
    #expect(!files.isEmpty, "no seed corpus for \(target.rawValue)")
    for file in files {
      let bytes = try [UInt8](Data(contentsOf: file))
      #expect(target.run(bytes) == [], "\(file.lastPathComponent)")
    }
  }

  @Test func everyTargetHasASeedDirectory() {
    let expected = Set(FuzzTarget.allCases.map(\.rawValue) + ["arguments"])
    let present = Set(
      (try? FileManager.default.contentsOfDirectory(
        atPath: Self.fuzzDirectory.appendingPathComponent("corpus").path)) ?? [])
    #expect(present == expected)
  }

  // MARK: - The properties catch what they should

  @Test func unitsTargetFlagsNothingOnGoodAndBadValues() {
    for text in ["5ms", "4KiB", "1.5MiB", "0s", "-3s", "5 ms", "12parsecs", "1e3", "\u{1}\n", ""] {
      #expect(FuzzTarget.units.run(Array(text.utf8)) == [], "\(text.debugDescription)")
    }
  }

  @Test func unitErrorsStayOnOneLine() throws {
    // The fuzzer's first find: a unit holding a line break was echoed raw into the message.
    #expect(throws: UnitError.self) { try Units.parseDuration("5\u{1}\n") }
    do {
      _ = try Units.parseSize("5\u{1}\n")
    } catch {
      #expect(!error.message.contains("\n"))
      #expect(error.message.hasPrefix("unknown unit '\\u0001\\n'"))
    }
  }

  @Test func traceTargetsAgreeWithTheReaderOnEdgeCases() {
    // Option byte 0: lines of at most 16 bytes, bad lines are errors; 4: skipped.
    let plain = "R 0x10\r\nW 20 8\n\n# note\n0x123456789abcdef0 1\nX\n0x1"
    let lackey = "==1== hi\nI  0400d7d4,8\r\n L 1ffefffd08,8\n M 10,4\n S 0,0\n"
    let din = "0 10\n1 0x20 8\n2 30 0x10 rest\n3 0\n"
    for options: UInt8 in [0, 1, 2, 4, 5, 6] {
      #expect(FuzzTarget.plain.run([options] + Array(plain.utf8)) == [])
      #expect(FuzzTarget.lackey.run([options] + Array(lackey.utf8)) == [])
      #expect(FuzzTarget.din.run([options] + Array(din.utf8)) == [])
    }
    #expect(FuzzTarget.plain.run([]) == [])
  }

  @Test func shrunkScenariosRunBriefly() throws {
    let file = try ScenarioLoader.load(
      bytes: Array(
        #"{"stop": {"time": "10s"}, "machine": {"frames": 100000, "cpus": 64}, "processes": [{"count": 1000}]}"#.utf8),
      path: "t.json")
    let small = try #require(FuzzTarget.shrunk(file.points[0].scenario))
    #expect(small.machine.frames == 4096)
    #expect(small.machine.cpus == 2)
    #expect(small.processes[0].count == 2 && small.processes[0].requests == 8)
    #expect(small.stop.time == .milliseconds(1000))
    // A request that may touch more than 256 pages is not simulated.
    let wide = try ScenarioLoader.load(
      bytes: Array(#"{"stop": {"time": "1s"}, "machine": {"frames": 4}, "processes": [{"size": "2MiB"}]}"#.utf8),
      path: "t.json")
    #expect(FuzzTarget.shrunk(wide.points[0].scenario) == nil)
  }
}
