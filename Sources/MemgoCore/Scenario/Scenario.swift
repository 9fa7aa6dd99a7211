/// A validated experiment: the machine, the processes that run on it, and how long to run.
///
/// Produced from a JSON scenario file by `ScenarioLoader`; every field holds a checked value in
/// base units (picoseconds for durations, bytes for sizes). One `Scenario` is one sweep point.
public struct Scenario: Sendable {
  /// Short name, used for report file names (`NAME.md`, ...).
  public var name: String
  /// One or two sentences saying what the scenario shows.
  public var description: String
  /// The base seed of every random stream (default 1).
  public var seed: UInt64
  /// How many independent replications each sweep point runs (default 1).
  public var replications: Int
  /// When a run ends.
  public var stop: StopCondition
  /// Simulated time before which nothing is counted (default 0).
  public var warmup: SimTime
  /// The modeled hardware and OS parameters.
  public var machine: MachineConfig
  /// The client process groups, in file order.
  public var processes: [ProcessGroupConfig]

  public init(
    name: String, description: String, seed: UInt64, replications: Int, stop: StopCondition,
    warmup: SimTime, machine: MachineConfig, processes: [ProcessGroupConfig]
  ) {
    self.name = name
    self.description = description
    self.seed = seed
    self.replications = replications
    self.stop = stop
    self.warmup = warmup
    self.machine = machine
    self.processes = processes
  }
}

/// When a run ends: at `time` (warmup included), after `requests` post-warmup requests summed over
/// all processes, or when every process has finished its own `requests`; whichever comes first.
public struct StopCondition: Sendable {
  public var time: SimTime?
  public var requests: Int?
  public init(time: SimTime? = nil, requests: Int? = nil) {
    self.time = time
    self.requests = requests
  }
}

/// The modeled machine: CPUs, memory geometry, TLB, page table, replacement, latencies and disk.
public struct MachineConfig: Sendable {
  /// Size of the CPU pool; `nil` means every process has its own core (no CPU contention).
  public var cpus: Int?
  /// Page size in bytes, a power of two.
  public var pageSize: Int
  /// Number of physical page frames available to processes (page tables live outside them).
  public var frames: Int
  public var tlb: TLBConfig
  public var pageTable: PageTableConfig
  public var replacement: ReplacementConfig
  /// Whether a never-touched page is zero-filled (a minor fault, no disk read).
  public var zeroFill: Bool
  public var latency: LatencyConfig
  public var disk: DiskConfig

  public init(
    cpus: Int? = nil, pageSize: Int = 4096, frames: Int, tlb: TLBConfig = TLBConfig(),
    pageTable: PageTableConfig = PageTableConfig(), replacement: ReplacementConfig = ReplacementConfig(),
    zeroFill: Bool = true, latency: LatencyConfig = LatencyConfig(), disk: DiskConfig = DiskConfig()
  ) {
    self.cpus = cpus
    self.pageSize = pageSize
    self.frames = frames
    self.tlb = tlb
    self.pageTable = pageTable
    self.replacement = replacement
    self.zeroFill = zeroFill
    self.latency = latency
    self.disk = disk
  }
}

/// A set-associative TLB: `entries` total, `ways` per set (LRU within a set); `entries == ways` is
/// fully associative and `entries == 0` means no TLB (every access walks the page table).
public struct TLBConfig: Sendable {
  public var entries: Int
  public var ways: Int
  /// Whether entries are tagged with an address-space id (no flush on a process switch).
  public var asid: Bool
  public init(entries: Int = 64, ways: Int = 4, asid: Bool = true) {
    self.entries = entries
    self.ways = ways
    self.asid = asid
  }
}

/// A radix page table of `levels` levels, 512 eight-byte entries per table (x86-64 style).
public struct PageTableConfig: Sendable {
  public var levels: Int
  /// Entries in each upper level's page-walk cache (x86 paging-structure caches); 0 (the default)
  /// means none, so every walk reads every level.
  public var walkCache: Int
  public init(levels: Int = 4, walkCache: Int = 0) {
    self.levels = levels
    self.walkCache = walkCache
  }
}

/// How frames are shared between processes (`machine.replacement.scope`; docs/fidelity.md).
public enum AllocationScope: String, Sendable, CaseIterable {
  /// One pool: any process's page can evict any other's.
  case global
  /// Fixed local allocation: each process owns `frameQuota` frames and replaces only its own pages;
  /// a process that cannot get its quota waits to be admitted.
  case local
  /// Denning's working-set policy: a process keeps the pages it referenced in its last `tau`
  /// references; a load controller suspends a process when the working sets exceed memory.
  case workingset
  /// Page-fault-frequency allocation: a process grows when its fault rate is above `pffUpper` and
  /// sheds pages when it is below `pffLower`; the same load controller as `workingset`.
  case pff

  /// Whether the scope varies each process's allocation and runs the load controller.
  public var controlsLoad: Bool { self == .workingset || self == .pff }
}

