/// The queueing-theory cross-check of one sweep point: the exact mean-value-analysis (MVA)
/// prediction of throughput, disk utilization and request response time for the point's closed
/// network of processes and disk channels, beside what the simulation measured.
///
/// ## The network (machine-repairman model)
/// `N` processes (customers; the sum of every group's `count`) cycle between thinking and one
/// request. The disk is an FCFS station with `m = disk.channels` identical servers and
/// exponential service of mean `S` (`latency.diskRead`); MVA solves it in its exact
/// load-dependent form when `m > 1` (Reiser and Lavenberg 1980; Lazowska et al. 1984 §20.3; see
/// `MeanValueAnalysis`). Everything else a request does (TLB lookups, walks, RAM, fault handling)
/// runs on the process's own core without contention, so it is a delay station and is added to
/// the think time:
///
/// - visits `V` = disk operations per request, measured: `(diskReads + diskWrites)/requests`;
/// - disk demand `D = V·S`;
/// - think time `Z = mean(interval) + T_cpu`, where `T_cpu` is the non-disk time per request,
///   `(EffectiveAccessTime.totalPicoseconds − majorFaults·diskRead − dirtyEvictions·diskWrite)/requests`
///   (every latency charged at its mean).
///
/// MVA gives `X(N)`; the predicted disk utilization is `X·D/m`, the predicted mean request
/// latency `N/X − mean(interval)` (Little's law on the cycle; it includes `T_cpu`). Each
/// replication is solved with its own measured `V` and `T_cpu`; predictions are summarised over
/// replications like metrics, and the relative error is `(measured − predicted)/predicted` of
/// the means.
///
/// ## When it applies (`inapplicability(of:)`)
/// No CPU pool (`cpus` omitted); every group's `interval` exponential with one common mean, no
/// `requests` limit and a `start` no later than the warmup (all `N` processes cycle throughout
/// the measurement); `latency.diskRead` exponential, and `latency.diskWrite` exponential with
/// the same mean unless no group writes; at most `MeanValueAnalysis.maximumCustomers` processes.
///
/// ## Approximations
/// The prediction is exact for a product-form network. memgo departs from one in three ways,
/// which the relative error measures: (1) the visit count is an average; it is exact when every
/// access is a major fault and requests touch one page (the validation scenario), otherwise the
/// number of disk visits of a request depends on the page state, not on an independent coin;
/// (2) a process waiting for a frame whose I/O is in progress (all frames busy) is not
/// modelled, so keep `frames > N`; (3) the measurement window is finite and starts after a
/// warmup, so short runs carry start-up bias and the statistical error shown by ci95.
public struct QueueingCheck: Sendable, Equatable {
  /// One quantity measured by the simulation and predicted by MVA.
  public struct Comparison: Sendable, Equatable {
    /// The simulation's value, summarised over replications.
    public var measured: Summary
    /// MVA's value, one per replication (from its measured visits), summarised.
    public var predicted: Summary
    /// `(measured.mean − predicted.mean)/predicted.mean`; 0 when the prediction is 0.
    public var relativeError: Double

    /// Compares per-replication values.
    public init(measured: [Double], predicted: [Double]) {
      self.measured = Summary(measured)
      self.predicted = Summary(predicted)
      let p = self.predicted.mean
      relativeError = p == 0 ? 0 : (self.measured.mean - p) / p
    }
  }

  /// `N`: processes in the network.
  public var processes: Int
  /// `m`: disk channels.
  public var diskChannels: Int
  /// `Z`: think time plus non-disk time per request, seconds.
  public var thinkTime: Summary
  /// `D`: disk service demand per request, seconds.
  public var diskDemand: Summary
  /// Requests completed per second.
  public var throughput: Comparison
  /// Fraction of time each disk channel is busy.
  public var diskUtilization: Comparison
  /// Mean request latency (issue to completion), seconds.
  public var responseTime: Comparison

  /// The largest `N·min(m, N)` solved: exact load-dependent MVA costs O(N·min(m, N)) per
  /// replication.
  public static let maximumWork = 10_000_000.0

