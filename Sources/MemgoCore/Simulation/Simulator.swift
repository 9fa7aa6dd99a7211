/// One run of one scenario point: the discrete-event simulation of processes issuing memory
/// requests to a machine with a TLB, multi-level page tables (with optional page-walk caches), a
/// frame pool shared under the rules of `Frames` (the allocation scope and its replacement policy),
/// a paging disk and an optional CPU pool (SPEC, "Model semantics"; docs/fidelity.md).
///
/// The access path (TLB lookup, walk, fault, eviction, disk) is written once here, generic over
/// the frame allocator and the event log so both are statically dispatched; all state lives in
/// flat arrays of small structs indexed by process, frame and page-table entry numbers. Events are
/// 8-byte values in an `EventQueue`; a process runs ahead inline for as long as its next step is
/// strictly earlier than every pending event, which is exactly the order the queue would impose.
///
/// The per-process, per-frame and per-TLB state that the access path touches lives in buffers
/// allocated once at set-up and freed by `deinit`; the simulator is noncopyable, so they have
/// exactly one owner and need no copy-on-write checks on every write.
public struct Simulator<Frames: FrameAllocator, Log: EventLog>: ~Copyable {
  // MARK: - Configuration
  let scenario: Scenario
  let pageShift: Int
  let levels: Int64
  let warmup: SimTime
  /// The end of time for this run: `stop.time`, or a horizon far beyond any sensible run.
  let stopTime: SimTime
  let stopRequests: Int64
  let hasCPUPool: Bool
  let tlbTagged: Bool
  let zeroFill: Bool
  /// Whether the MMUs have page-walk caches.
  let hasWalkCache: Bool
  let groupNames: [String]
  /// Whether access steps that nothing can come between run inline (`advance`); off, every step
  /// is its own event.
  let foldsSteps: Bool

  // MARK: - Machine state
  var queue = EventQueue<SimEvent>(minimumCapacity: 64)
  let processes: UnsafeMutableBufferPointer<SimProcess>
  var pageTable: PageTable
  let tlbs: UnsafeMutableBufferPointer<TLB>
  /// The entries of every TLB.
  let tlbStorage: TLB.Storage
  /// The allocation scope's rules and the replacement policy.
  var allocator: Frames
  /// One set of page-walk caches per TLB (empty without walk caches).
  let walkCaches: UnsafeMutableBufferPointer<WalkCache>
  var freeFrames: [Int32]
  let frameOwner: UnsafeMutableBufferPointer<Int32>
  let frameVPN: UnsafeMutableBufferPointer<Int64>
  let frameLeaf: UnsafeMutableBufferPointer<Int>
  var frameWaiters = RingQueue()
  /// Processes waiting to be admitted (scope `local`), in arrival order.
  var admissionQueue = RingQueue()
  /// Suspended processes waiting for room (scopes `workingset` and `pff`), in suspension order.
  var suspendedQueue = RingQueue()
  /// Resumed processes that may still be reloading their working sets (scopes `workingset`, `pff`).
  var reloading: [Int32] = []
  /// Processes suspended or swapping out.
  var suspendedCount = 0
  var disk: DiskQueue
  var cpus: CPUPool
  var latency: LatencySamplers
  let intervalSamplers: [DistributionSampler]
  let sizeSamplers: [DistributionSampler]
  let writeFractions: [Double]
  let addressSpaces: [Int64]
  var log: Log
  /// The open trace of each trace-driven process (nil for the others).
  var traces: [AnyTraceReader?]
  /// Each process's next-use stream when the policy needs the future (`Frames.needsFuture`; nil for
  /// a process whose future is unknown), else empty.
  var futures: [FuturePageStream?]
  /// The first failure to read a next-use stream: it ends the run, and `Simulation.run` throws it.
  var futureFailure: TraceError?
  /// With a log, the page each process's write-back in progress writes (its fault's victim), for
  /// the `diskWrite` line; empty without a log.
  var writeBackVPNs: [Int64]

