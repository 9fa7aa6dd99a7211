import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemgoCore

/// memgo's built-in performance benchmarks (`memgo bench`): fixed scenarios timed end to end on
/// the wall clock. Their numbers go to the README; no test depends on them.
public enum Benchmarks {
  /// One benchmark: a name, what it exercises, and what it runs.
  public struct Case: Sendable {
    public var name: String
    public var summary: String
    public var workload: Workload

    /// A discrete-event simulation case.
    public init(name: String, summary: String, scenario: Scenario) {
      self.init(name: name, summary: summary, workload: .simulation(scenario))
    }

    public init(name: String, summary: String, workload: Workload, repeats: Int = 1) {
      self.name = name
      self.summary = summary
      self.workload = workload
      self.repeats = repeats
    }

    /// Runs to make; the fastest is reported (best-of-n filters out other programs' interference
    /// on a shared machine).
    public var repeats: Int = 1

    /// The scenario of a simulation case, nil for a trace case.
    public var scenario: Scenario? {
      if case .simulation(let scenario) = workload { return scenario }
      return nil
    }
  }

  /// What a case runs.
  public enum Workload: Sendable {
    /// A scenario through the discrete-event simulator (`Experiment.run`).
    case simulation(Scenario)
    /// `memgo trace` on the generated `BenchTrace` of `references` lines (`TraceAnalysis`),
    /// parsing included.
    case trace(references: Int, options: TraceAnalysisOptions)
    /// A sweep run as `memgo run` does (every work unit, aggregated into a report) on `jobs` threads.
    case sweep(ScenarioFile, jobs: Int)
    /// `memgo serve` in this process with `clients` concurrent clients over a Unix socket
    /// (`measureServe`); its events are the requests served.
    case serve(clients: Int, requestsPerClient: Int)
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
    /// Trace cases: trace lines (references) read; 0 for simulations.
    public var references: Int64 = 0
    /// Trace cases: `references / wallSeconds`; 0 for simulations.
    public var referencesPerWallSecond: Double = 0
    /// Trace cases: seconds spent generating the trace, which `wallSeconds` excludes; 0 otherwise.
    public var setupSeconds: Double = 0
    /// CPU seconds (user + system) the case used: on a machine shared with other work the wall
    /// time also counts waiting for a core, this does not.
    public var cpuSeconds: Double = 0
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

  /// The cases to run: the 10M-access DES case (1M with `quick`), and with `long` a case ten
  /// times longer, to show that memory does not grow with run length.
  public static func cases(quick: Bool, long: Bool) -> [Case] {
    // A request of 8 B...16 KiB touches 2.5 pages on average: 4M requests ≈ 10M page accesses.
    let requests = quick ? 400_000 : 4_000_000
    var list = [
      Case(
        name: "des-zipf-lru", summary: "8 processes, zipf 0.9, global LRU, 4 levels, 64-entry TLB",
        scenario: desZipfLRU(requests: requests))
    ]
    if long {
      list.append(
        Case(
          name: "des-zipf-lru-long", summary: "the same, ten times longer",
          scenario: desZipfLRU(requests: requests * 10)))
    }
    return list + sweepCases(quick: quick) + traceCases(references: quick ? 1_000_000 : 10_000_000)
      + serveCases(quick: quick)
  }

