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
    return list
  }

  /// Runs `benchmark` once and measures it.
  public static func measure(_ benchmark: Case) -> Measurement {
    resetPeakResident()
    let start = monotonicSeconds()
    let result = Simulation.run(benchmark.scenario, replication: 0)
    let wall = max(monotonicSeconds() - start, 1e-9)
    let accesses = result.machine.accesses
    return Measurement(
      name: benchmark.name, accesses: accesses, events: result.events, wallSeconds: wall,
      accessesPerWallSecond: Double(accesses) / wall, eventsPerWallSecond: Double(result.events) / wall,
      peakResidentBytes: peakResidentBytes())
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