/// The replacement policy and its parameters (`machine.replacement`).
///
/// Time-based parameters (`agingPeriod`, `wsclockTau`) are measured on the clock the caller passes
/// to the policy: simulated time in `memgo run`; in trace and explain mode, which have no timing,
/// the reference's index as picoseconds, so there they count references. Left `nil` (the default)
/// they are automatic: the policy then runs its own virtual clock that ticks once per reference it
/// sees (hits and loads), in both modes alike, and the value is the pool's frame count. That is a
/// sensible scale in both modes (the memory turns over about once in that many references) where a
/// fixed duration cannot be: 1ms is a kernel timer tick in simulated time but a billion references
/// in a trace. Ranges are checked by `validate()` (ReplacementConfig+Validation.swift).
public struct ReplacementConfig: Sendable {
  public var policy: PolicyKind
  public var scope: AllocationScope
  /// Whether a newly loaded page starts with its hardware reference bit set (default true; it has
  /// just been referenced). Used by the policies that model that bit: clock, nru, aging and wsclock.
  /// `false` loads it clear, which with clock reproduces libCacheSim's Clock.
  public var referenceOnLoad: Bool
  /// Aging: bits per page counter (default 8; 1...64).
  public var agingBits: Int
  /// Aging: how often every counter shifts right with its reference bit entering at the top
  /// (Tanenbaum's clock tick); `nil` (default) is automatic: every `frames` references.
  /// Explicit values must be at least 1ps.
  public var agingPeriod: SimTime?
  /// WSClock: the working-set window τ; a page unreferenced for longer than τ is old and may be
  /// replaced. `nil` (default) is automatic: `frames` references. Explicit values must be >= 0.
  public var wsclockTau: SimTime?
  /// 2Q: Kin, the size of the A1in FIFO as a fraction of the frames (default 0.25 as Johnson and
  /// Shasha recommend; 0...1; floor(Kin × frames) frames).
  public var twoQKin: Double
  /// 2Q: Kout, the number of remembered A1out page identifiers as a fraction of the frames (default
  /// 0.5 as Johnson and Shasha recommend; 0...4; floor(Kout × frames) identifiers).
  public var twoQKout: Double
  /// S3-FIFO: the target size of the small FIFO S as a fraction of the frames (default 0.1, Yang
  /// et al.'s; 0...1; floor(fraction × frames) frames).
  public var s3fifoSmallFraction: Double
  /// LIRS: L_hirs, the frames for resident HIR pages, as a fraction of the frames (default 0.01,
  /// Jiang and Zhang's 1%; 0...1; floor(fraction × frames) frames, at least 1, at most frames − 1).
  public var lirsHIRFraction: Double
  /// CLOCK-Pro: m_min, the least number of resident cold pages (and of hot pages) m_c may target,
  /// as a fraction of the frames (default 0.01; 0...0.5; floor(fraction × frames) frames).
  public var clockproColdMinimum: Double
  /// Scope `local`: the frames each process owns (default `.equal`: frames / processes, at least 1).
  public var frameQuota: FrameQuota
  /// Scope `workingset`: Denning's window τ, counted in the process's own page references (its
  /// virtual time): a page belongs to the working set while the process has made fewer than `tau`
  /// references since its last use (default 1000; 1...10^12).
  public var tau: Int64
  /// Scope `pff`: the fault rate (faults per reference, measured over the references since the
  /// process's previous fault) above which a faulting process is given another frame (default 0.2:
  /// faults fewer than 5 references apart).
  public var pffUpper: Double
  /// Scope `pff`: the fault rate below which a faulting process first gives up every page it has
  /// not referenced since its previous fault (default 0.002: faults more than 500 references apart;
  /// at most `pffUpper`).
  public var pffLower: Double

  public init(
    policy: PolicyKind = .fifo, scope: AllocationScope = .global, referenceOnLoad: Bool = true,
    agingBits: Int = 8, agingPeriod: SimTime? = nil, wsclockTau: SimTime? = nil, twoQKin: Double = 0.25,
    twoQKout: Double = 0.5, s3fifoSmallFraction: Double = 0.1, lirsHIRFraction: Double = 0.01,
    clockproColdMinimum: Double = 0.01, frameQuota: FrameQuota = .equal, tau: Int64 = 1000, pffUpper: Double = 0.2,
    pffLower: Double = 0.002
  ) {
    self.policy = policy
    self.scope = scope
    self.referenceOnLoad = referenceOnLoad
    self.agingBits = agingBits
    self.agingPeriod = agingPeriod
    self.wsclockTau = wsclockTau
    self.twoQKin = twoQKin
    self.twoQKout = twoQKout
    self.s3fifoSmallFraction = s3fifoSmallFraction
    self.lirsHIRFraction = lirsHIRFraction
    self.clockproColdMinimum = clockproColdMinimum
    self.frameQuota = frameQuota
    self.tau = tau
    self.pffUpper = pffUpper
    self.pffLower = pffLower
  }
}

