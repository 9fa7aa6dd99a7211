import Foundation
import Testing

@testable import MemgoCore

@Suite struct ScenarioLoaderTests {
  typealias F = ScenarioFixture

  /// The SPEC's example loads to exactly the values it writes.
  @Test func specExampleLoads() throws {
    let file = try #require(F.loaded(F.spec))
    let s = file.base
    #expect(s.name == "random-reads")
    #expect(s.description == "The seed's scenario: processes read at random intervals.")
    #expect(s.seed == 42 && s.replications == 5)
    #expect(s.stop.time == SimTime(picoseconds: 2_000_000_000_000) && s.stop.requests == 1_000_000)
    #expect(s.warmup == .milliseconds(100))
    let m = s.machine
    #expect(m.cpus == 1 && m.pageSize == 4096 && m.frames == 1024)
    #expect(m.tlb.entries == 64 && m.tlb.ways == 4 && m.tlb.asid)
    #expect(m.pageTable.levels == 4)
    #expect(m.replacement.policy == (PolicyKind(rawValue: "clock") ?? .fifo) && m.replacement.scope == .global)
    #expect(m.zeroFill)
    #expect(
      m.latency.tlb == .constant(1_000) && m.latency.ram == .constant(100_000)
        && m.latency.fault == .constant(2_000_000))
    #expect(m.latency.diskRead == .constant(5_000_000_000) && m.latency.diskWrite == .constant(5_000_000_000))
    #expect(m.disk.channels == 1)
    #expect(s.processes.count == 1)
    let g = s.processes[0]
    #expect(g.name == "db" && g.count == 4 && g.start == .zero && g.addressSpace == 16 << 20 && g.requests == 100_000)
    #expect(g.interval == .exponential(mean: 50_000_000))
    #expect(g.size == .uniform(min: 8, max: 16_384))
    #expect(g.writeFraction == 0.3)
    #expect(g.access == .zipf(exponent: 0.9))

