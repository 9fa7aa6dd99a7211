/// An upper estimate, made before anything is allocated, of the memory one run of a scenario needs,
/// part by part, and of the memory the results of all runs hold until the report is written.
///
/// The loader refuses a scenario whose run would need more than `runBudget` or whose results more
/// than `resultBudget` (docs/robustness.md, "Limits"), so that no input makes memgo attempt an
/// allocation it cannot make; `Experiment` runs fewer runs in parallel when their estimates add up
/// to more than `runBudget`. The estimate follows the simulator's data structures:
/// - frames: the frame table (`FrameTable.Frame`, 24 B, and its free stack, 4 B; 40 B allowed)
///   and the policy's per-frame state (`bytesPerFrame(for:)`);
/// - processes: each process's state (`SimProcess`, its event and its top-level page table, 4 KiB,
///   and for a trace-replay process its reader's 1 MiB buffer) and, without a CPU pool, its own TLB
///   (16 B per entry); with a pool, one TLB per CPU;
/// - page tables: the worst case, every page the process can touch mapped: with P pages
///   (addressSpace / pageSize) and L levels, 1 + Σ_{k=1}^{L-1} ⌈P / 512^k⌉ tables of 4 KiB, or
///   fewer when the process has `requests` and bounded request sizes (each request maps at most
///   ⌈size / pageSize⌉ + 1 pages, each needing at most L − 1 new tables); times 3 for the growth of
///   the array that holds them (doubling, with the old copy alive while it is copied);
/// - statistics: one `RunTally` with its latency histogram per group and for the machine, and the
///   alias tables of empirical distributions;
/// - next uses, when the run needs the future (OPT, `ProcessFutures`): the largest trace
///   preparation, one at a time, in the worst case every page of the group's address space
///   touched (`bytesPerPreparedPage` each, plus `preparationBytes`), and each trace process's
///   stream reader (`ProcessFutures.readerBytes`).
public struct ResourceEstimate: Sendable, Equatable {
  /// The most memory one run may need (estimated): 12 GiB.
  public static let runBudget: Int64 = 12 << 30
  /// The most memory the statistics of all runs may hold until the report is written: 4 GiB.
  public static let resultBudget: Int64 = 4 << 30
  /// Bytes of one tally (counters and latency histogram), rounded up.
  public static let tallyBytes = Int64(LatencyHistogram.bucketCount) * 8 + 1024
  /// Bytes of one process's state besides its TLB and page tables, rounded up.
  static let processBytes: Int64 = 2 * 512 + 64 + 4096 + 64
  /// Bytes of one TLB entry.
  static let tlbEntryBytes: Int64 = 16
  /// Bytes of one page table (512 eight-byte entries).
  static let tableBytes: Int64 = 4096
  /// The page-table array grows by doubling and holds its old copy while it grows.
  static let tableGrowthFactor: Int64 = 3

  /// Bytes per distinct page of a trace preparation at its peak: the page map's 16-byte entries,
  /// at most 4 per page once it has grown, plus 2 per page of its old copy while it grows.
  static let bytesPerPreparedPage: Int64 = 96
  /// Bytes of a trace preparation besides its pages: the trace reader's buffer and the blocks of
  /// the recorder and of the backward pass, rounded up.
  static let preparationBytes: Int64 = 4 << 20

  /// Which part of a run holds the memory.
  public enum Part: String, Sendable, CaseIterable {
    case frames, processes, tlbs, pageTables, statistics, nextUses
  }

  /// Bytes for the frames: the simulator's per-frame arrays and the policy's per-frame state.
  public var frames: Int64 = 0
  /// Bytes for the processes' own state (top-level page tables included, TLBs and lower tables not).
  public var processes: Int64 = 0
  /// Bytes for the TLBs (one per process, or one per CPU with a CPU pool).
  public var tlbs: Int64 = 0
  /// Bytes for the page tables below the top level, in the worst case.
  public var pageTables: Int64 = 0
  /// Bytes for the statistics and the empirical distributions' tables.
  public var statistics: Int64 = 0
  /// The process group whose page tables are the largest, if any has any.
  public var largestPageTableGroup: Int?
  /// Bytes for the next uses of trace processes, when the run needs the future (OPT).
  public var nextUses: Int64 = 0
  /// The trace group whose preparation of next uses is the largest, when the run needs the future.
  public var largestPreparationGroup: Int?