  // MARK: - Measurement
  var groupTallies: [RunTally]
  var completedAfterWarmup: Int64 = 0
  var activeProcesses = 0
  var stopRequested = false
  /// The latest time anything happened: an event, or a request completed inline after one.
  var latest = SimTime.zero
  var events: Int64 = 0

  /// A time so late that no run reaches it (about 53 days); sums of sampled latencies saturate here.
  static var horizon: SimTime { SimTime(picoseconds: 1 << 62) }

  /// Prepares replication `replication` of `scenario`, logging to `log`. `futures` holds each
  /// process's next-use stream when the policy needs the future (`ProcessFutures.prepare`).
  /// With `foldsSteps` false every access step is its own event (for the differential tests).
  init(
    scenario: Scenario, replication: Int, log: Log, futures: [FuturePageStream?] = [], foldsSteps: Bool = true
  ) {
    self.scenario = scenario
    self.foldsSteps = foldsSteps
    let machine = scenario.machine
    pageShift = machine.pageSize.trailingZeroBitCount
    levels = Int64(machine.pageTable.levels)
    warmup = scenario.warmup
    stopTime = min(scenario.stop.time ?? Self.horizon, Self.horizon)
    stopRequests = Int64(scenario.stop.requests ?? Int.max)
    hasCPUPool = machine.cpus != nil
    tlbTagged = machine.tlb.asid
    zeroFill = machine.zeroFill
    hasWalkCache = machine.pageTable.walkCache > 0 && machine.pageTable.levels >= 2
    self.log = log

    let seed = scenario.seed
    var processList: [SimProcess] = []
    for (g, group) in scenario.processes.enumerated() {
      for i in 0..<group.count {
        processList.append(
          SimProcess(
            group: Int32(g),
            requestsLeft: Int64(group.requests ?? Int.max),
            intervalRandom: RandomStreams.make(
              seed: seed, replication: replication, group: g, instance: i, purpose: .interval),
            sizeRandom: RandomStreams.make(seed: seed, replication: replication, group: g, instance: i, purpose: .size),
            addressRandom: RandomStreams.make(
              seed: seed, replication: replication, group: g, instance: i, purpose: .address),
            writeRandom: RandomStreams.make(seed: seed, replication: replication, group: g, instance: i, purpose: .write),
            access: AccessGenerator(
              pattern: group.access, addressSpace: group.addressSpace, pageSize: Int64(machine.pageSize),
              seed: StreamID(seed: seed, replication: replication, group: g, instance: i, purpose: .pattern).hash)))
      }
    }
    var traceList: [AnyTraceReader?] = []
    for group in scenario.processes {
      for _ in 0..<group.count {
        if case .trace(let path, let format) = group.access {
          // Validated when the scenario was loaded; a file that vanished since replays as empty.
          traceList.append((try? AnyTraceReader(path: path, format: format)) ?? nil)
        } else {
          traceList.append(nil)
        }
      }
    }
    traces = traceList
    precondition(!Frames.needsFuture || futures.count == traceList.count, "the policy needs every process's future")
    self.futures = futures
    groupNames = scenario.processes.map(\.name)
    let processCount = processList.count
    processes = Self.buffer(processList)
    let frames = machine.frames
    pageTable = PageTable(
      levels: machine.pageTable.levels, processCount: processCount,
      physicalBase: UInt64(frames) * UInt64(machine.pageSize))
    let tlbCount = machine.cpus ?? processCount
    let storage = TLB.Storage(count: tlbCount, entries: machine.tlb.entries)
    tlbStorage = storage
    tlbs = Self.buffer((0..<tlbCount).map { storage.tlb($0, ways: machine.tlb.ways) })
    walkCaches = Self.buffer(
      hasWalkCache
        ? Array(
          repeating: WalkCache(levels: machine.pageTable.levels, ways: machine.pageTable.walkCache), count: tlbCount)
        : [])
    allocator = Frames(
      frameCount: frames, processCount: processCount, configuration: machine.replacement,
      seed: StreamID(seed: seed, replication: replication, group: -1, instance: 0, purpose: .policy).hash)
    freeFrames = (0..<Int32(frames)).reversed()
    frameOwner = Self.buffer(Array(repeating: -1, count: frames))
    frameVPN = Self.buffer(Array(repeating: 0, count: frames))
    frameLeaf = Self.buffer(Array(repeating: 0, count: frames))
    disk = DiskQueue(channels: machine.disk.channels)
    cpus = CPUPool(count: machine.cpus ?? 0)
    latency = LatencySamplers(
      machine.latency,
      random: RandomStreams.machine(seed: seed, replication: replication, purpose: .machine))
    intervalSamplers = scenario.processes.map { DistributionSampler($0.interval) }
    sizeSamplers = scenario.processes.map { DistributionSampler($0.size) }
    writeFractions = scenario.processes.map(\.writeFraction)
    addressSpaces = scenario.processes.map(\.addressSpace)
    groupTallies = Array(repeating: RunTally(), count: scenario.processes.count)
    writeBackVPNs = Log.isEnabled ? Array(repeating: 0, count: processCount) : []
  }

