/// The discrete-event driver of one run of one scenario point: processes issuing memory requests
/// at random intervals to the machine's memory manager (`MemoryManager`, the OS model that
/// `memgo serve` runs too), with the queueing the machine adds around it: a paging disk with its
/// channels, an optional CPU pool, frame waits, admission and load control (README, "Model
/// semantics"; docs/fidelity.md).
///
/// The driver owns the clock and the event queue. Each phase of a page access is a call into the
/// memory manager at its own simulated time; the driver schedules the next phase, and a process
/// runs ahead inline for as long as its next step is strictly earlier than every pending event,
/// which is exactly the order the queue would impose. Events are 8-byte values in an
/// `EventQueue`; per-process state lives in a flat buffer allocated once and freed by `deinit`
/// (the driver is noncopyable, so the buffer has exactly one owner).
public struct Simulator<Frames: FrameAllocator, Log: EventLog>: ~Copyable {
  // MARK: - Configuration
  let scenario: Scenario
  let pageShift: Int
  let warmup: SimTime
  /// The end of time for this run: `stop.time`, or a horizon far beyond any sensible run.
  let stopTime: SimTime
  let stopRequests: Int64
  let hasCPUPool: Bool
  let groupNames: [String]

  // MARK: - State
  /// The machine's memory management: page tables, TLBs, frame table, allocator, latencies, log.
  var os: MemoryManager<Frames, Log>
  var queue = EventQueue<SimEvent>(minimumCapacity: 64)
  let processes: UnsafeMutableBufferPointer<SimProcess>
  /// Processes waiting for a frame to be unlocked, in arrival order.
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
  let intervalSamplers: [DistributionSampler]
  let sizeSamplers: [DistributionSampler]
  let writeFractions: [Double]
  let addressSpaces: [Int64]
  /// The memo of each zipf process's page permutation (`AccessGenerator.nextAddress(size:rng:zipfPages:)`),
  /// slices of `zipfPageStorage`; nil for the other processes and beyond `zipfMemoBudget`.
  let zipfPages: [UnsafeMutablePointer<Int32>?]
  let zipfPageStorage: UnsafeMutableBufferPointer<Int32>
  /// The most permutation entries memoized in one run (16 MiB).
  static var zipfMemoBudget: Int64 { 1 << 22 }
  /// The open trace of each trace-driven process (nil for the others), opened by the caller
  /// (`ProcessTraces.open`).
  var traces: [AnyTraceReader?]
  /// Each process's next-use stream when the policy needs the future (`Frames.needsFuture`; nil for
  /// a process whose future is unknown), else empty.
  var futures: [FuturePageStream?]
  /// The first failure to read a trace or a next-use stream: it ends the run, and `Experiment.run`
  /// throws it (a trace that fails to read is an error, never an early end of the trace).
  var readFailure: TraceError?

  // MARK: - Measurement
  /// Each process group's tally, in a buffer freed by `deinit` (updated on every completion).
  let groupTallies: UnsafeMutableBufferPointer<RunTally>
  var completedAfterWarmup: Int64 = 0
  var activeProcesses = 0
  var stopRequested = false
  /// The latest time anything happened: an event, or a request completed inline after one.
  var latest = SimTime.zero
  var events: Int64 = 0

