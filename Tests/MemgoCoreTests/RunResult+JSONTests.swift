import Foundation
import Testing

@testable import MemgoCore

@Suite struct RunResultJSONTests {
  @Test func roundTripsExactlyThroughText() throws {
    for seed in 0..<30 as Range<UInt64> {
      let result = ExperimentTestSupport.randomResult(seed: seed, groups: Int(seed % 3))
      let text = JSONWriter.compact(result.jsonValue)
      let parsed = try JSONParser.parse(Array(text.utf8))
      let back = try RunResult(json: parsed, at: .root, file: "x.json")
      #expect(back == result, "seed \(seed)")
      #expect(RunMetrics(back) == RunMetrics(result))
    }
  }

  @Test func roundTripsARealRun() throws {
    let file = try ExperimentTestSupport.sweep(replications: 1)
    let result = try Experiment.run(file.points[0].scenario, replication: 0)
    #expect(result.machine.latency.count > 0)
    let parsed = try JSONParser.parse(Array(JSONWriter.compact(result.jsonValue).utf8))
    #expect(try RunResult(json: parsed, at: .root, file: "x.json") == result)
  }

  static func problem(_ text: String) -> String? {
    do {
      _ = try RunResult(json: try JSONParser.parse(Array(text.utf8)), at: .root, file: "p.json")
      return nil
    } catch let error as ScenarioError {
      return error.description
    } catch {
      return "\(error)"
    }
  }

  @Test func refusesMalformedResults() throws {
    let good = JSONWriter.compact(ExperimentTestSupport.randomResult(seed: 1, groups: 1).jsonValue)
    #expect(Self.problem(good) == nil)
    let negative = good.replacingFirst("\"events\": ", with: "\"events\": -")
    #expect(Self.problem(negative)?.hasPrefix("p.json: events: expected a whole number") == true)
    let unknown = good.replacingFirst("{\"simulatedTime\"", with: "{\"simulatedTme\": 1, \"simulatedTime\"")
    #expect(Self.problem(unknown)?.contains("simulatedTme: unknown key") == true)
    #expect(Self.problem(unknown)?.contains("did you mean 'simulatedTime'") == true)
    #expect(Self.problem("[1]") == "p.json: expected an object, found an array")
  }

  @Test func refusesInconsistentHistograms() throws {
    let tally =
      "{\"requests\": 0, \"accesses\": 0, \"reads\": 0, \"writes\": 0, \"bytes\": 0, \"tlbHits\": 0, "
      + "\"tlbMisses\": 0, \"pageWalks\": 0, \"pteReads\": 0, \"majorFaults\": 0, \"minorFaults\": 0, "
      + "\"evictions\": 0, \"dirtyEvictions\": 0, \"diskReads\": 0, \"diskWrites\": 0, \"contextSwitches\": 0, "
      + "\"tlbFlushes\": 0, \"tlbShootdowns\": 0, \"admissionWaits\": 0, \"suspensions\": 0, "
      + "\"walkCacheHits\": 0, \"latencySum\": 0, \"diskWaitSum\": 0, \"diskBusy\": 0, "
      + "\"cpuBusy\": 0, \"diskQueued\": 0, \"latency\": LATENCY}"
    func check(_ latency: String) -> String? {
      do {
        _ = try RunTally(
          json: try JSONParser.parse(Array(tally.replacingFirst("LATENCY", with: latency).utf8)), at: .root,
          file: "t.json")
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(check("{\"min\": 0, \"max\": 0, \"buckets\": []}") == nil)
    #expect(check("{\"min\": 5, \"max\": 7, \"buckets\": [5, 1, 7, 2]}") == nil)
    #expect(check("{\"min\": 5, \"max\": 7, \"buckets\": [7, 2, 5, 1]}")?.contains("inconsistent histogram") == true)
    #expect(check("{\"min\": 5, \"max\": 7, \"buckets\": [5, 0, 7, 2]}")?.contains("inconsistent") == true)
    #expect(check("{\"min\": 4, \"max\": 7, \"buckets\": [5, 1, 7, 2]}")?.contains("inconsistent") == true)
    #expect(check("{\"min\": 5, \"max\": 7, \"buckets\": [5, 1, 7]}")?.contains("pairs of bucket index") == true)
    #expect(check("{\"min\": 5, \"max\": 7, \"buckets\": [5, 1, 99999, 2]}")?.contains("inconsistent") == true)
    #expect(check("{\"min\": 1, \"max\": 1, \"buckets\": [1, 9223372036854775807, 1, 1]}") != nil)
    #expect(check("{\"min\": 0, \"max\": 0, \"buckets\": [0, 1.5]}")?.contains("latency.buckets[0]") == true)
  }
}

extension String {
  /// This string with the first occurrence of `target` replaced.
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