  /// Why MVA does not describe `scenario`, or `nil` when the cross-check applies (see the type's
  /// documentation).
  public static func inapplicability(of scenario: Scenario) -> String? {
    let machine = scenario.machine
    if machine.cpus != nil { return "a CPU pool (cpus) is set" }
    guard case .exponential(let service) = machine.latency.diskRead, service > 0 else {
      return "disk reads are not exponential"
    }
    if scenario.processes.contains(where: { $0.writeFraction > 0 }) {
      guard case .exponential(let write) = machine.latency.diskWrite, write == service else {
        return "disk writes are not exponential with the reads' mean"
      }
    }
    var think: Double?
    var total = 0
    for group in scenario.processes {
      guard case .exponential(let mean) = group.interval else { return "\(group.name): interval is not exponential" }
      if let think, think != mean { return "process groups have different mean intervals" }
      think = mean
      if group.requests != nil { return "\(group.name): a requests limit ends processes early" }
      if group.start > scenario.warmup { return "\(group.name): starts after the warmup" }
      total += group.count
      if total > MeanValueAnalysis.maximumCustomers {
        return "more than \(MeanValueAnalysis.maximumCustomers) processes"
      }
    }
    if total == 0 { return "no processes" }
    let channels = max(1, machine.disk.channels)
    if Double(total) * Double(min(channels, total)) > maximumWork {
      return "processes × disk channels above \(Int(maximumWork)): too large for the exact solution"
    }
    return nil
  }

  /// The cross-check of `runs` (replications of `scenario`), or `nil` when it does not apply or
  /// some replication completed no request.
  public init?(scenario: Scenario, runs: [RunResult]) {
    guard Self.inapplicability(of: scenario) == nil, !runs.isEmpty,
      case .exponential(let serviceMean) = scenario.machine.latency.diskRead,
      case .exponential(let intervalMean) = scenario.processes.first?.interval
    else { return nil }
    let ps = Double(SimTime.picosecondsPerSecond)
    let n = scenario.processes.reduce(0) { $0 + $1.count }
    let channels = max(1, scenario.machine.disk.channels)
    let service = serviceMean / ps
    let interval = intervalMean / ps
    var think: [Double] = []
    var demand: [Double] = []
    var x: [Double] = []
    var xHat: [Double] = []
    var u: [Double] = []
    var uHat: [Double] = []
    var r: [Double] = []
    var rHat: [Double] = []
    for run in runs {
      let t = run.machine
      guard t.requests > 0, run.simulatedTime.picoseconds > 0 else { return nil }
      let requests = Double(t.requests)
      let visits = (Double(t.diskReads) + Double(t.diskWrites)) / requests
      let latency = scenario.machine.latency
      let diskPs =
        EffectiveAccessTime.weighted(Double(t.majorFaults), EffectiveAccessTime.meanPicoseconds(latency.diskRead))
        + EffectiveAccessTime.weighted(
          Double(t.dirtyEvictions), EffectiveAccessTime.meanPicoseconds(latency.diskWrite))
      let cpu =
        max(0, EffectiveAccessTime.totalPicoseconds(tally: t, machine: scenario.machine) - diskPs) / requests / ps
      let z = interval + cpu
      let station = MeanValueAnalysis.Station(name: "disk", serviceTime: service, visits: visits, servers: channels)
      guard let solution = try? MeanValueAnalysis.solve(customers: n, thinkTime: z, stations: [station]).last
      else { return nil }
      let values = MetricValues(machineOf: run)
      think.append(z)
      demand.append(station.demand)
      x.append(values[.throughput])
      xHat.append(solution.throughput)
      u.append(values[.diskUtilization])
      uHat.append(solution.stations[0].utilization)
      r.append(values[.latencyMean])
      rHat.append(Double(n) / solution.throughput - interval)
    }
    processes = n
    diskChannels = channels
    thinkTime = Summary(think)
    diskDemand = Summary(demand)
    throughput = Comparison(measured: x, predicted: xHat)
    diskUtilization = Comparison(measured: u, predicted: uHat)
    responseTime = Comparison(measured: r, predicted: rHat)
  }
}