  /// Prepares replication `replication` of `scenario`, logging to `log`. `traces` holds each
  /// process's open trace (`ProcessTraces.open`), `futures` its next-use stream when the policy
  /// needs the future (`ProcessFutures.prepare`).
  init(
    scenario: Scenario, replication: Int, log: Log, traces: [AnyTraceReader?],
    futures: [FuturePageStream?] = []
  ) {
    self.scenario = scenario
    let machine = scenario.machine
    pageShift = machine.pageSize.trailingZeroBitCount
    warmup = scenario.warmup
    stopTime = min(scenario.stop.time ?? SimTime.horizon, SimTime.horizon)
    stopRequests = Int64(scenario.stop.requests ?? Int.max)
    hasCPUPool = machine.cpus != nil

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
            generator: AccessGenerator(
              pattern: group.access, addressSpace: group.addressSpace, pageSize: Int64(machine.pageSize),
              seed: StreamID(seed: seed, replication: replication, group: g, instance: i, purpose: .pattern).hash),
            access: AccessState(pid: Int32(processList.count))))
      }
    }
    precondition(traces.count == processList.count, "one trace slot per process")
    self.traces = traces
    precondition(!Frames.needsFuture || futures.count == traces.count, "the policy needs every process's future")
    self.futures = futures
    groupNames = scenario.processes.map(\.name)
    let processCount = processList.count
    var memoOffsets: [Int?] = []
    var memoEntries: Int64 = 0
    for process in processList {
      let count = process.generator.zipfPageCount
      if count > 0 && memoEntries + count <= Self.zipfMemoBudget {
        memoOffsets.append(Int(memoEntries))
        memoEntries += count
      } else {
        memoOffsets.append(nil)
      }
    }
    let storage = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Int(max(1, memoEntries)))
    storage.initialize(repeating: 0)
    zipfPageStorage = storage
    zipfPages = memoOffsets.map { offset in offset.map { storage.baseAddress! + $0 } }
    processes = MemoryManager<Frames, Log>.buffer(processList)
    os = MemoryManager(
      machine: machine, processCount: processCount, tlbsPerCPU: machine.cpus != nil,
      policySeed: StreamID(seed: seed, replication: replication, group: -1, instance: 0, purpose: .policy).hash,
      latencyRandom: RandomStreams.machine(seed: seed, replication: replication, purpose: .machine), log: log)
    disk = DiskQueue(channels: machine.disk.channels)
    cpus = CPUPool(count: machine.cpus ?? 0)
    intervalSamplers = scenario.processes.map { DistributionSampler($0.interval) }
    sizeSamplers = scenario.processes.map { DistributionSampler($0.size) }
    writeFractions = scenario.processes.map(\.writeFraction)
    addressSpaces = scenario.processes.map(\.addressSpace)
    groupTallies = MemoryManager<Frames, Log>.buffer(Array(repeating: RunTally(), count: scenario.processes.count))
  }

  deinit {
    processes.deinitialize().deallocate()
    zipfPageStorage.deallocate()
    groupTallies.deinitialize().deallocate()
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
      if InternalChecks.isEnabled && InternalChecks.isCheckedStep(events) {
        InternalChecks.verify(invariantViolation(), in: "simulator after event \(events)")
      }
      if stopRequested { break }
    }
    return finish(at: latest)
  }

  /// What is inconsistent, or nil (`InternalChecks`): the event queue, causality (no pending
  /// event is earlier than the latest thing that happened), and the machine.
  func invariantViolation() -> String? {
    if let problem = queue.invariantViolation() { return "event queue: \(problem)" }
    if queue.nextTime < latest { return "an event is pending at \(queue.nextTime), before \(latest), when the run has reached" }
    // I/O is pending on a frame while its owner waits for its fault's disk operations, or writes
    // its dirty pages out after load control swapped it out.
    return os.invariantViolation(
      hasExited: { processes[$0].phase == .finished },
      inFlight: { f, owner in
        let phase = processes[owner].phase
        return phase == .swappingOut || (phase == .blockedOnDisk && processes[owner].access.faultFrame == f)
      })
  }

  mutating func handle(_ event: SimEvent, at time: SimTime) {
    let p = Int(event.process)
    switch event.kind {
    case .start:
      if Frames.scope == .local && !os.allocator.admit(p) {
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
    return time.later(by: delay)
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
      guard let reference = nextReference(of: p) else {
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
      va = processes[p].generator.nextAddress(size: size, rng: &addressRandom, zipfPages: zipfPages[p])
      processes[p].addressRandom = addressRandom
      isWrite = processes[p].writeRandom.nextDouble() < writeFractions[g]
    }
    processes[p].phase = .accessing
    processes[p].requestStart = time
    processes[p].requestSize = size
    processes[p].lastPage = (va + size - 1) >> pageShift
    processes[p].access.begin(page: va >> pageShift, requestVA: va, isWrite: isWrite)
    processes[p].access.tally = RequestTally()
    processes[p].step = .lookup
    return true
  }

  /// Runs `p`'s steps from `time` (its page accesses, and the requests that follow its think
  /// times) until the process blocks, exits or waits for a CPU. Each step happens at its own
  /// simulated time (README, "Model semantics": causality); a step runs inline only when it is strictly earlier than
  /// every pending event, where nothing else can happen before it, and otherwise is scheduled as a
  /// `.resume` event, so that every other event in between sees the state of its own time. The
  /// tests compare this with a driver that makes every step an event (`ReferenceEngine`).
  mutating func advance(_ p: Int, at time: SimTime) {
    var t = time
    while performStep(p, at: &t) {
      if stopRequested { return }
      if t >= queue.nextTime || t > stopTime {
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
  @inline(__always)
  mutating func completeRequest(_ p: Int, at time: inout SimTime) -> Bool {
    latest = max(latest, time)
    let g = Int(processes[p].group)
    if time >= warmup {
      processes[p].access.tally.add(
        to: &groupTallies[g], isWrite: processes[p].access.isWrite, bytes: processes[p].requestSize,
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

  /// Step 1 of a page access, at its start `t`: the TLB lookup, or the walk after a miss
  /// (`MemoryManager.lookUp`). Advances `t` to the next step's time.
  @inline(__always)
  mutating func lookUp(_ p: Int, at t: inout SimTime) {
    if Frames.needsFuture && !processes[p].access.retrying { processes[p].access.nextUse = nextUse(of: p) }
    let hit = os.lookUp(&processes[p].access, tlb: tlbIndex(of: p), at: &t)
    processes[p].step = hit ? .ramEnd : .walkEnd
  }

  /// Step 2, at the end of a walk: the TLB filled and on to RAM, or the fault handler
  /// (`MemoryManager.endWalk`).
  @inline(__always)
  mutating func endWalk(_ p: Int, at t: inout SimTime) {
    let mapped = os.endWalk(&processes[p].access, tlb: tlbIndex(of: p), at: &t)
    processes[p].step = mapped ? .ramEnd : .handlerEnd
  }

  /// Step 3 of a fault, when its handler ends: take a frame (`allocateFrame`). Returns true when
  /// the page was mapped without I/O and the retry starts at `t`.
  @inline(never)
  mutating func endFaultHandling(_ p: Int, at t: SimTime) -> Bool {
    guard allocateFrame(p, at: t) else { return false }
    processes[p].access.retrying = true
    processes[p].step = .lookup
    return true
  }

  /// The last step, when the access's RAM access ends at `t`: the reference, then the request's
  /// next page, or its completion. Returns whether another step follows, with `t` advanced to its
  /// time (a think time's end, after a completion).
  @inline(__always)
  mutating func endRAMAccess(_ p: Int, at t: inout SimTime) -> Bool {
    switch os.reference(&processes[p].access, at: t) {
    case .evictedInFlight:
      break
    case .referenced:
      // A working set may have shrunk: a suspended process may fit again.
      if Frames.controlsLoad && !suspendedQueue.isEmpty { resumeSuspended(at: t) }
    case .admitted:
      // A frame is evictable again: one waiter may proceed.
      wakeFrameWaiter(at: t)
      if Frames.controlsLoad && !suspendedQueue.isEmpty { resumeSuspended(at: t) }
    }
    if processes[p].access.page == processes[p].lastPage { return completeRequest(p, at: &t) }
    processes[p].access.beginNextPage()
    processes[p].step = .lookup
    return true
  }

  /// The next reference of trace-driven process `p`, or nil at the end of its trace. A trace that
  /// cannot be read (it changed or failed since it was validated) ends the run; `Experiment.run`
  /// throws the error, with the file and line.
  mutating func nextReference(of p: Int) -> TraceReference? {
    do throws(TraceError) {
      return try traces[p]?.next()
    } catch {
      failRead(error)
      return nil
    }
  }

  /// The next use of the page access `p` is starting, pulled from its stream (`Int64.max` where
  /// its future is unknown). A stream that cannot be read ends the run; `Experiment.run` throws.
  mutating func nextUse(of p: Int) -> Int64 {
    do throws(TraceError) {
      return try futures[p]?.next()?.nextUse ?? .max
    } catch {
      failRead(error)
      return .max
    }
  }

  /// Records the run's first read failure and stops the run.
  mutating func failRead(_ error: TraceError) {
    if readFailure == nil { readFailure = error }
    stopRequested = true
  }
}