  /// Estimates one run of `scenario`.
  public init(_ scenario: Scenario) {
    let machine = scenario.machine
    let perFrame = 40 + ResourceEstimate.bytesPerFrame(for: machine.replacement)
    frames = saturatingProduct(Int64(machine.frames), perFrame)
    let processCount = scenario.processes.reduce(Int64(0)) { saturatingSum($0, Int64($1.count)) }
    processes = saturatingProduct(processCount, Self.processBytes)
    for group in scenario.processes where group.access.isTrace {
      // A trace-replay process reads its file through a `LineReader` buffer.
      let reader = Int64(max(LineReader.defaultBufferSize, LineReader.defaultMaximumLineLength + 2)) + 1024
      processes = saturatingSum(processes, saturatingProduct(Int64(group.count), reader))
    }
    let tlbCount = machine.cpus.map(Int64.init) ?? processCount
    tlbs = saturatingProduct(
      tlbCount, saturatingSum(saturatingProduct(Int64(machine.tlb.entries), Self.tlbEntryBytes), 64))
    var largest: Int64 = 0
    for (g, group) in scenario.processes.enumerated() {
      let perProcess = Self.worstCasePageTableBytes(group, machine: machine)
      let bytes = saturatingProduct(perProcess, Int64(group.count))
      pageTables = saturatingSum(pageTables, bytes)
      if bytes > largest {
        largest = bytes
        largestPageTableGroup = g
      }
    }
    if machine.replacement.needsFuture {
      var largestPreparation: Int64 = 0
      for (g, group) in scenario.processes.enumerated() where group.access.isTrace {
        nextUses = saturatingSum(nextUses, saturatingProduct(Int64(group.count), ProcessFutures.readerBytes))
        let pages = Self.pageCount(group, machine: machine)
        let preparation = saturatingSum(saturatingProduct(pages, Self.bytesPerPreparedPage), Self.preparationBytes)
        if preparation > largestPreparation {
          largestPreparation = preparation
          largestPreparationGroup = g
        }
      }
      nextUses = saturatingSum(nextUses, largestPreparation)
    }
    let groupCount = Int64(scenario.processes.count)
    statistics = saturatingProduct(groupCount + 1, Self.tallyBytes)
    for group in scenario.processes {
      for distribution in [group.interval, group.size] {
        if case .empirical(let values, _) = distribution {
          statistics = saturatingSum(statistics, saturatingProduct(Int64(values.count), 24))
        }
      }
    }
  }

  /// The whole estimate (saturating at `Int64.max`).
  public var total: Int64 {
    [frames, processes, tlbs, pageTables, statistics, nextUses].reduce(0, saturatingSum)
  }

  /// The bytes of `part`.
  public subscript(part: Part) -> Int64 {
    switch part {
    case .frames: return frames
    case .processes: return processes
    case .tlbs: return tlbs
    case .pageTables: return pageTables
    case .statistics: return statistics
    case .nextUses: return nextUses
    }
  }

  /// The part that holds the most memory.
  public var largestPart: Part {
    Part.allCases.max { self[$0] < self[$1] } ?? .frames
  }

  /// An upper bound of the bytes of policy state per frame, from each policy's data structures
  /// (lists of two `Int32` links and a flag, heaps of 16-24 B keys, ghost lists of 96 B per
  /// remembered page: ARC remembers up to 2 × frames + 1 pages in each of B1 and B2, 2Q up to
  /// (Kout + 1) × frames + 1 in A1out, S3-FIFO at most frames in G, beside its counters and page keys, LIRS
  /// at most frames non-resident entries in its stack S, beside its S and Q links and page keys;
  /// MGLRU four generation lists, a generation number and a bit;
  /// CLOCK-Pro two clock entries per frame, plus one, of 19 B each (two links, membership, status,
  /// test bit, page key), a reference bit, 4 B of spare-entry stack and at most 64 B of the hashed
  /// index of its up to frames + 1 non-resident pages, 107 B rounded up to 112).
  public static func bytesPerFrame(for replacement: ReplacementConfig) -> Int64 {
    let ghost: Int64 = 96
    switch replacement.policy {
    case .fifo, .lru, .clock, .nru, .random, .sieve: return 16
    case .lfu, .aging, .opt, .mglru: return 48
    case .wsclock: return 96
    case .arc: return 32 + 4 * ghost + ghost
    case .s3fifo, .lirs: return 32 + 16 + ghost
    case .clockpro: return 112
    case .twoQ:
      let kout = replacement.twoQKout.isFinite ? min(max(replacement.twoQKout, 0), 4) : 4
      return 32 + Int64(((kout + 1) * Double(ghost)).rounded(.up)) + ghost
    }
  }