/// The latency charged for each step of an access; each may be a distribution.
public struct LatencyConfig: Sendable {
  /// One TLB lookup (default 1ns).
  public var tlb: Distribution
  /// One RAM access, including each page-table entry read (default 100ns).
  public var ram: Distribution
  /// The OS's fault handling, excluding I/O (default 2us).
  public var fault: Distribution
  /// Disk service time of one page read (default 5ms).
  public var diskRead: Distribution
  /// Disk service time of one page write (default 5ms).
  public var diskWrite: Distribution
  public init(
    tlb: Distribution = .constant(1_000), ram: Distribution = .constant(100_000),
    fault: Distribution = .constant(2_000_000), diskRead: Distribution = .constant(5_000_000_000),
    diskWrite: Distribution = .constant(5_000_000_000)
  ) {
    self.tlb = tlb
    self.ram = ram
    self.fault = fault
    self.diskRead = diskRead
    self.diskWrite = diskWrite
  }
}

/// The paging disk: a FCFS queue served by `channels` identical servers.
public struct DiskConfig: Sendable {
  public var channels: Int
  public init(channels: Int = 1) { self.channels = channels }
}

/// A group of `count` identical client processes.
public struct ProcessGroupConfig: Sendable {
  public var name: String
  public var count: Int
  /// When the group's processes start.
  public var start: SimTime
  /// Bytes of virtual address space per process.
  public var addressSpace: Int64
  /// Requests per process before it finishes; `nil` runs until the stop condition.
  public var requests: Int?
  /// Think time before each request (picoseconds).
  public var interval: Distribution
  /// Request size in bytes (at least 1 after sampling).
  public var size: Distribution
  /// Probability that a request is a write.
  public var writeFraction: Double
  public var access: AccessPatternConfig

  public init(
    name: String, count: Int = 1, start: SimTime = .zero, addressSpace: Int64 = 16 << 20,
    requests: Int? = nil, interval: Distribution = .exponential(mean: 50_000_000),
    size: Distribution = .constant(64), writeFraction: Double = 0, access: AccessPatternConfig = .uniform
  ) {
    self.name = name
    self.count = count
    self.start = start
    self.addressSpace = addressSpace
    self.requests = requests
    self.interval = interval
    self.size = size
    self.writeFraction = writeFraction
    self.access = access
  }
}

/// Where a process's requests land in its address space (`access.pattern`).
public enum AccessPatternConfig: Sendable, Equatable {
  /// Byte addresses uniform over the address space.
  case uniform
  /// Consecutive addresses advancing by `stride` bytes (default: the request's size), wrapping.
  case sequential(stride: Int64?)
  /// Page after page over the first `pages` pages, cyclically.
  case loop(pages: Int64)
  /// Pages by a Zipf law with `exponent`, hot pages scattered by a seeded permutation.
  case zipf(exponent: Double)
  /// `hotFraction` of the pages receive `hotProbability` of the requests.
  case hotcold(hotFraction: Double, hotProbability: Double)
  /// Denning-style phases: a working set of `size` bytes, a new one every `phaseLength` requests;
  /// with probability `locality` a request stays in the set, else it goes anywhere.
  case workingset(size: Int64, phaseLength: Int, locality: Double)
  /// Replays a trace file (its path resolved, a `TraceFormat`): each reference is one request of
  /// its address, size and kind (stores and modifies write); the process ends with the trace.
  case trace(path: String, format: TraceFormat)

  /// Whether the process's requests come from a trace file.
  public var isTrace: Bool {
    if case .trace = self { return true }
    return false
  }

  /// The pattern's name in scenario files (`access.pattern`).
  public var name: String {
    switch self {
    case .uniform: return "uniform"
    case .sequential: return "sequential"
    case .loop: return "loop"
    case .zipf: return "zipf"
    case .hotcold: return "hotcold"
    case .workingset: return "workingset"
    case .trace: return "trace"
    }
  }
}

/// A probability distribution of a duration (picoseconds), a size (bytes) or a plain number.
///
/// Parameters are in base units. Samples of durations and sizes are truncated at zero (sizes at
/// one byte) by the sampler.
public enum Distribution: Sendable, Equatable {
  case constant(Double)
  case uniform(min: Double, max: Double)
  case exponential(mean: Double)
  /// Normal with the given mean and standard deviation.
  case normal(mean: Double, stddev: Double)
  /// Lognormal given by the mean and standard deviation of the distribution itself (not of its log).
  case lognormal(mean: Double, stddev: Double)
  /// Pareto (type I) with minimum `scale` and tail index `shape`.
  case pareto(scale: Double, shape: Double)
  /// `values[i]` with probability `weights[i] / sum(weights)`.
  case empirical(values: [Double], weights: [Double])

  /// The distribution's mean, or `nil` where it is infinite (Pareto with shape ≤ 1).
  public var mean: Double? {
    switch self {
    case .constant(let v): return v
    case .uniform(let a, let b): return (a + b) / 2
    case .exponential(let m): return m
    case .normal(let m, _): return m
    case .lognormal(let m, _): return m
    case .pareto(let s, let a): return a > 1 ? a * s / (a - 1) : nil
    case .empirical(let v, let w):
      let total = w.reduce(0, +)
      return zip(v, w).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
  }
}