    #expect(file.axes.map(\.path) == ["machine.frames", "machine.replacement.policy"])
    #expect(file.points.count == 9)
    #expect(file.points.map(\.scenario.machine.frames) == [256, 256, 256, 512, 512, 512, 1024, 1024, 1024])
    let policies = ["fifo", "lru", "clock"].map { PolicyKind(rawValue: $0) ?? .fifo }
    #expect(file.points.map(\.scenario.machine.replacement.policy) == policies + policies + policies)
    #expect(
      file.points[5].parameters.map { "\($0.key)=\($0.value.serialized())" } == [
        "machine.frames=512", "machine.replacement.policy=\"\(policies[2].rawValue)\"",
      ])
    #expect(file.json == (try JSONParser.parse(F.spec)))
  }

  // MARK: - Files

  func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-scenario-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  @Test func loadsFromDisk() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/disk-test.json"
    try Data(F.minimal().utf8).write(to: URL(fileURLWithPath: path))
    let file = try ScenarioLoader.load(path: path)
    #expect(file.base.name == "disk-test" && file.path == path)
  }

  @Test func unreadableFilesAreIOErrors() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    do {
      _ = try ScenarioLoader.load(path: directory + "/missing.json")
      Issue.record("loaded a missing file")
    } catch {
      #expect(error.exitStatus == 1)
      #expect(error.lines == ["\(directory)/missing.json: cannot open: No such file or directory"])
    }
    do {
      _ = try ScenarioLoader.load(path: directory)
      Issue.record("loaded a directory")
    } catch {
      #expect(error.exitStatus == 1)
      #expect(error.lines == ["\(directory): is a directory (expected a scenario file)"])
    }
  }

  @Test func invalidContentIsExitStatusTwo() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/empty.json"
    try Data().write(to: URL(fileURLWithPath: path))
    do {
      _ = try ScenarioLoader.load(path: path)
      Issue.record("loaded an empty file")
    } catch {
      #expect(error.exitStatus == 2)
      #expect(error.lines == ["\(path): line 1, column 1: empty input (expected a JSON value)"])
    }
  }

  @Test func oversizedFilesAreInvalid() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/big.json"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(ScenarioLoader.maximumFileSize) + 1)  // sparse: cheap to create
    try handle.close()
    do {
      _ = try ScenarioLoader.load(path: path)
      Issue.record("loaded an oversized file")
    } catch {
      #expect(error.exitStatus == 2)
      #expect(error.lines == ["\(path): the file is larger than 64MiB (the limit for scenario files)"])
    }
  }

  // MARK: - Robustness

  /// The SPEC example with a two-point sweep (keeps the fuzz tests fast in debug builds).
  var fuzzBase: String {
    let spec = F.spec
    guard let start = spec.firstRange(of: "\"sweep\"")?.lowerBound else { return spec }
    return String(spec[..<start]) + #""sweep": {"machine.frames": [256, 512], "processes[0].count": [1]}}"#
  }

  /// Checks the loader's contract on one input: no crash, and a failure lists at least one problem,
  /// each one line naming the file.
  func checkContract(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      let file = try ScenarioLoader.load(bytes: bytes, path: "t.json")
      let expected = file.axes.reduce(1) { $0 * $1.values.count }
      #expect(file.points.count == expected, sourceLocation: sourceLocation)
    } catch {
      guard case .invalid(let errors) = error else {
        Issue.record("I/O error from bytes", sourceLocation: sourceLocation)
        return
      }
      #expect(!errors.isEmpty, sourceLocation: sourceLocation)
      for line in error.lines {
        #expect(line.hasPrefix("t.json: ") && !line.contains("\n"), "\(line)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test func randomBytesNeverCrash() {
    var rng = SplitMix64(seed: 101)
    let alphabet =
      Array("{}[]:,\"0123456789.-+eE truefalsnl\\u/\n\t".utf8) + [0x00, 0x7F, 0xC3, 0xA9, 0xFF, 0xED, 0xF0]
    for _ in 0..<2_000 {
      let count = Int(rng.next() % 120)
      let bytes = (0..<count).map { _ in
        rng.next() % 4 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))]
      }
      checkContract(bytes)
    }
  }

  @Test func byteMutationsOfAValidScenarioNeverCrash() {
    var rng = SplitMix64(seed: 202)
    let original = Array(fuzzBase.utf8)
    let tokens = [
      "{", "}", "[", "]", ",", ":", "\"", "0", "-1", "1e999", "1.5", "null", "true", "\"4KiB\"", "\"0s\"", "[]", "{}",
      "\"sweep\"", "\\u", "é", "\"processes[9].count\"", "18446744073709551616",
    ].map { Array($0.utf8) }
    for _ in 0..<1_000 {
      var bytes = original
      for _ in 0..<Int(1 + rng.next() % 3) {
        let at = Int(rng.next() % UInt64(bytes.count + 1))
        switch rng.next() % 4 {
        case 0 where at < bytes.count: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
        case 1 where at < bytes.count: bytes.removeSubrange(at..<min(bytes.count, at + Int(rng.next() % 8)))
        case 2: bytes.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))], at: at)
        default:
          let from = Int(rng.next() % UInt64(bytes.count))
          bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + Int(rng.next() % 16))], at: at)
        }
      }
      checkContract(bytes)
    }
  }

  /// Replaces random values of the parsed example with random JSON: exercises the decoder on every
  /// field with every kind of wrong (or right) value.
  @Test func valueMutationsOfAValidScenarioNeverCrash() throws {
    var rng = SplitMix64(seed: 303)
    let original = try JSONParser.parse(fuzzBase)
    let replacements: [JSONValue] = [
      .null, .bool(true), .number("0"), .number("-1"), .number("1e400"), .number("2147483648"),
      .number("18446744073709551616"), .number("0.5"), .number("1e-400"), .string(""), .string("4KiB"),
      .string("0s"), .string("1000001s"), .string("257TiB"), .string("fifo"), .string("µs"), .string("5\nms"), .string("a\u{0}/b"), .array([]),
      .array([.number("1")]), .object([]),
      .object([JSONMember(key: "dist", value: .string("empirical")), JSONMember(key: "values", value: .array([]))]),
      .object([
        JSONMember(key: "pattern", value: .string("loop")), JSONMember(key: "pages", value: .number("99999999")),
      ]),
    ]
    func mutate(_ value: JSONValue) -> JSONValue {
      if rng.next() % 8 == 0 { return replacements[Int(rng.next() % UInt64(replacements.count))] }
      switch value {
      case .array(var elements):
        if !elements.isEmpty {
          let i = Int(rng.next() % UInt64(elements.count))
          elements[i] = mutate(elements[i])
        }
        return .array(elements)
      case .object(var members):
        if !members.isEmpty {
          let i = Int(rng.next() % UInt64(members.count))
          if rng.next() % 16 == 0 {
            members.remove(at: i)
          } else {
            members[i].value = mutate(members[i].value)
          }
        }
        return .object(members)
      default:
        return replacements[Int(rng.next() % UInt64(replacements.count))]
      }
    }
    for _ in 0..<600 {
      checkContract(Array(mutate(original).serialized().utf8))
    }
  }
}