  /// The pages of one process's address space (the last one perhaps partly).
  static func pageCount(_ group: ProcessGroupConfig, machine: MachineConfig) -> Int64 {
    let pageSize = Int64(max(machine.pageSize, 1))
    return group.addressSpace / pageSize + (group.addressSpace % pageSize == 0 ? 0 : 1)
  }

  /// The worst-case bytes of one process's page tables below the top level (see the type's
  /// documentation), growth included.
  static func worstCasePageTableBytes(_ group: ProcessGroupConfig, machine: MachineConfig) -> Int64 {
    let pageSize = Int64(max(machine.pageSize, 1))
    let levels = max(machine.pageTable.levels, 1)
    guard levels > 1 else { return 0 }
    let pages = pageCount(group, machine: machine)
    // Tables needed to map every page: ⌈P / 512^k⌉ at each level k below the top.
    var full: Int64 = 0
    var span = pages
    for _ in 1..<levels {
      span = span / 512 + (span % 512 == 0 ? 0 : 1)
      full = saturatingSum(full, span)
    }
    var tables = full
    if let requests = group.requests, let largest = group.size.upperBound, largest.isFinite {
      let pagesPerRequest = Int64(min(largest, Double(group.addressSpace)) / Double(pageSize)) + 2
      let touched = saturatingProduct(Int64(requests), pagesPerRequest)
      tables = min(full, saturatingProduct(touched, Int64(levels - 1)))
    }
    return saturatingProduct(saturatingProduct(tables, tableBytes), tableGrowthFactor)
  }

  // MARK: - Results and parallel runs

  /// Bytes the statistics of every run of `points` hold until the report is written.
  public static func resultBytes(of points: [SweepPoint]) -> Int64 {
    points.reduce(Int64(0)) { sum, point in
      let perRun = saturatingProduct(Int64(point.scenario.processes.count) + 1, tallyBytes)
      return saturatingSum(sum, saturatingProduct(Int64(point.scenario.replications), perRun))
    }
  }

  /// Why the results of `points` would not fit `resultBudget`, or nil.
  public static func resultProblem(of points: [SweepPoint]) -> String? {
    let bytes = resultBytes(of: points)
    guard bytes > resultBudget else { return nil }
    let runs = points.reduce(0) { $0 + $1.scenario.replications }
    return "\(runs) run(s) keep an estimated \(approximateSize(bytes)) of statistics until the report is written, "
      + "more than memgo's budget of \(approximateSize(resultBudget)) (expected fewer replications, sweep points "
      + "or process groups; each run keeps about \(approximateSize(tallyBytes)) per group)"
  }

  /// How many of `points`' runs may run at once within `runBudget` (at least 1, at most `jobs`).
  public static func parallelRuns(_ points: [SweepPoint], jobs: Int) -> Int {
    let largest = points.map { ResourceEstimate($0.scenario).total }.max() ?? 0
    guard largest > 0 else { return max(1, jobs) }
    return max(1, min(jobs, Int(runBudget / largest)))
  }

  /// `bytes` in the largest binary unit that keeps a whole number, with one decimal: `1.5 GiB`.
  public static func approximateSize(_ bytes: Int64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) B" }
    let tenths = Int64((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10) \(units[unit])"
  }
}

/// `a + b` for non-negative values, saturating at `Int64.max`.
func saturatingSum(_ a: Int64, _ b: Int64) -> Int64 {
  let (sum, overflow) = a.addingReportingOverflow(b)
  return overflow ? .max : sum
}

/// `a × b` for non-negative values, saturating at `Int64.max`.
func saturatingProduct(_ a: Int64, _ b: Int64) -> Int64 {
  let (product, overflow) = a.multipliedReportingOverflow(by: b)
  return overflow ? .max : product
}
