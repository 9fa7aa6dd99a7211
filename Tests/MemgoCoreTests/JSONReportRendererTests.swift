import Testing

@testable import MemgoCore

@Suite struct JSONReportRendererTests {
  /// Point 0 has two replications, point 1 one (spreads are null).
  @Test func tinySweepGolden() {
    let report = ReportFixtures.tinyReport(groups: ["db"], replications: [2, 1])
    #expect(JSONReportRenderer.render(report) == JSONReportRendererTests.tinyJSON + "\n")
  }

  @Test func topLevelKeysInOrder() {
    guard case .object(let members) = JSONReportRenderer.value(ReportFixtures.tinyReport()) else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "memgo", "scenario", "description", "seed", "replications", "axes", "points", "pairedDifferences",
      ])
    guard case .array(let points) = members[6].value, case .object(let point) = points[0] else {
      Issue.record("no points")
      return
    }
    #expect(point.map(\.key) == ["index", "parameters", "replications", "metrics", "processes"])
    guard case .object(let metrics) = point[3].value else {
      Issue.record("no metrics")
      return
    }
    #expect(metrics.map(\.key) == Metric.allCases.map(\.key))
  }

  @Test func stringsAreEscaped() {
    var report = ReportFixtures.singleReport()
    report.scenario = "a\"b\\c"
    report.description = "tab\there\u{01}"
    let text = JSONReportRenderer.render(report)
    #expect(text.contains(#""scenario": "a\"b\\c","#))
    #expect(text.contains(#""description": "tab\there\u0001","#))
  }

  @Test func hugeSeedIsExact() {
    var report = ReportFixtures.singleReport()
    report.seed = UInt64.max
    #expect(JSONReportRenderer.render(report).contains("\"seed\": 18446744073709551615,"))
  }

  // MARK: - Goldens

  static let tinyJSON = """
    {
      "memgo": "0.1.0",
      "scenario": "tiny",
      "description": "Two groups share 64 or 128 frames.",
      "seed": 7,
      "replications": 2,
      "axes": [
        {
          "path": "machine.frames",
          "values": [64, 128]
        }
      ],
      "points": [
        {
          "index": 0,
          "parameters": {"machine.frames": 64},
          "replications": 2,
          "metrics": {
            "requests": {"mean": 150, "stddev": 70.71067811865476, "ci95": 635.31023681, "n": 2},
            "accesses": {"mean": 300, "stddev": 141.4213562373095, "ci95": 1270.62047362, "n": 2},
            "reads": {"mean": 225, "stddev": 106.06601717798213, "ci95": 952.965355215, "n": 2},
            "writes": {"mean": 75, "stddev": 35.35533905932738, "ci95": 317.655118405, "n": 2},
            "bytes": {"mean": 9600, "stddev": 4525.483399593904, "ci95": 40659.85515584, "n": 2},
            "tlbHits": {"mean": 270, "stddev": 127.27922061357856, "ci95": 1143.5584262579998, "n": 2},
            "tlbMisses": {"mean": 60, "stddev": 28.284271247461902, "ci95": 254.12409472399997, "n": 2},
            "tlbHitRate": {"mean": 0.8181818181818182, "stddev": 0, "ci95": 0, "n": 2},
            "pageWalks": {"mean": 60, "stddev": 28.284271247461902, "ci95": 254.12409472399997, "n": 2},
            "pteReads": {"mean": 240, "stddev": 113.13708498984761, "ci95": 1016.4963788959999, "n": 2},
            "faults": {"mean": 30, "stddev": 14.142135623730951, "ci95": 127.06204736199999, "n": 2},
            "majorFaults": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
            "minorFaults": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
            "faultRate": {"mean": 0.1, "stddev": 0, "ci95": 0, "n": 2},
            "majorFaultRate": {"mean": 0.05, "stddev": 0, "ci95": 0, "n": 2},
            "evictions": {"mean": 18, "stddev": 8.48528137423857, "ci95": 76.23722841719999, "n": 2},
            "dirtyEvictions": {"mean": 6, "stddev": 2.8284271247461903, "ci95": 25.4124094724, "n": 2},
            "diskReads": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
            "diskWrites": {"mean": 6, "stddev": 2.8284271247461903, "ci95": 25.4124094724, "n": 2},
            "diskUtilization": {"mean": 0.15000000000000002, "stddev": 0.07071067811865477,\
     "ci95": 0.6353102368100001, "n": 2},
            "diskWait": {"mean": 0.001, "stddev": 0, "ci95": 0, "n": 2},
            "cpuUtilization": {"mean": 0.15000000000000002, "stddev": 0.07071067811865477,\
     "ci95": 0.6353102368100001, "n": 2},
            "simulatedTime": {"mean": 0.01, "stddev": 0, "ci95": 0, "n": 2},
            "throughput": {"mean": 15000, "stddev": 7071.067811865475, "ci95": 63531.02368099999, "n": 2},
            "accessThroughput": {"mean": 30000, "stddev": 14142.13562373095, "ci95": 127062.04736199998, "n": 2},
            "bandwidth": {"mean": 960000, "stddev": 452548.3399593904, "ci95": 4065985.5155839995, "n": 2},
            "effectiveAccessTime": {"mean": 1e-06, "stddev": 0, "ci95": 0, "n": 2},
            "latencyMean": {"mean": 2e-06, "stddev": 0, "ci95": 0, "n": 2},
            "latencyP50": {"mean": 3.004416e-06, "stddev": 1.416295284736908e-06, "ci95": 1.2724908269571682e-05,\
     "n": 2},
            "latencyP90": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
            "latencyP99": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
            "latencyP999": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
            "latencyMax": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
            "contextSwitches": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
            "tlbFlushes": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
            "tlbShootdowns": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
            "walkCacheHits": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
            "admissionWaits": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
            "suspensions": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2}
          },
          "processes": [
            {
              "name": "db",
              "metrics": {
                "requests": {"mean": 150, "stddev": 70.71067811865476, "ci95": 635.31023681, "n": 2},
                "accesses": {"mean": 300, "stddev": 141.4213562373095, "ci95": 1270.62047362, "n": 2},
                "reads": {"mean": 225, "stddev": 106.06601717798213, "ci95": 952.965355215, "n": 2},
                "writes": {"mean": 75, "stddev": 35.35533905932738, "ci95": 317.655118405, "n": 2},
                "bytes": {"mean": 9600, "stddev": 4525.483399593904, "ci95": 40659.85515584, "n": 2},
                "tlbHits": {"mean": 270, "stddev": 127.27922061357856, "ci95": 1143.5584262579998, "n": 2},
                "tlbMisses": {"mean": 60, "stddev": 28.284271247461902, "ci95": 254.12409472399997, "n": 2},
                "tlbHitRate": {"mean": 0.8181818181818182, "stddev": 0, "ci95": 0, "n": 2},
                "pageWalks": {"mean": 60, "stddev": 28.284271247461902, "ci95": 254.12409472399997, "n": 2},
                "pteReads": {"mean": 240, "stddev": 113.13708498984761, "ci95": 1016.4963788959999, "n": 2},
                "faults": {"mean": 30, "stddev": 14.142135623730951, "ci95": 127.06204736199999, "n": 2},
                "majorFaults": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
                "minorFaults": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
                "faultRate": {"mean": 0.1, "stddev": 0, "ci95": 0, "n": 2},
                "majorFaultRate": {"mean": 0.05, "stddev": 0, "ci95": 0, "n": 2},
                "evictions": {"mean": 18, "stddev": 8.48528137423857, "ci95": 76.23722841719999, "n": 2},
                "dirtyEvictions": {"mean": 6, "stddev": 2.8284271247461903, "ci95": 25.4124094724, "n": 2},
                "diskReads": {"mean": 15, "stddev": 7.0710678118654755, "ci95": 63.53102368099999, "n": 2},
                "diskWrites": {"mean": 6, "stddev": 2.8284271247461903, "ci95": 25.4124094724, "n": 2},
                "diskUtilization": {"mean": 0.15000000000000002, "stddev": 0.07071067811865477,\
     "ci95": 0.6353102368100001, "n": 2},
                "diskWait": {"mean": 0.001, "stddev": 0, "ci95": 0, "n": 2},
                "cpuUtilization": {"mean": 0.15000000000000002, "stddev": 0.07071067811865477,\
     "ci95": 0.6353102368100001, "n": 2},
                "simulatedTime": {"mean": 0.01, "stddev": 0, "ci95": 0, "n": 2},
                "throughput": {"mean": 15000, "stddev": 7071.067811865475, "ci95": 63531.02368099999, "n": 2},
                "accessThroughput": {"mean": 30000, "stddev": 14142.13562373095, "ci95": 127062.04736199998,\
     "n": 2},
                "bandwidth": {"mean": 960000, "stddev": 452548.3399593904, "ci95": 4065985.5155839995, "n": 2},
                "effectiveAccessTime": {"mean": 1e-06, "stddev": 0, "ci95": 0, "n": 2},
                "latencyMean": {"mean": 2e-06, "stddev": 0, "ci95": 0, "n": 2},
                "latencyP50": {"mean": 3.004416e-06, "stddev": 1.416295284736908e-06,\
     "ci95": 1.2724908269571682e-05, "n": 2},
                "latencyP90": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
                "latencyP99": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
                "latencyP999": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05,\
     "n": 2},
                "latencyMax": {"mean": 4.5e-06, "stddev": 2.121320343559643e-06, "ci95": 1.90593071043e-05, "n": 2},
                "contextSwitches": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
                "tlbFlushes": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
                "tlbShootdowns": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
                "walkCacheHits": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
                "admissionWaits": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2},
                "suspensions": {"mean": 0, "stddev": 0, "ci95": 0, "n": 2}
              }
            }
          ]
        },
        {
          "index": 1,
          "parameters": {"machine.frames": 128},
          "replications": 1,
          "metrics": {
            "requests": {"mean": 200, "stddev": null, "ci95": null, "n": 1},
            "accesses": {"mean": 400, "stddev": null, "ci95": null, "n": 1},
            "reads": {"mean": 300, "stddev": null, "ci95": null, "n": 1},
            "writes": {"mean": 100, "stddev": null, "ci95": null, "n": 1},
            "bytes": {"mean": 12800, "stddev": null, "ci95": null, "n": 1},
            "tlbHits": {"mean": 360, "stddev": null, "ci95": null, "n": 1},
            "tlbMisses": {"mean": 80, "stddev": null, "ci95": null, "n": 1},
            "tlbHitRate": {"mean": 0.8181818181818182, "stddev": null, "ci95": null, "n": 1},
            "pageWalks": {"mean": 80, "stddev": null, "ci95": null, "n": 1},
            "pteReads": {"mean": 320, "stddev": null, "ci95": null, "n": 1},
            "faults": {"mean": 40, "stddev": null, "ci95": null, "n": 1},
            "majorFaults": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
            "minorFaults": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
            "faultRate": {"mean": 0.1, "stddev": null, "ci95": null, "n": 1},
            "majorFaultRate": {"mean": 0.05, "stddev": null, "ci95": null, "n": 1},
            "evictions": {"mean": 24, "stddev": null, "ci95": null, "n": 1},
            "dirtyEvictions": {"mean": 8, "stddev": null, "ci95": null, "n": 1},
            "diskReads": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
            "diskWrites": {"mean": 8, "stddev": null, "ci95": null, "n": 1},
            "diskUtilization": {"mean": 0.2, "stddev": null, "ci95": null, "n": 1},
            "diskWait": {"mean": 0.001, "stddev": null, "ci95": null, "n": 1},
            "cpuUtilization": {"mean": 0.2, "stddev": null, "ci95": null, "n": 1},
            "simulatedTime": {"mean": 0.01, "stddev": null, "ci95": null, "n": 1},
            "throughput": {"mean": 20000, "stddev": null, "ci95": null, "n": 1},
            "accessThroughput": {"mean": 40000, "stddev": null, "ci95": null, "n": 1},
            "bandwidth": {"mean": 1280000, "stddev": null, "ci95": null, "n": 1},
            "effectiveAccessTime": {"mean": 1e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyMean": {"mean": 2e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyP50": {"mean": 4.005888e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyP90": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyP99": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyP999": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
            "latencyMax": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
            "contextSwitches": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
            "tlbFlushes": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
            "tlbShootdowns": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
            "walkCacheHits": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
            "admissionWaits": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
            "suspensions": {"mean": 0, "stddev": null, "ci95": null, "n": 1}
          },
          "processes": [
            {
              "name": "db",
              "metrics": {
                "requests": {"mean": 200, "stddev": null, "ci95": null, "n": 1},
                "accesses": {"mean": 400, "stddev": null, "ci95": null, "n": 1},
                "reads": {"mean": 300, "stddev": null, "ci95": null, "n": 1},
                "writes": {"mean": 100, "stddev": null, "ci95": null, "n": 1},
                "bytes": {"mean": 12800, "stddev": null, "ci95": null, "n": 1},
                "tlbHits": {"mean": 360, "stddev": null, "ci95": null, "n": 1},
                "tlbMisses": {"mean": 80, "stddev": null, "ci95": null, "n": 1},
                "tlbHitRate": {"mean": 0.8181818181818182, "stddev": null, "ci95": null, "n": 1},
                "pageWalks": {"mean": 80, "stddev": null, "ci95": null, "n": 1},
                "pteReads": {"mean": 320, "stddev": null, "ci95": null, "n": 1},
                "faults": {"mean": 40, "stddev": null, "ci95": null, "n": 1},
                "majorFaults": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
                "minorFaults": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
                "faultRate": {"mean": 0.1, "stddev": null, "ci95": null, "n": 1},
                "majorFaultRate": {"mean": 0.05, "stddev": null, "ci95": null, "n": 1},
                "evictions": {"mean": 24, "stddev": null, "ci95": null, "n": 1},
                "dirtyEvictions": {"mean": 8, "stddev": null, "ci95": null, "n": 1},
                "diskReads": {"mean": 20, "stddev": null, "ci95": null, "n": 1},
                "diskWrites": {"mean": 8, "stddev": null, "ci95": null, "n": 1},
                "diskUtilization": {"mean": 0.2, "stddev": null, "ci95": null, "n": 1},
                "diskWait": {"mean": 0.001, "stddev": null, "ci95": null, "n": 1},
                "cpuUtilization": {"mean": 0.2, "stddev": null, "ci95": null, "n": 1},
                "simulatedTime": {"mean": 0.01, "stddev": null, "ci95": null, "n": 1},
                "throughput": {"mean": 20000, "stddev": null, "ci95": null, "n": 1},
                "accessThroughput": {"mean": 40000, "stddev": null, "ci95": null, "n": 1},
                "bandwidth": {"mean": 1280000, "stddev": null, "ci95": null, "n": 1},
                "effectiveAccessTime": {"mean": 1e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyMean": {"mean": 2e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyP50": {"mean": 4.005888e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyP90": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyP99": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyP999": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
                "latencyMax": {"mean": 6e-06, "stddev": null, "ci95": null, "n": 1},
                "contextSwitches": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
                "tlbFlushes": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
                "tlbShootdowns": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
                "walkCacheHits": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
                "admissionWaits": {"mean": 0, "stddev": null, "ci95": null, "n": 1},
                "suspensions": {"mean": 0, "stddev": null, "ci95": null, "n": 1}
              }
            }
          ]
        }
      ],
      "pairedDifferences": [
        {
          "axis": "machine.frames",
          "minuend": 64,
          "subtrahend": 128,
          "metric": "faultRate",
          "parameters": {},
          "mean": 0,
          "stddev": null,
          "ci95": null,
          "n": 1
        }
      ]
    }
    """
}
