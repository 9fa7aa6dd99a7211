import Testing

@testable import MemgoCore

@Suite struct MetricTests {
  /// The metric keys exactly as SPEC.md's "Report" section lists them, in its order.
  static let specOrder = """
    requests accesses reads writes bytes tlbHits tlbMisses tlbHitRate pageWalks pteReads faults majorFaults \
    minorFaults faultRate majorFaultRate evictions dirtyEvictions diskReads diskWrites diskUtilization diskWait \
    cpuUtilization simulatedTime throughput accessThroughput bandwidth effectiveAccessTime latencyMean latencyP50 \
    latencyP90 latencyP99 latencyP999 latencyMax
    """.split(separator: " ").map(String.init)

  /// The metrics appended after SPEC's list (issue 3: CPUs, TLBs, walk caches, scopes).
  static let appended = [
    "contextSwitches", "tlbFlushes", "tlbShootdowns", "walkCacheHits", "admissionWaits", "suspensions",
  ]

  @Test func casesFollowTheSpecOrder() {
    #expect(Metric.allCases.map(\.key) == MetricTests.specOrder + MetricTests.appended)
    #expect(Metric.count == 39)
    #expect(Metric.allCases.map(\.rawValue) == Array(0..<39))
  }

  @Test func caseNamesAreTheKeys() {
    for metric in Metric.allCases { #expect(String(describing: metric) == metric.key) }
  }

  @Test func keysRoundTrip() {
    for metric in Metric.allCases { #expect(Metric(key: metric.key) == metric) }
    #expect(Metric(key: "faultrate") == nil)
    #expect(Metric(key: "") == nil)
  }

  @Test func labelsAreUniqueAndShort() {
    let labels = Metric.allCases.map(\.label)
    #expect(Set(labels).count == labels.count)
    for label in labels { #expect(!label.isEmpty && label.count <= 16) }
  }

  @Test func units() {
    #expect(Metric.requests.unit == .count)
    #expect(Metric.bytes.unit == .bytes)
    #expect(Metric.tlbHitRate.unit == .fraction)
    #expect(Metric.faultRate.unit == .fraction)
    #expect(Metric.majorFaultRate.unit == .fraction)
    #expect(Metric.diskUtilization.unit == .fraction)
    #expect(Metric.cpuUtilization.unit == .fraction)
    #expect(Metric.throughput.unit == .perSecond)
    #expect(Metric.accessThroughput.unit == .accessesPerSecond)
    #expect(Metric.bandwidth.unit == .bytesPerSecond)
    let seconds: [Metric] = [
      .diskWait, .simulatedTime, .effectiveAccessTime, .latencyMean, .latencyP50, .latencyP90, .latencyP99,
      .latencyP999, .latencyMax,
    ]
    #expect(Metric.allCases.filter { $0.unit == .seconds } == seconds)
    #expect(MetricUnit.perSecond.symbol == "req/s")
  }
}
