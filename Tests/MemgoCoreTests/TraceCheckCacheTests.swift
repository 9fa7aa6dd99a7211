import Foundation
import Testing

@testable import MemgoCore

/// A sweep reads each replayed trace once per load, not once per point, and still reports a bad
/// trace at every point that replays it.
@Suite struct TraceCheckCacheTests {
  static func sweep(trace: String) throws -> (json: String, directory: URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-cache-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try trace.write(to: directory.appendingPathComponent("t.trace"), atomically: true, encoding: .utf8)
    let json =
      #"{"stop": {"time": "1s"}, "machine": {"frames": 4}, "processes": [{"addressSpace": "1MiB", "#
      + #""access": {"pattern": "trace", "path": "t.trace", "format": "plain"}}], "#
      + #""sweep": {"machine.frames": [1, 2, 3, 4, 5, 6, 7, 8]}}"#
    return (json, directory)
  }

  static func expand(_ json: String, in directory: URL, cache: TraceCheckCache) throws -> ScenarioSweep.Expansion {
    let root = try JSONParser.parse(json)
    let file = directory.appendingPathComponent("s.json").path
    guard case .object(let members) = root, let i = members.firstIndex(where: { $0.key == "sweep" }) else {
      throw CancellationError()
    }
    var decoder = ScenarioDecoder(file: file)
    let node = JSONNode(value: members[i].value, path: JSONPath([.key("sweep")]), order: [i])
    let axes = try #require(ScenarioSweep.plan(node, root: root, decoder: &decoder))
    return ScenarioSweep.expand(root: root, axes: axes, file: file, defaultName: "s", traceChecks: cache)
  }

  @Test func eightPointsReadTheTraceOnce() throws {
    let (json, directory) = try Self.sweep(trace: "R 0x10\nW 0x2000 8\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let cache = TraceCheckCache()
    guard case .points(let points) = try Self.expand(json, in: directory, cache: cache) else {
      Issue.record("expected points")
      return
    }
    #expect(points.count == 8)
    #expect(cache.results.count == 1)
    #expect(cache.results.values.first == .some(nil))
  }

  @Test func aBadTraceIsReportedOnceForTheWholeSweep() throws {
    let (json, directory) = try Self.sweep(trace: "R 0x10\nW 0x200000 8\n")
    defer { try? FileManager.default.removeItem(at: directory) }
    let cache = TraceCheckCache()
    guard case .problems(let errors, _) = try Self.expand(json, in: directory, cache: cache) else {
      Issue.record("expected problems")
      return
    }
    #expect(cache.results.count == 1)
    #expect(errors.count == 1)
    #expect(errors.first?.path.description == "processes[0].access.path")
    #expect(errors.first?.message.contains("t.trace: line 2: address 0x200000 (size 8) lies outside") == true)
  }
}
