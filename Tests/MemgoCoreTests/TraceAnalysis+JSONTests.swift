import Foundation
import Testing

@testable import MemgoCore

@Suite struct TraceAnalysisJSONTests {
  typealias S = TraceTestSupport

  static func analysis(_ options: TraceAnalysisOptions) throws -> TraceAnalysis {
    let path = S.temporaryFile([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { "W 0x\($0)000\n" }.joined(), name: "belady")
    defer { S.remove(path) }
    return try TraceAnalysis(path: path, options: options)
  }

  /// SPEC's keys first, in SPEC's order; each result with its documented keys; valid JSON.
  @Test func keysAndValues() throws {
    let analysis = try Self.analysis(TraceAnalysisOptions(policies: [.fifo], frames: [3, 4]))
    let text = analysis.json()
    let keys = ["\"trace\"", "\"accesses\"", "\"distinctPages\"", "\"results\""].map {
      text.range(of: $0)?.lowerBound
    }
    #expect(keys.allSatisfy { $0 != nil })
    #expect(keys.compactMap { $0 } == keys.compactMap { $0 }.sorted())
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect((object["trace"] as? String)?.hasPrefix("memgo-belady-") == true)
    #expect(object["accesses"] as? Int == 12)
    #expect(object["distinctPages"] as? Int == 5)
    #expect(object["format"] as? String == "plain")
    #expect(object["pageSize"] as? Int == 4096)
    #expect(object["writes"] as? Int == 12)
    let results = try #require(object["results"] as? [[String: Any]])
    #expect(results.count == 2)
    #expect(
      Set(results[0].keys) == [
        "policy", "frames", "faults", "faultRate", "dirtyEvictions", "evictions", "compulsoryFaults",
        "capacityFaults", "policyFaults",
      ])
    #expect(results[1]["faults"] as? Int == 10)
    #expect(results[1]["faultRate"] as? Double == 10.0 / 12.0)
    #expect(results[1]["dirtyEvictions"] as? Int == 6)
    let anomalies = try #require(object["anomalies"] as? [[String: Any]])
    #expect(anomalies.count == 1 && anomalies[0]["largerFaults"] as? Int == 10)
    #expect(object["mrc"] == nil)
  }

  @Test func curveObject() throws {
    let analysis = try Self.analysis(TraceAnalysisOptions(classify: false, curveSampler: .everyPage))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(analysis.json().utf8)) as? [String: Any])
    #expect((object["results"] as? [Any])?.isEmpty == true)
    let mrc = try #require(object["mrc"] as? [String: Any])
    #expect(mrc["exact"] as? Bool == true)
    #expect(mrc["samplingRate"] as? Int == 1)
    let points = try #require(mrc["points"] as? [[String: Any]])
    #expect(points.map { $0["faults"] as? Int } == [12, 12, 10, 8, 5])
    #expect(points.map { $0["frames"] as? Int } == [1, 2, 3, 4, 5])
    let alone = try #require(analysis.curveJSON())
    let standalone = try #require(try JSONSerialization.jsonObject(with: Data(alone.utf8)) as? [String: Any])
    #expect(standalone["distinctPages"] as? Int == 5)
    #expect((standalone["points"] as? [Any])?.count == 5)
  }

  @Test func unclassifiedResultsOmitTheSplit() throws {
    let analysis = try Self.analysis(TraceAnalysisOptions(frames: [3], classify: false))
    #expect(!analysis.json().contains("compulsoryFaults"))
  }
}
