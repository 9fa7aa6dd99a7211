/// The one model of the machine's memory management that both drivers run: the MMU (TLBs,
/// page-walk caches, multi-level page tables with entries at physical addresses) and the kernel's
/// memory manager (the frame table, the allocation scope and its replacement policy, dirty bits,
/// the fault handler), with the latency bill of every step (SPEC-level rules in the README,
/// "Model semantics").
///
/// It has no clock and no queue. Each operation is one phase of a page access, applied at the
/// time the caller gives: `lookUp` (the access's start), `endWalk`, `handleFault` (the end of the
/// handler), `mapFaultedPage` (the end of the page-in), `reference` (the end of the RAM access),
/// and `exit`, `swapOut` and `freeFrames(of:)`. Each returns what happened and advances the caller's time
/// by what the step costs. The discrete-event driver (`Simulator`) schedules the phases at their
/// times, among other processes' events; the server (`memgo serve`) calls them back to back for
/// each request of a real client.
///
/// Generic over the frame allocator and the event log, so every call is statically dispatched;
/// the TLBs and page-walk caches live in flat buffers allocated once and freed by `deinit`, so the
/// manager is noncopyable and its buffers have one owner; the frame table is a value
/// (`FrameTable`, arrays) shared in form with `PolicyReplay`.
struct MemoryManager<Frames: FrameAllocator, Log: EventLog>: FaultHandler, ~Copyable {
  // MARK: - Configuration
  let pageShift: Int
  let pageSize: Int
  /// Whether TLB entries carry address-space ids.
  let tlbTagged: Bool
  let zeroFill: Bool
  /// Whether the MMUs have page-walk caches.
  let hasWalkCache: Bool
  /// Whether the TLBs belong to a pool of CPUs (else each process has its own).
  let tlbsPerCPU: Bool
  let frameCount: Int

  // MARK: - State
  var pageTable: PageTable
  let tlbs: UnsafeMutableBufferPointer<TLB>
  /// The entries of every TLB.
  let tlbStorage: TLB.Storage
  /// One set of page-walk caches per TLB (empty without walk caches).
  let walkCaches: UnsafeMutableBufferPointer<WalkCache>
  /// With TLBs per CPU, the process whose translations each CPU's TLB may hold (-1: none yet).
  var tlbContext: [Int32]
  /// The allocation scope's rules and the replacement policy.
  var allocator: Frames
  /// Each frame's owner, page and leaf page-table entry, and the free pool.
  var frameTable: FrameTable
  /// The latency of each step, drawn from the machine's random stream.
  var latency: LatencySamplers
  var log: Log
  /// With a log, the page each process's last fault evicted (for its write-back's log line);
  /// empty without a log.
  var victimVPNs: [Int64]

  /// A machine configured by `machine` for `processCount` processes (process ids
  /// `0..<processCount`), with `tlbCount` TLBs (one per CPU of a pool, else one per process),
  /// its policy seeded with `policySeed` and its latencies drawn from `latencyRandom`.
  init(
    machine: MachineConfig, processCount: Int, tlbsPerCPU: Bool, policySeed: UInt64,
    latencyRandom: Xoshiro256StarStar, log: Log
  ) {
    pageShift = machine.pageSize.trailingZeroBitCount
    pageSize = machine.pageSize
    tlbTagged = machine.tlb.asid
    zeroFill = machine.zeroFill
    hasWalkCache = machine.pageTable.walkCache > 0 && machine.pageTable.levels >= 2
    self.tlbsPerCPU = tlbsPerCPU
    frameCount = machine.frames
    self.log = log
    pageTable = PageTable(
      levels: machine.pageTable.levels, processCount: processCount,
      physicalBase: UInt64(machine.frames) * UInt64(machine.pageSize))
    let tlbCount = tlbsPerCPU ? machine.cpus ?? 0 : processCount
    let storage = TLB.Storage(count: tlbCount, entries: machine.tlb.entries)
    tlbStorage = storage
    tlbs = Self.buffer((0..<tlbCount).map { storage.tlb($0, ways: machine.tlb.ways) })
    walkCaches = Self.buffer(
      hasWalkCache
        ? Array(
          repeating: WalkCache(levels: machine.pageTable.levels, ways: machine.pageTable.walkCache), count: tlbCount)
        : [])
    tlbContext = Array(repeating: -1, count: tlbsPerCPU ? tlbCount : 0)
    allocator = Frames(
      frameCount: machine.frames, processCount: processCount, configuration: machine.replacement, seed: policySeed)
    frameTable = FrameTable(count: machine.frames)
    latency = LatencySamplers(machine.latency, random: latencyRandom)
    victimVPNs = Log.isEnabled ? Array(repeating: 0, count: processCount) : []
  }

  /// A buffer holding `elements`, owned by this manager and freed by `deinit`.
  static func buffer<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
    _ = buffer.initialize(from: elements)
    return buffer
  }

  deinit {
    tlbs.deinitialize().deallocate()
    tlbStorage.deallocate()
    walkCaches.deinitialize().deallocate()
  }

  /// The TLB key of `p`'s page `vpn` (tagged with `p` when entries carry ASIDs).
  @inline(__always)
  func tlbKey(_ p: Int, vpn: Int64) -> UInt64 { TLB.key(vpn: vpn, asid: tlbTagged ? p : 0) }

  /// The virtual address `access` reaches: the request's own address on its first page, the
  /// page's start on the others.
  func accessedAddress(_ access: AccessState) -> Int64 {
    access.page == access.requestVA >> pageShift ? access.requestVA : access.page << pageShift
  }

  /// The physical address `access` reaches in `frame`.
  func physicalAddress(_ access: AccessState, frame: Int) -> UInt64 {
    let offset = UInt64(accessedAddress(access) & ((1 << pageShift) - 1))
    return UInt64(frame) << UInt64(pageShift) | offset
  }

  // MARK: - Processes and CPUs

  /// CPU `c` (of a pool) takes up process `p`. A context switch when it last ran another process,
  /// which flushes its TLB and page-walk caches when entries carry no ASID.
  mutating func switchContext(cpu c: Int, to p: Int) -> ContextSwitch {
    let last = tlbContext[c]
    guard last != Int32(p) else { return .none }
    tlbContext[c] = Int32(p)
    guard last >= 0 else { return .none }
    guard !tlbTagged else { return .switched }
    tlbs[c].flush()
    if hasWalkCache { walkCaches[c].flush() }
    return .flushed
  }
}

/// What taking up a process did to a CPU (`MemoryManager.switchContext`).
enum ContextSwitch {
  /// It ran the same process before (or nothing).
  case none
  /// A context switch; entries carry ASIDs, so the TLB keeps them.
  case switched
  /// A context switch that flushed the CPU's TLB and page-walk caches.
  case flushed
}
