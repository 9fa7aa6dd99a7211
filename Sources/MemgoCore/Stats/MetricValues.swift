/// Every report metric of one run in one scope (the machine or one process group), derived from
/// its `RunTally`: one `Double` per `Metric`, in base units (seconds, fractions, per second).
///
/// A metric that does not apply to the run is NaN, written `null` in JSON, empty in CSV and `-`
/// in tables: the TLB metrics of a machine without TLB, and the rates per second of simulated
/// time (throughputs, bandwidth, utilizations) when no simulated time passed. Other ratios whose
/// denominator is zero (no accesses, no requests, no disk operations) are 0, so an idle run
/// reports zeros.
public struct MetricValues: Sendable, Equatable {
  /// One value per metric, indexed by `Metric.rawValue`.
  public private(set) var values: [Double]

  /// Creates values from explicit numbers, one per metric in `Metric` order.
  public init(values: [Double]) {
    precondition(values.count == Metric.count, "MetricValues needs one value per metric")
    self.values = values
  }

  /// The value of `metric`.
  public subscript(metric: Metric) -> Double {
    get { values[metric.rawValue] }
    set { values[metric.rawValue] = newValue }
  }

  /// Derives every metric from `tally`, measured over `simulatedTime` on a machine with
  /// `diskChannels` disk channels, `cpuCount` CPUs and TLBs if `hasTLB`.
  public init(tally: RunTally, simulatedTime: SimTime, diskChannels: Int, cpuCount: Int, hasTLB: Bool = true) {
    let ps = Double(SimTime.picosecondsPerSecond)
    let seconds = simulatedTime.seconds
    let timePs = Double(simulatedTime.picoseconds)
    let faults = Double(tally.majorFaults) + Double(tally.minorFaults)
    let accesses = Double(tally.accesses)
    let diskOps = Double(tally.diskReads) + Double(tally.diskWrites)
    func ratio(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }
    // Per second of simulated time: not applicable when none passed.
    func perTime(_ a: Double, _ b: Double) -> Double { timePs == 0 ? .nan : ratio(a, b) }
    func quantile(_ q: Double) -> Double { Double(tally.latency.quantile(q)) / ps }

    var v = [Double](repeating: 0, count: Metric.count)
    v[Metric.requests.rawValue] = Double(tally.requests)
    v[Metric.accesses.rawValue] = accesses
    v[Metric.reads.rawValue] = Double(tally.reads)
    v[Metric.writes.rawValue] = Double(tally.writes)
    v[Metric.bytes.rawValue] = Double(tally.bytes)
    v[Metric.tlbHits.rawValue] = Double(tally.tlbHits)
    v[Metric.tlbMisses.rawValue] = Double(tally.tlbMisses)
    v[Metric.tlbHitRate.rawValue] = ratio(Double(tally.tlbHits), Double(tally.tlbHits) + Double(tally.tlbMisses))
    v[Metric.pageWalks.rawValue] = Double(tally.pageWalks)
    v[Metric.pteReads.rawValue] = Double(tally.pteReads)
    v[Metric.faults.rawValue] = faults
    v[Metric.majorFaults.rawValue] = Double(tally.majorFaults)
    v[Metric.minorFaults.rawValue] = Double(tally.minorFaults)
    v[Metric.faultRate.rawValue] = ratio(faults, accesses)
    v[Metric.majorFaultRate.rawValue] = ratio(Double(tally.majorFaults), accesses)
    v[Metric.evictions.rawValue] = Double(tally.evictions)
    v[Metric.dirtyEvictions.rawValue] = Double(tally.dirtyEvictions)
    v[Metric.diskReads.rawValue] = Double(tally.diskReads)
    v[Metric.diskWrites.rawValue] = Double(tally.diskWrites)
    v[Metric.diskUtilization.rawValue] = perTime(tally.diskBusy, Double(diskChannels) * timePs)
    v[Metric.diskWait.rawValue] = ratio(tally.diskWaitSum, diskOps) / ps
    v[Metric.cpuUtilization.rawValue] = perTime(tally.cpuBusy, Double(cpuCount) * timePs)
    v[Metric.simulatedTime.rawValue] = seconds
    v[Metric.throughput.rawValue] = perTime(Double(tally.requests), seconds)
    v[Metric.accessThroughput.rawValue] = perTime(accesses, seconds)
    v[Metric.bandwidth.rawValue] = perTime(Double(tally.bytes), seconds)
    v[Metric.effectiveAccessTime.rawValue] = ratio(tally.latencySum, accesses) / ps
    v[Metric.latencyMean.rawValue] = ratio(tally.latencySum, Double(tally.requests)) / ps
    v[Metric.latencyP50.rawValue] = quantile(0.5)
    v[Metric.latencyP90.rawValue] = quantile(0.9)
    v[Metric.latencyP99.rawValue] = quantile(0.99)
    v[Metric.latencyP999.rawValue] = quantile(0.999)
    v[Metric.latencyMax.rawValue] = Double(tally.latency.max) / ps
    v[Metric.contextSwitches.rawValue] = Double(tally.contextSwitches)
    v[Metric.tlbFlushes.rawValue] = Double(tally.tlbFlushes)
    v[Metric.tlbShootdowns.rawValue] = Double(tally.tlbShootdowns)
    v[Metric.walkCacheHits.rawValue] = Double(tally.walkCacheHits)
    v[Metric.admissionWaits.rawValue] = Double(tally.admissionWaits)
    v[Metric.suspensions.rawValue] = Double(tally.suspensions)
    if !hasTLB {
      for metric in [Metric.tlbHits, .tlbMisses, .tlbHitRate, .tlbFlushes, .tlbShootdowns] { v[metric.rawValue] = .nan }
    }
    values = v
  }

  /// The machine-wide metrics of `result`.
  public init(machineOf result: RunResult) {
    self.init(
      tally: result.machine, simulatedTime: result.simulatedTime, diskChannels: result.diskChannels,
      cpuCount: result.cpuCount, hasTLB: result.hasTLB)
  }

  /// The metrics of process group `group` of `result` (utilizations are the group's share of the
  /// whole machine's servers).
  public init(group: Int, of result: RunResult) {
    self.init(
      tally: result.groups[group], simulatedTime: result.simulatedTime, diskChannels: result.diskChannels,
      cpuCount: result.cpuCount, hasTLB: result.hasTLB)
  }
}
