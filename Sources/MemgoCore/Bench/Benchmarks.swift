import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// memgo's built-in performance benchmarks (`memgo bench`): fixed scenarios timed end to end on
/// the wall clock. Their numbers go to the README; no test depends on them.
public enum Benchmarks {
  /// One benchmark: a name, what it exercises, and the scenario it runs.
  public struct Case: Sendable {
    public var name: String
    public var summary: String
    public var scenario: Scenario
    /// A sweep to run as `memgo run` does (every work unit, aggregated into a report) instead of
    /// `scenario` alone.
    public var sweep: ScenarioFile? = nil
    /// Worker threads for `sweep`.
    public var jobs: Int = 1
    /// Runs to make; the fastest is reported (best-of-n filters out other programs' interference
    /// on a shared machine).
    public var repeats: Int = 1
  }

  /// What one case measured.
  public struct Measurement: Sendable {
    public var name: String
    public var accesses: Int64
    public var events: Int64
    public var wallSeconds: Double
    public var accessesPerWallSecond: Double
    public var eventsPerWallSecond: Double
    /// Peak resident set size of the process while the case ran (VmHWM, reset before each case
    /// where the kernel allows it).
    public var peakResidentBytes: Int64
  }

  /// The DES benchmark of the core issue: 8 processes, zipf access, global LRU, a 4-level page
  /// table and a 64-entry 4-way TLB, stopped after `requests` requests.
  public static func desZipfLRU(requests: Int) -> Scenario {
    let group = ProcessGroupConfig(
      name: "zipf", count: 8, addressSpace: 20 << 20, interval: .exponential(mean: 1_000_000),
      size: .uniform(min: 8, max: 16_384), writeFraction: 0.3, access: .zipf(exponent: 0.9))
    var replacement = ReplacementConfig()
    replacement.policy = PolicyKind(rawValue: "lru") ?? .fifo
    let machine = MachineConfig(
      pageSize: 4096, frames: 32_768, tlb: TLBConfig(entries: 64, ways: 4, asid: true),
      pageTable: PageTableConfig(levels: 4), replacement: replacement)
    return Scenario(
      name: "bench-des-zipf-lru", description: "memgo bench: DES, zipf, global LRU", seed: 1, replications: 1,
      stop: StopCondition(requests: requests), warmup: .zero, machine: machine, processes: [group])
  }

  /// The cases to run: the 10M-access DES case (1M with `quick`), the 16-point sweep with one and
  /// two jobs, and with `long` a case ten times longer, to show that memory does not grow with run
  /// length.
  public static func cases(quick: Bool, long: Bool) -> [Case] {
    // A request of 8 B...16 KiB touches 2.5 pages on average: 4M requests ≈ 10M page accesses.
    let requests = quick ? 400_000 : 4_000_000
    var list = [
      Case(
        name: "des-zipf-lru", summary: "8 processes, zipf 0.9, global LRU, 4 levels, 64-entry TLB",
        scenario: desZipfLRU(requests: requests))
    ]
    list += sweepCases(quick: quick)
    if long {
      list.append(
        Case(
          name: "des-zipf-lru-long", summary: "the same, ten times longer",
          scenario: desZipfLRU(requests: requests * 10)))
    }
    return list
  }

  /// The parallel-sweep benchmark: 16 points (memory from 2,048 to 32,768 frames) of the DES case,
  /// one replication each (4M requests, 10M page accesses in all), so that `--jobs 2` can be
  /// compared with `--jobs 1`.
  public static func sweep16(requestsPerPoint: Int) -> ScenarioFile {
    let base = desZipfLRU(requests: requestsPerPoint)
    let frames = (1...16).map { $0 * 2048 }
    let axis = SweepAxis(path: "machine.frames", values: frames.map { .integer($0) })
    let points = frames.enumerated().map { i, f in
      var scenario = base
      scenario.machine.frames = f
      return SweepPoint(index: i, parameters: [JSONMember(key: axis.path, value: .integer(f))], scenario: scenario)
    }
    return ScenarioFile(path: "bench-sweep16.json", json: .null, base: base, axes: [axis], points: points)
  }

