/// The plots of the validation study (reports/VALIDATION.md), each drawn from a report of one of
/// the `scenarios/validation-*.json` files: simulation points with error bars against the theory
/// the report's own cross-checks or a closed form predict.
public enum ValidationPlots {
  /// The value of the first sweep axis at `point`, as a number (0 when it is not one).
  static func axisValue(_ point: PointReport) -> Double {
    guard let value = point.parameters.first?.value, case .number(let text) = value else { return 0 }
    return Double(text) ?? 0
  }

  /// Machine-repairman model: throughput against processes N (points where MVA does not apply
  /// are left out), and as the line MVA's X(n) for every n up to the largest N, solved with the
  /// think time and disk demand measured at the largest N.
  public static func repairman(_ report: Report) -> ErrorBarPlot {
    let checks = report.points.compactMap { point in point.theory?.mva.map { (axisValue(point), $0) } }
    var line = checks.map { n, c in (x: n, y: c.throughput.predicted.mean) }
    if let last = checks.max(by: { $0.1.processes < $1.1.processes })?.1, last.diskDemand.mean > 0 {
      let disk = MeanValueAnalysis.Station(
        name: "disk", serviceTime: last.diskDemand.mean, visits: 1, servers: last.diskChannels)
      if let solutions = try? MeanValueAnalysis.solve(
        customers: last.processes, thinkTime: last.thinkTime.mean, stations: [disk])
      {
        line = solutions.map { (x: Double($0.customers), y: $0.throughput) }
      }
    }
    return ErrorBarPlot(
      title: "Machine repairman: throughput vs exact MVA", xLabel: "processes N", yLabel: "throughput (req/s)",
      points: checks.map { n, c in
        ErrorBarPlot.Point(x: n, y: c.throughput.measured.mean, error: c.throughput.measured.ci95 ?? 0)
      },
      line: line, lineLabel: "exact MVA")
  }

  /// The M/M/1 queue wait `Wq = ρ·S/(1 − ρ)` for utilization `rho` and mean service `service`
  /// (infinite at ρ ≥ 1).
  public static func mm1Wait(utilization rho: Double, service: Double) -> Double {
    rho < 1 ? rho * service / (1 - rho) : .infinity
  }

  /// Open M/M/1-like case: mean disk wait against the measured disk utilization ρ, with the M/M/1
  /// closed form `ρ·S/(1 − ρ)` as the line (`service` = mean disk service, seconds); times in ms.
  public static func mm1(_ report: Report, service: Double) -> ErrorBarPlot {
    let rhos = report.points.map { $0.metrics[.diskUtilization].mean }
    let line = stride(from: 0.0, through: (rhos.max() ?? 0.9) + 0.02, by: 0.01).map { rho in
      (x: rho, y: mm1Wait(utilization: rho, service: service) * 1e3)
    }
    return ErrorBarPlot(
      title: "Open disk queue: wait vs M/M/1", xLabel: "disk utilization ρ (measured)",
      yLabel: "mean disk wait (ms)",
      points: report.points.map { point in
        let wait = point.metrics[.diskWait]
        return ErrorBarPlot.Point(
          x: point.metrics[.diskUtilization].mean, y: wait.mean * 1e3, error: (wait.ci95 ?? 0) * 1e3)
      },
      line: line, lineLabel: "M/M/1: ρS/(1 − ρ)")
  }

  /// Effective access time: measured against predicted (log–log, µs), the identity as the line.
  public static func eat(_ report: Report) -> ErrorBarPlot {
    let checks = report.points.compactMap { $0.theory?.effectiveAccessTime }
    let predicted = checks.map { $0.predicted.mean * 1e6 }
    let low = predicted.min() ?? 0.1
    let high = predicted.max() ?? 1
    return ErrorBarPlot(
      title: "Effective access time: simulation vs formula", xLabel: "EAT predicted by the formula (µs)",
      yLabel: "EAT measured (µs)",
      points: checks.map { c in
        ErrorBarPlot.Point(x: c.predicted.mean * 1e6, y: c.measured.mean * 1e6, error: (c.measured.ci95 ?? 0) * 1e6)
      },
      line: [(low, low), (high, high)], lineLabel: "measured = predicted", logX: true, logY: true)
  }

  /// FIFO's fault counts on Belady's string 1,2,3,4,1,2,5,1,2,3,4,5 with 1...7 frames, as Belady,
  /// Nelson and Shedler count them ("An anomaly in space-time characteristics of certain programs
  /// running in a paging machine", CACM 12(6), 1969; Silberschatz et al., Operating System
  /// Concepts, Figure 10.13): 4 frames fault more than 3.
  public static let textbookFIFOFaults: [(frames: Int, faults: Int)] = [
    (1, 12), (2, 12), (3, 9), (4, 10), (5, 5), (6, 5), (7, 5),
  ]

  /// Belady's anomaly: simulated faults against frames (a sweep over `machine.frames`), with the
  /// textbook FIFO counts as the line.
  public static func belady(_ report: Report) -> ErrorBarPlot {
    ErrorBarPlot(
      title: "Belady's anomaly: FIFO faults vs frames", xLabel: "frames", yLabel: "page faults",
      points: report.points.map { point in
        let faults = point.metrics[.faults]
        return ErrorBarPlot.Point(x: axisValue(point), y: faults.mean, error: faults.ci95 ?? 0)
      },
      line: textbookFIFOFaults.map { (x: Double($0.frames), y: Double($0.faults)) },
      lineLabel: "Belady, Nelson and Shedler 1969")
  }

  /// The thrashing knee: throughput against the number of processes for the points of
  /// `report` whose first sweep axis is the allocation scope `scope` (its second axis is the
  /// process count), with Denning's prediction of the knee as a vertical line: the count
  /// `frames / workingSet` at which the working sets (`workingSet` pages each) fill memory.
  public static func thrashing(_ report: Report, scope: String, frames: Int, workingSet: Double) -> ErrorBarPlot {
    let points = report.points.filter { $0.parameters.first?.value == .string(scope) }
    let throughput = points.map { point in
      let x = point.parameters.dropFirst().first.flatMap { member -> Double? in
        guard case .number(let text) = member.value else { return nil }
        return Double(text)
      }
      let metric = point.metrics[.throughput]
      return ErrorBarPlot.Point(x: x ?? 0, y: metric.mean, error: metric.ci95 ?? 0)
    }
    let knee = workingSet > 0 ? Double(frames) / workingSet : 0
    let top = (throughput.map { $0.y + $0.error }.max() ?? 1) * 1.05
    return ErrorBarPlot(
      title: "Thrashing: throughput vs multiprogramming (scope \(scope))", xLabel: "processes",
      yLabel: "throughput (req/s)", points: throughput, line: [(x: knee, y: 0), (x: knee, y: top)],
      lineLabel: "working sets fill memory (N = \(NumberFormat.significant(knee, digits: 2)))")
  }
}
