import Testing

@testable import MemgoCore

@Suite struct MetricValuesTests {
  /// A tally whose every metric is easy to compute by hand (see `everyMetricByHand`).
  static func handTally() -> RunTally {
    var t = RunTally()
    t.requests = 100
    t.accesses = 250
    t.reads = 200
    t.writes = 50
    t.bytes = 12_800
    t.tlbHits = 200
    t.tlbMisses = 100
    t.pageWalks = 100
    t.pteReads = 400
    t.majorFaults = 15
    t.minorFaults = 10
    t.evictions = 20
    t.dirtyEvictions = 5
    t.diskReads = 15
    t.diskWrites = 5
    t.latencySum = 5_000_000_000  // 5 ms over 100 requests and 250 accesses
    t.diskWaitSum = 60_000_000_000  // 60 ms over 20 disk operations
    t.diskBusy = 250_000_000_000  // 0.25 s of channel time
    t.cpuBusy = 1_000_000_000_000  // 1 s of CPU time
    t.contextSwitches = 30
    t.tlbFlushes = 12
    t.tlbShootdowns = 7
    t.walkCacheHits = 60
    t.admissionWaits = 2
    t.suspensions = 3
    for v in 1...100 { t.latency.record(Int64(v)) }  // exact buckets: quantiles are ranks
    return t
  }

  static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(a), abs(b)) }

  @Test func everyMetricByHand() {
    let v = MetricValues(
      tally: MetricValuesTests.handTally(), simulatedTime: .milliseconds(500), diskChannels: 2, cpuCount: 4)
    let expected: [Metric: Double] = [
      .requests: 100, .accesses: 250, .reads: 200, .writes: 50, .bytes: 12_800,
      .tlbHits: 200, .tlbMisses: 100, .tlbHitRate: 2.0 / 3.0, .pageWalks: 100, .pteReads: 400,
      .faults: 25, .majorFaults: 15, .minorFaults: 10, .faultRate: 0.1, .majorFaultRate: 0.06,
      .evictions: 20, .dirtyEvictions: 5, .diskReads: 15, .diskWrites: 5,
      .diskUtilization: 0.25,  // 0.25 s / (2 channels · 0.5 s)
      .diskWait: 0.003,  // 60 ms / 20 operations
      .cpuUtilization: 0.5,  // 1 s / (4 CPUs · 0.5 s)
      .simulatedTime: 0.5, .throughput: 200, .accessThroughput: 500, .bandwidth: 25_600,
      .effectiveAccessTime: 20e-6,  // 5 ms / 250 accesses
      .latencyMean: 50e-6,  // 5 ms / 100 requests
      .latencyP50: 50e-12, .latencyP90: 90e-12, .latencyP99: 99e-12, .latencyP999: 100e-12, .latencyMax: 100e-12,
      .contextSwitches: 30, .tlbFlushes: 12, .tlbShootdowns: 7, .walkCacheHits: 60, .admissionWaits: 2,
      .suspensions: 3,
    ]
    #expect(expected.count == Metric.count)
    for metric in Metric.allCases {
      let want = expected[metric] ?? .nan
      #expect(MetricValuesTests.close(v[metric], want), "\(metric): \(v[metric]) != \(want)")
    }
  }

  /// The rates per second of simulated time, not applicable when none passed.
  static let perTime: [Metric] = [.throughput, .accessThroughput, .bandwidth, .diskUtilization, .cpuUtilization]
  /// The TLB metrics, not applicable without a TLB.
  static let tlbMetrics: [Metric] = [.tlbHits, .tlbMisses, .tlbHitRate, .tlbFlushes, .tlbShootdowns]

  @Test func emptyTallyOverSomeTimeIsAllZeroButTheTime() {
    let v = MetricValues(tally: RunTally(), simulatedTime: .milliseconds(1), diskChannels: 1, cpuCount: 1)
    for metric in Metric.allCases { #expect(v[metric] == (metric == .simulatedTime ? 0.001 : 0), "\(metric)") }
  }

  @Test func ratesPerSecondAreNotApplicableWhenNoTimePassed() {
    var t = RunTally()
    t.requests = 3
    t.accesses = 3
    t.bytes = 192
    t.diskBusy = 5
    t.cpuBusy = 5
    let v = MetricValues(tally: t, simulatedTime: .zero, diskChannels: 0, cpuCount: 0)
    for metric in Metric.allCases {
      #expect(v[metric].isNaN == Self.perTime.contains(metric), "\(metric)")
    }
    // Other zero denominators give 0.
    #expect(v[.faultRate] == 0)
    #expect(v[.latencyMean] == 0)
    #expect(v[.diskWait] == 0)
  }

  @Test func tlbMetricsAreNotApplicableWithoutATLB() {
    let t = MetricValuesTests.handTally()
    let with = MetricValues(tally: t, simulatedTime: .milliseconds(1), diskChannels: 1, cpuCount: 1)
    let without = MetricValues(tally: t, simulatedTime: .milliseconds(1), diskChannels: 1, cpuCount: 1, hasTLB: false)
    for metric in Metric.allCases {
      if Self.tlbMetrics.contains(metric) {
        #expect(without[metric].isNaN, "\(metric)")
      } else {
        #expect(without[metric] == with[metric], "\(metric)")
      }
    }
  }

  @Test func machineAndGroupInitializers() {
    let g0 = MetricValuesTests.handTally()
    var g1 = RunTally()
    g1.requests = 7
    var machine = g0
    machine.add(g1)
    let run = RunResult(
      machine: machine, groups: [g0, g1], simulatedTime: .milliseconds(500), diskChannels: 2, cpuCount: 4, events: 9)
    #expect(MetricValues(machineOf: run)[.requests] == 107)
    #expect(MetricValues(group: 1, of: run)[.requests] == 7)
    let direct = MetricValues(tally: g0, simulatedTime: .milliseconds(500), diskChannels: 2, cpuCount: 4)
    #expect(MetricValues(group: 0, of: run) == direct)
  }

  @Test func histogramPercentilesAreConvertedToSeconds() {
    var t = RunTally()
    t.requests = 1
    t.latency.record(5_000_000_000)  // 5 ms: bucketed, within 0.4%
    let v = MetricValues(tally: t, simulatedTime: .milliseconds(1), diskChannels: 1, cpuCount: 1)
    #expect(abs(v[.latencyP50] - 0.005) <= 0.005 * 0.004)
    #expect(v[.latencyMax] == 0.005)
  }
}