  /// A buffer holding `elements`, owned by this simulator and freed by `deinit`.
  static func buffer<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
    let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: elements.count)
    _ = buffer.initialize(from: elements)
    return buffer
  }

  deinit {
    processes.deinitialize().deallocate()
    tlbs.deinitialize().deallocate()
    tlbStorage.deallocate()
    walkCaches.deinitialize().deallocate()
    frameOwner.deinitialize().deallocate()
    frameVPN.deinitialize().deallocate()
    frameLeaf.deinitialize().deallocate()
  }

  // MARK: - Running

  /// Runs the simulation to its stop condition and returns what it measured.
  public mutating func run() -> RunResult {
    var pid: Int32 = 0
    for group in scenario.processes {
      for _ in 0..<group.count {
        queue.insert(SimEvent(.start, process: pid), at: group.start)
        pid += 1
      }
    }
    activeProcesses = processes.count
    while let event = queue.holdMin() {
      if event.time > stopTime {
        latest = stopTime
        break
      }
      latest = max(latest, event.time)
      events += 1
      handle(event.payload, at: event.time)
      if stopRequested { break }
    }
    return finish(at: latest)
  }

  mutating func handle(_ event: SimEvent, at time: SimTime) {
    let p = Int(event.process)
    switch event.kind {
    case .start:
      if Frames.scope == .local && !allocator.admit(p) {
        // Its quota is not free: it waits to be admitted.
        processes[p].phase = .waitingForAdmission
        admissionQueue.enqueue(Int32(p))
        if time >= warmup { groupTallies[Int(processes[p].group)].admissionWaits += 1 }
      } else {
        begin(p, at: time)
      }
    case .admitted:
      begin(p, at: time)
    case .unsuspended:
      resumeAfterFault(p, at: time)
    case .thinkDone:
      issueRequest(p, at: time)
    case .resume:
      advance(p, at: time)
    case .cpuGranted:
      if processes[p].phase == .readyToRetry {
        processes[p].phase = .accessing
        advance(p, at: time)
      } else {
        think(p, at: time)
      }
    case .diskDone:
      diskOperationDone(p, at: time)
    case .frameAvailable:
      if allocateFrame(p, at: time, woken: true) { resumeAfterFault(p, at: time) }
    }
  }

  /// `p` is admitted and starts its cycle: on a CPU from the pool, or on its own core.
  mutating func begin(_ p: Int, at time: SimTime) {
    if hasCPUPool {
      processes[p].phase = .readyToThink
      requestCPU(p, at: time)
    } else {
      startRunning(p, at: time)
      think(p, at: time)
    }
  }

  /// Saturating `time + delay` (delays are non-negative).
  func later(_ time: SimTime, _ delay: Int64) -> SimTime {
    let (sum, overflow) = time.picoseconds.addingReportingOverflow(delay)
    return overflow || sum > Self.horizon.picoseconds ? Self.horizon : SimTime(picoseconds: sum)
  }

  // MARK: - Requests

  /// `p` thinks from `time`, then issues its next request (`.thinkDone`).
  mutating func think(_ p: Int, at time: SimTime) {
    queue.insert(SimEvent(.thinkDone, process: Int32(p)), at: endOfThinking(p, from: time))
  }

  /// `p` starts thinking at `time`; returns when it stops and issues its next request (its step
  /// is then `.issue`).
  mutating func endOfThinking(_ p: Int, from time: SimTime) -> SimTime {
    processes[p].phase = .thinking
    processes[p].step = .issue
    let g = Int(processes[p].group)
    var random = processes[p].intervalRandom
    let delay = intervalSamplers[g].sampleDuration(&random)
    processes[p].intervalRandom = random
    return later(time, delay)
  }

  /// `p`'s think time ended at `time`: it issues its next request, and goes on with its steps.
  mutating func issueRequest(_ p: Int, at time: SimTime) {
    processes[p].step = .issue
    advance(p, at: time)
  }

  /// The `.issue` step: `p` issues its next request at `time` (the trace's next reference, or a
  /// generated one). Returns false when a trace has ended, and with it the process.
  mutating func beginRequest(_ p: Int, at time: SimTime) -> Bool {
    let g = Int(processes[p].group)
    let va: Int64
    let size: Int64
    let isWrite: Bool
    if traces[p] != nil {
      // Trace replay: the next reference is the request; the trace's end is the process's.
      guard let reference = try? traces[p]?.next() else {
        exitProcess(p, at: time)
        return false
      }
      va = Int64(reference.address)
      size = Int64(reference.size)
      isWrite = reference.kind == .store || reference.kind == .modify
    } else {
      var sizeRandom = processes[p].sizeRandom
      size = sizeSamplers[g].sampleSize(&sizeRandom, maximum: addressSpaces[g])
      processes[p].sizeRandom = sizeRandom
      var addressRandom = processes[p].addressRandom
      va = processes[p].access.nextAddress(size: size, rng: &addressRandom)
      processes[p].addressRandom = addressRandom
      isWrite = processes[p].writeRandom.nextDouble() < writeFractions[g]
    }
    processes[p].phase = .accessing
    processes[p].requestStart = time
    processes[p].requestVA = va
    processes[p].requestSize = size
    processes[p].isWrite = isWrite
    processes[p].page = va >> pageShift
    processes[p].lastPage = (va + size - 1) >> pageShift
    processes[p].retrying = false
    processes[p].step = .lookup
    processes[p].tally = RequestTally()
    return true
  }

  /// Runs `p`'s steps from `time` (its page accesses, and the requests that follow its think
  /// times) until the process blocks, exits or waits for a CPU. Each step happens at its own
  /// simulated time (README, "Model semantics": causality); a step runs inline only when it is strictly earlier than
  /// every pending event, where nothing else can happen before it, and otherwise is scheduled as a
  /// `.resume` event, so that every other event in between sees the state of its own time. With
  /// `foldsSteps` off every step is its own event (the differential tests' reference schedule).
  mutating func advance(_ p: Int, at time: SimTime) {
    var t = time
    while performStep(p, at: &t) {
      if stopRequested { return }
      if !foldsSteps || t >= queue.nextTime || t > stopTime {
        queue.insert(SimEvent(.resume, process: Int32(p)), at: t)
        return
      }
      latest = max(latest, t)
    }
  }

  /// Performs `p`'s current step at `t`. Returns true with `t` advanced to the time of its next
  /// step (`processes[p].step`), or false when its next step waits for something else (a disk
  /// read, a frame, a CPU) or it exited.
  @inline(__always)
  mutating func performStep(_ p: Int, at t: inout SimTime) -> Bool {
    switch processes[p].step {
    case .issue: return beginRequest(p, at: t)
    case .lookup: lookUp(p, at: &t)
    case .walkEnd: endWalk(p, at: &t)
    case .ramEnd: return endRAMAccess(p, at: &t)
    case .handlerEnd: return endFaultHandling(p, at: t)
    }
    return true
  }

  /// `p`'s request completed at `time`. Returns true when the process thinks on its own core,
  /// with `time` advanced to the end of its think time and its next step `.issue`; false when it
  /// exited or waits for a CPU of the pool.
  mutating func completeRequest(_ p: Int, at time: inout SimTime) -> Bool {
    latest = max(latest, time)
    let g = Int(processes[p].group)
    if time >= warmup {
      processes[p].tally.add(
        to: &groupTallies[g], isWrite: processes[p].isWrite, bytes: processes[p].requestSize,
        latency: (time - processes[p].requestStart).picoseconds)
      completedAfterWarmup += 1
      if completedAfterWarmup >= stopRequests { stopRequested = true }
    }
    processes[p].requestsLeft -= 1
    if processes[p].requestsLeft <= 0 {
      exitProcess(p, at: time)
      return false
    } else if hasCPUPool {
      releaseCPU(p, at: time)
      processes[p].phase = .readyToThink
      requestCPU(p, at: time)
      return false
    }
    time = endOfThinking(p, from: time)
    return true
  }

  // MARK: - The access path

  /// The TLB `p` uses: its CPU's with a CPU pool, else its own.
  @inline(__always)
  func tlbIndex(of p: Int) -> Int { hasCPUPool ? Int(processes[p].cpu) : p }

  /// The TLB key of `p`'s page `vpn` (tagged with `p` when entries carry ASIDs).
  @inline(__always)
  func tlbKey(_ p: Int, vpn: Int64) -> UInt64 { TLB.key(vpn: vpn, asid: tlbTagged ? p : 0) }

  /// The virtual address `p`'s current access reaches: the request's own address on its first
  /// page, the page's start on the others.
  func accessedAddress(_ p: Int) -> Int64 {
    let vpn = processes[p].page
    return vpn == processes[p].requestVA >> pageShift ? processes[p].requestVA : vpn << pageShift
  }

  /// Step 1 of a page access, at its start `t`: the TLB lookup (none without a TLB). A hit goes on
  /// to RAM with the frame the TLB holds; a miss starts the walk, whose upper levels are read now
  /// (only `p`'s own faults ever change them, and `p` is in this access) and whose leaf is examined
  /// when the walk ends. Advances `t` to the next step's time.
  @inline(__always)
  mutating func lookUp(_ p: Int, at t: inout SimTime) {
    let vpn = processes[p].page
    let retrying = processes[p].retrying
    if !retrying {
      if Frames.needsFuture { processes[p].nextUse = nextUse(of: p) }
      processes[p].tally.accesses += 1
      if Log.isEnabled {
        log.beginAccess(pid: p, time: t, va: accessedAddress(p), vpn: vpn, isWrite: processes[p].isWrite)
      }
    }
    let tlbIndex = tlbIndex(of: p)
    if tlbs[tlbIndex].isPresent {
      t = later(t, latency.tlb())
      let key = tlbKey(p, vpn: vpn)
      if let frame = tlbs[tlbIndex].lookup(key, vpn: vpn) {
        processes[p].tally.tlbHits += 1
        if Log.isEnabled && !retrying { log.tlbLookup(pid: p, hit: true) }
        t = later(t, latency.ram())
        processes[p].inFlightFrame = frame
        processes[p].step = .ramEnd
        return
      }
      processes[p].tally.tlbMisses += 1
      if Log.isEnabled && !retrying { log.tlbLookup(pid: p, hit: false) }
    }
    processes[p].tally.pageWalks += 1
    if hasWalkCache {
      processes[p].leaf = cachedWalk(p, vpn: vpn, cache: tlbIndex, at: &t)
    } else {
      // One entry per level, charged in full even when an upper level is not present.
      processes[p].tally.pteReads += levels
      for _ in 0..<levels { t = later(t, latency.ram()) }
      processes[p].leaf = walk(p, vpn: vpn)
    }
    processes[p].step = .walkEnd
  }

  /// Step 2, at the end of a walk: the leaf entry's present bit is examined now. Present: the TLB
  /// is filled and the access goes on to RAM. Not present: the fault handler runs.
  @inline(__always)
  mutating func endWalk(_ p: Int, at t: inout SimTime) {
    let leaf = processes[p].leaf
    if leaf >= 0 {
      let value = pageTable.entries[leaf]
      if Log.isEnabled {
        log.pageTableEntry(pid: p, level: 1, address: pageTable.address(ofEntry: leaf), value: value)
      }
      if value & PageTable.present != 0 {
        let frame = Int32(truncatingIfNeeded: frameNumber(ofLeaf: value))
        pageTable.entries[leaf] = value | PageTable.accessed
        let tlbIndex = tlbIndex(of: p)
        if tlbs[tlbIndex].isPresent {
          let vpn = processes[p].page
          tlbs[tlbIndex].insert(tlbKey(p, vpn: vpn), vpn: vpn, frame: frame)
        }
        t = later(t, latency.ram())
        processes[p].inFlightFrame = frame
        processes[p].step = .ramEnd
        return
      }
    }
    t = later(t, latency.fault())
    processes[p].step = .handlerEnd
  }

  /// Step 3 of a fault, when its handler ends: build any missing tables down to the leaf, then take
  /// a frame (`allocateFrame`). Returns true when the page was mapped without I/O and the retry
  /// starts at `t`.
  @inline(never)
  mutating func endFaultHandling(_ p: Int, at t: SimTime) -> Bool {
    if processes[p].leaf < 0 { processes[p].leaf = pageTable.leafEntry(process: p, vpn: processes[p].page) }
    guard allocateFrame(p, at: t) else { return false }
    processes[p].retrying = true
    processes[p].step = .lookup
    return true
  }

  /// The last step, when the access's RAM access ends at `t`: the reference (`reference`), then
  /// the request's next page, or its completion. Returns whether another step follows, with `t`
  /// advanced to its time (a think time's end, after a completion).
  @inline(__always)
  mutating func endRAMAccess(_ p: Int, at t: inout SimTime) -> Bool {
    reference(p, frame: processes[p].inFlightFrame, at: t)
    if processes[p].page == processes[p].lastPage { return completeRequest(p, at: &t) }
    processes[p].page += 1
    processes[p].retrying = false
    processes[p].step = .lookup
    return true
  }

  /// Reads the upper-level page-table entries of `vpn`, top level first; the leaf's index, or -1
  /// if an upper level is not present.
  mutating func walk(_ p: Int, vpn: Int64) -> Int {
    if Log.isEnabled { log.beginWalk(pid: p) }
    var table = pageTable.roots[p]
    var level = pageTable.levels
    while true {
      let e = pageTable.entryIndex(table: table, vpn: vpn, level: level)
      if level == 1 { return e }
      let value = pageTable.entries[e]
      if Log.isEnabled {
        log.pageTableEntry(pid: p, level: level, address: pageTable.address(ofEntry: e), value: value)
      }
      if value & PageTable.present == 0 { return -1 }
      table = pageTable.childTable(of: value)
      level -= 1
    }
  }

  /// A walk behind the page-walk caches of `cache`: starts below the lowest cached upper-level
  /// entry, charges one RAM access per entry actually read (in full down to the leaf, even past a
  /// non-present upper entry), and caches the present upper-level entries it reads. Returns the
  /// leaf's index, or -1 if an upper level is not present.
  mutating func cachedWalk(_ p: Int, vpn: Int64, cache: Int, at t: inout SimTime) -> Int {
    let asid = tlbTagged ? p : 0
    var table = pageTable.roots[p]
    var level = pageTable.levels
    if let hit = walkCaches[cache].lookup(vpn: vpn, asid: asid) {
      processes[p].tally.walkCacheHits += 1
      table = hit.table
      level = hit.level
    }
    processes[p].tally.pteReads += Int64(level)
    for _ in 0..<level { t = later(t, latency.ram()) }
    if Log.isEnabled { log.beginWalk(pid: p) }
    while true {
      let e = pageTable.entryIndex(table: table, vpn: vpn, level: level)
      if level == 1 { return e }
      let value = pageTable.entries[e]
      if Log.isEnabled {
        log.pageTableEntry(pid: p, level: level, address: pageTable.address(ofEntry: e), value: value)
      }
      if value & PageTable.present == 0 { return -1 }
      table = pageTable.childTable(of: value)
      walkCaches[cache].insert(level: level, vpn: vpn, asid: asid, table: table)
      level -= 1
    }
  }

  func frameNumber(ofLeaf value: UInt64) -> Int {
    let field = value & PageTable.addressMask
    return pageShift >= 12 ? Int(field >> UInt64(pageShift)) : Int(field >> 12)
  }

  /// The access reached RAM in `frame` at `t`: mark the page dirty on a write, tell the policy,
  /// and close the access. A page evicted while the RAM access was in flight (its frame now belongs
  /// to another page, or to none) changes no state: the access completes on the frame it was
  /// translated to. Only `p`'s own fault could map this page into the frame again, and `p` is in
  /// this access, so the frame's owner and page tell.
  @inline(__always)
  mutating func reference(_ p: Int, frame: Int32, at t: SimTime) {
    let f = Int(frame)
    let vpn = processes[p].page
    if frameOwner[f] == Int32(p) && frameVPN[f] == vpn {
      if processes[p].isWrite { pageTable.entries[frameLeaf[f]] |= PageTable.dirty | PageTable.accessed }
      if processes[p].retrying {
        admitFaultedPage(p, frame: frame, at: t)
      } else {
        allocator.didAccess(FrameNumber(frame), pageReference(p, at: t))
        // A working set may have shrunk: a suspended process may fit again.
        if Frames.controlsLoad && !suspendedQueue.isEmpty { resumeSuspended(at: t) }
      }
    }
    if Log.isEnabled {
      let va = accessedAddress(p)
      let offset = UInt64(va & ((1 << pageShift) - 1))
      log.endAccess(pid: p, time: t, frame: f, physicalAddress: UInt64(f) << UInt64(pageShift) | offset)
    }
  }

  /// The reference `p`'s current page access makes at `time`, as the allocator and policy see it:
  /// with the access's next use when the policy needs the future.
  @inline(__always)
  func pageReference(_ p: Int, at time: SimTime) -> PageReference {
    PageReference(
      page: PageKey(process: p, vpn: processes[p].page), isWrite: processes[p].isWrite, time: time,
      nextUse: Frames.needsFuture ? processes[p].nextUse : .max)
  }

  /// The next use of the page access `p` is starting, pulled from its stream (`Int64.max` where
  /// its future is unknown). A stream that cannot be read ends the run; `Simulation.run` throws.
  mutating func nextUse(of p: Int) -> Int64 {
    do throws(TraceError) {
      return try futures[p]?.next()?.nextUse ?? .max
    } catch {
      if futureFailure == nil { futureFailure = error }
      stopRequested = true
      return .max
    }
  }
}