  /// The sweep cases: the 16-point sweep with one and with two worker threads.
  public static func sweepCases(quick: Bool) -> [Case] {
    let file = sweep16(requestsPerPoint: quick ? 25_000 : 250_000)
    return [1, 2].map { jobs in
      Case(
        name: "sweep16-jobs\(jobs)",
        summary: "16-point memory sweep of the DES case, --jobs \(jobs), best of \(quick ? 1 : 3)",
        scenario: file.base, sweep: file, jobs: jobs, repeats: quick ? 1 : 3)
    }
  }

  /// Runs `benchmark` `repeats` times and returns the fastest measurement.
  public static func measure(_ benchmark: Case) -> Measurement {
    var best = measureOnce(benchmark)
    for _ in 1..<max(1, benchmark.repeats) {
      let next = measureOnce(benchmark)
      if next.wallSeconds < best.wallSeconds { best = next }
    }
    return best
  }

  /// Runs `benchmark` once and measures it.
  static func measureOnce(_ benchmark: Case) -> Measurement {
    resetPeakResident()
    let start = monotonicSeconds()
    var accesses: Int64 = 0
    var events: Int64 = 0
    if let file = benchmark.sweep {
      // As `memgo run` does: a work queue, each result reduced to its metrics into a report builder.
      let state = Mutex((ReportBuilder(file: file, version: "bench"), Int64(0), Int64(0)))
      let units = Experiment.units(of: file)
      _ = Experiment.run(file, selected: Array(units.indices), jobs: benchmark.jobs) { index, result in
        let metrics = RunMetrics(result)
        state.withLock {
          $0.0.add(unit: index, metrics: metrics)
          $0.1 += result.machine.accesses
          $0.2 += result.events
        }
      }
      (accesses, events) = state.withLock { state in
        precondition(state.0.report() != nil, "bench: the sweep's report is incomplete")
        return (state.1, state.2)
      }
    } else {
      let result = Simulation.run(benchmark.scenario, replication: 0)
      accesses = result.machine.accesses
      events = result.events
    }
    let wall = max(monotonicSeconds() - start, 1e-9)
    return Measurement(
      name: benchmark.name, accesses: accesses, events: events, wallSeconds: wall,
      accessesPerWallSecond: Double(accesses) / wall, eventsPerWallSecond: Double(events) / wall,
      peakResidentBytes: peakResidentBytes())
  }

  /// `--jobs 2` wall time over `--jobs 1` wall time of the sweep cases, if both ran.
  public static func sweepSpeedup(_ measurements: [Measurement]) -> Double? {
    guard let one = measurements.first(where: { $0.name == "sweep16-jobs1" }),
      let two = measurements.first(where: { $0.name == "sweep16-jobs2" })
    else { return nil }
    return one.wallSeconds / two.wallSeconds
  }

  static func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  /// Asks Linux to reset the peak RSS (`echo 5 > /proc/self/clear_refs`); harmless elsewhere.
  static func resetPeakResident() {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return }
    _ = write(fd, "5", 1)
    close(fd)
  }

  /// The peak resident set size: VmHWM from /proc/self/status, else getrusage's ru_maxrss.
  static func peakResidentBytes() -> Int64 {
    if let status = readSmallFile("/proc/self/status") {
      for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let digits = line.filter(\.isNumber)
        if let kib = Int64(digits) { return kib * 1024 }
      }
    }
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int64(usage.ru_maxrss) * 1024
  }

  static func readSmallFile(_ path: String) -> String? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes = [UInt8](repeating: 0, count: 1 << 16)
    let n = read(fd, &bytes, bytes.count)
    guard n > 0 else { return nil }
    return String(decoding: bytes[0..<n], as: UTF8.self)
  }
}