  /// The parallel-sweep benchmark: 16 points (memory from 2,048 to 32,768 frames) of the DES case,
  /// one replication each, so that `--jobs 2` can be compared with `--jobs 1`.
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
        workload: .sweep(file, jobs: jobs), repeats: quick ? 1 : 3)
    }
  }

  /// `--jobs 2` wall time over `--jobs 1` wall time of the sweep cases, if both ran.
  public static func sweepSpeedup(_ measurements: [Measurement]) -> Double? {
    guard let one = measurements.first(where: { $0.name == "sweep16-jobs1" }),
      let two = measurements.first(where: { $0.name == "sweep16-jobs2" })
    else { return nil }
    return one.wallSeconds / two.wallSeconds
  }

  /// Runs a sweep as `memgo run` does: a work queue, each result reduced into a report builder.
  static func measureSweep(_ name: String, file: ScenarioFile, jobs: Int) throws(TraceError) -> Measurement {
    resetPeakResident()
    let cpuStart = cpuSeconds()
    let start = monotonicSeconds()
    let state = Mutex((ReportBuilder(file: file, version: "bench"), Int64(0), Int64(0)))
    let units = Experiment.units(of: file)
    _ = try Experiment.run(file, selected: Array(units.indices), jobs: jobs) { index, result in
      let metrics = RunMetrics(result)
      state.withLock {
        $0.0.add(unit: index, metrics: metrics)
        $0.1 += result.machine.accesses
        $0.2 += result.events
      }
    }
    let (accesses, events) = state.withLock { state in
      precondition(state.0.report() != nil, "bench: the sweep's report is incomplete")
      return (state.1, state.2)
    }
    let wall = max(monotonicSeconds() - start, 1e-9)
    var m = Measurement(
      name: name, accesses: accesses, events: events, wallSeconds: wall,
      accessesPerWallSecond: Double(accesses) / wall, eventsPerWallSecond: Double(events) / wall,
      peakResidentBytes: peakResidentBytes())
    m.cpuSeconds = cpuSeconds() - cpuStart
    return m
  }

  /// The trace cases of the traces issue, on a generated plain trace of `references` lines: LRU at
  /// one size (target: 15M references per wall second, parsing included; also on one thread), the
  /// exact one-pass LRU
  /// miss-ratio curve over every size (target: at most 3x the LRU case), the same curve sampled
  /// by SHARDS at 1%, and LRU at one size with its faults classified (OPT's two extra passes).
  public static func traceCases(references: Int) -> [Case] {
    var lru = TraceAnalysisOptions(format: .plain, policies: [.lru], frames: [4096], classify: false)
    lru.reader.skipBadLines = false
    var mrc = lru
    mrc.frames = []
    mrc.curveSampler = .everyPage
    var shards = mrc
    shards.curveSampler = SpatialSampler(rate: 0.01)
    var classified = lru
    classified.classify = true
    var oneThread = lru
    oneThread.threads = 1
    return [
      Case(
        name: "trace-lru", summary: "plain trace, LRU at 4096 frames, parsing included",
        workload: .trace(references: references, options: lru)),
      Case(
        name: "trace-lru-1-thread", summary: "the same on one thread (--jobs 1)",
        workload: .trace(references: references, options: oneThread)),
      Case(
        name: "trace-mrc", summary: "plain trace, exact LRU miss-ratio curve at every size",
        workload: .trace(references: references, options: mrc)),
      Case(
        name: "trace-mrc-shards", summary: "plain trace, LRU miss-ratio curve, SHARDS at 1%",
        workload: .trace(references: references, options: shards)),
      Case(
        name: "trace-lru-classified", summary: "plain trace, LRU at 4096 frames with OPT and the 3C split",
        workload: .trace(references: references, options: classified)),
    ]
  }

  /// Runs `cases` in order, generating the trace of the trace cases once, before the first of
  /// them, and deleting it after the last; `progress` is told each case's name and summary before
  /// it runs, and about the trace generation.
  /// - Throws: `AtomicFile.Error` if the trace cannot be written; `TraceError` if it cannot be read.
  public static func run(_ cases: [Case], progress: (String) -> Void = { _ in }) throws -> [Measurement] {
    var trace: BenchTrace?
    var measurements: [Measurement] = []
    for benchmark in cases {
      if case .trace(let references, _) = benchmark.workload, trace?.references != references {
        progress("generating a \(references)-line plain trace")
        trace = try BenchTrace(references: references)
      }
      progress("running \(benchmark.name) (\(benchmark.summary))")
      var best = try measure(benchmark, trace: trace)
      for _ in 1..<max(1, benchmark.repeats) {
        let next = try measure(benchmark, trace: trace)
        if next.wallSeconds < best.wallSeconds { best = next }
      }
      measurements.append(best)
    }
    return measurements
  }

  /// Runs `benchmark` once and measures it; a trace case reads `trace`, which must hold its lines.
  public static func measure(_ benchmark: Case, trace: BenchTrace? = nil) throws -> Measurement {
    let scenario: Scenario
    switch benchmark.workload {
    case .simulation(let s): scenario = s
    case .trace(let references, let options):
      guard let trace, trace.references == references else {
        preconditionFailure("trace case \(benchmark.name) needs its \(references)-line trace")
      }
      return try measureTrace(benchmark.name, trace: trace, options: options)
    case .sweep(let file, let jobs):
      return try measureSweep(benchmark.name, file: file, jobs: jobs)
    case .serve(let clients, let requests):
      return try measureServe(benchmark.name, clients: clients, requestsPerClient: requests)
    }
    resetPeakResident()
    let cpuStart = cpuSeconds()
    let start = monotonicSeconds()
    let result = try Experiment.run(scenario, replication: 0)
    let wall = max(monotonicSeconds() - start, 1e-9)
    let accesses = result.machine.accesses
    var m = Measurement(
      name: benchmark.name, accesses: accesses, events: result.events, wallSeconds: wall,
      accessesPerWallSecond: Double(accesses) / wall, eventsPerWallSecond: Double(result.events) / wall,
      peakResidentBytes: peakResidentBytes())
    m.cpuSeconds = cpuSeconds() - cpuStart
    return m
  }

  /// Runs `memgo trace`'s analysis on the generated trace and measures it.
  static func measureTrace(_ name: String, trace: BenchTrace, options: TraceAnalysisOptions) throws(TraceError)
    -> Measurement
  {
    resetPeakResident()
    let cpuStart = cpuSeconds()
    let start = monotonicSeconds()
    let analysis = try TraceAnalysis(path: trace.path, options: options)
    let wall = max(monotonicSeconds() - start, 1e-9)
    let cpu = cpuSeconds() - cpuStart
    var m = Measurement(
      name: name, accesses: Int64(analysis.accesses), events: 0, wallSeconds: wall,
      accessesPerWallSecond: Double(analysis.accesses) / wall, eventsPerWallSecond: 0,
      peakResidentBytes: peakResidentBytes())
    m.references = Int64(analysis.references)
    m.referencesPerWallSecond = Double(analysis.references) / wall
    m.setupSeconds = trace.generationSeconds
    m.cpuSeconds = cpu
    return m
  }

  /// The process's CPU time so far (user + system), in seconds.
  static func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
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
