@testable import MemgoCore

/// A discrete-event driver written for clarity, not speed, that the production `Simulator` is
/// compared with (`ReferenceEngineTests`): every step is its own event in a plain list searched
/// for its earliest entry (time, then scheduling order), every process is a record with a named
/// state, and nothing runs inline. It drives the same OS model (`MemoryManager`, whose phases
/// have their own tests) and draws from the same random streams in the same order, so that the
/// two must agree exactly: same event log line for line, same result.
///
/// The events: a process starts; its think time ends (the request is issued); each step of a
/// page access (TLB lookup, end of walk, end of fault handling, end of RAM access); a disk
/// operation ends; a CPU is granted; a frame may be free; a process is admitted or unsuspended.
/// A disk operation starts within the event that submits it (or the end of the one before it),
/// because its service time is drawn from the machine's random stream then; and an event that
/// wakes a process to retry its access makes the retry's TLB lookup itself.
struct ReferenceEngine<Frames: FrameAllocator, Log: EventLog>: ~Copyable {
  enum Kind { case start, thinkEnd, lookup, walkEnd, handlerEnd, ramEnd, diskDone, cpuGranted, frameAvailable, admitted, unsuspended }

  struct Event {
    var time: SimTime
    var order: Int
    var kind: Kind
    var pid: Int
  }

  enum State { case notStarted, waitingForCPUToThink, thinking, accessing, waitingForCPUToRetry, onDisk, waitingForFrame, waitingForAdmission, swappingOut, suspended, finished }

  struct Proc {
    var group: Int
    var state = State.notStarted
    var access: AccessState
    var requestsLeft: Int64
    var requestStart = SimTime.zero
    var requestSize: Int64 = 0
    var lastPage: Int64 = 0
    var intervalRandom: Xoshiro256StarStar
    var sizeRandom: Xoshiro256StarStar
    var addressRandom: Xoshiro256StarStar
    var writeRandom: Xoshiro256StarStar
    var generator: AccessGenerator
    var trace: AnyTraceReader?
    var future: FuturePageStream?
    var cpu = -1
    var runningSince: SimTime?
    var diskIsWrite = false
    var writeAfterwardsReads = false
    var diskEnqueued = SimTime.zero
    var diskStarted = SimTime.zero
    var inDiskService = false
    var swapOutPages: Int64 = 0
    var resumeNeed = 0
  }

  let scenario: Scenario
  var os: MemoryManager<Frames, Log>
  var events: [Event] = []
  var order = 0
  var procs: [Proc]
  var tallies: [RunTally]
  var disk: DiskQueue
  var idleCPUs: [Int]
  var cpuQueue: [Int] = []
  var frameWaiters: [Int] = []
  var admissionQueue: [Int] = []
  var suspendedQueue: [Int] = []
  var reloading: [Int] = []
  var suspendedCount = 0
  var active = 0
  var completed: Int64 = 0
  var stop = false
  var futureFailure: TraceError?

  var warmup: SimTime { scenario.warmup }
  var usesCPUPool: Bool { scenario.machine.cpus != nil }

  init(scenario: Scenario, replication r: Int, log: Log, futures: [FuturePageStream?]) {
    self.scenario = scenario
    let m = scenario.machine
    let seed = scenario.seed
    var list: [Proc] = []
    for (g, group) in scenario.processes.enumerated() {
      for i in 0..<group.count {
        func stream(_ purpose: StreamPurpose) -> Xoshiro256StarStar {
          RandomStreams.make(seed: seed, replication: r, group: g, instance: i, purpose: purpose)
        }
        var trace: AnyTraceReader?
        if case .trace(let path, let format) = group.access { trace = try? AnyTraceReader(path: path, format: format) }
        list.append(
          Proc(
            group: g, access: AccessState(pid: Int32(list.count)), requestsLeft: Int64(group.requests ?? Int.max),
            intervalRandom: stream(.interval), sizeRandom: stream(.size), addressRandom: stream(.address),
            writeRandom: stream(.write),
            generator: AccessGenerator(
              pattern: group.access, addressSpace: group.addressSpace, pageSize: Int64(m.pageSize),
              seed: StreamID(seed: seed, replication: r, group: g, instance: i, purpose: .pattern).hash),
            trace: trace, future: futures.isEmpty ? nil : futures[list.count]))
      }
    }
    procs = list
    os = MemoryManager(
      machine: m, processCount: list.count, tlbsPerCPU: m.cpus != nil,
      policySeed: StreamID(seed: seed, replication: r, group: -1, instance: 0, purpose: .policy).hash,
      latencyRandom: RandomStreams.machine(seed: seed, replication: r, purpose: .machine), log: log)
    tallies = Array(repeating: RunTally(), count: scenario.processes.count)
    disk = DiskQueue(channels: m.disk.channels)
    idleCPUs = Array((0..<(m.cpus ?? 0)).reversed())
  }

  // MARK: - The event list

  mutating func schedule(_ kind: Kind, _ pid: Int, at time: SimTime) {
    events.append(Event(time: time, order: order, kind: kind, pid: pid))
    order += 1
  }

  /// Removes and returns the earliest event (ties: the one scheduled first).
  mutating func next() -> Event? {
    guard var best = events.indices.first else { return nil }
    for i in events.indices where (events[i].time, events[i].order) < (events[best].time, events[best].order) { best = i }
    return events.remove(at: best)
  }

  mutating func run() -> RunResult {
    var pid = 0
    for group in scenario.processes {
      for _ in 0..<group.count {
        schedule(.start, pid, at: group.start)
        pid += 1
      }
    }
    active = procs.count
    let stopTime = min(scenario.stop.time ?? SimTime.horizon, SimTime.horizon)
    var end = SimTime.zero
    while let event = next() {
      if event.time > stopTime {
        end = stopTime
        break
      }
      end = max(end, event.time)
      handle(event)
      if stop { break }
    }
    return finish(at: end)
  }

  mutating func handle(_ e: Event) {
    let p = e.pid
    let t = e.time
    switch e.kind {
    case .start:
      if Frames.scope == .local && !os.allocator.admit(p) {
        procs[p].state = .waitingForAdmission
        admissionQueue.append(p)
        if t >= warmup { tallies[procs[p].group].admissionWaits += 1 }
      } else {
        begin(p, at: t)
      }
    case .admitted: begin(p, at: t)
    case .thinkEnd: issue(p, at: t)
    case .lookup: lookUp(p, at: t)
    case .walkEnd:
      var time = t
      let mapped = os.endWalk(&procs[p].access, tlb: tlb(p), at: &time)
      schedule(mapped ? .ramEnd : .handlerEnd, p, at: time)
    case .handlerEnd:
      if fault(p, at: t, woken: false) { retry(p, at: t) }
    case .frameAvailable:
      if fault(p, at: t, woken: true) { afterMapping(p, at: t) }
    case .ramEnd: endOfRAMAccess(p, at: t)
    case .diskDone: diskDone(p, at: t)
    case .cpuGranted:
      if procs[p].state == .waitingForCPUToRetry {
        procs[p].state = .accessing
        lookUp(p, at: t)
      } else {
        think(p, at: t)
      }
    case .unsuspended: afterMapping(p, at: t)
    }
  }

  func tlb(_ p: Int) -> Int { usesCPUPool ? procs[p].cpu : p }

  /// The TLB lookup step. An event that wakes a process to retry its access (its disk read, its
  /// frame or its CPU came) makes this step itself; every later step is an event of its own.
  mutating func lookUp(_ p: Int, at t: SimTime) {
    if Frames.needsFuture && !procs[p].access.retrying { procs[p].access.nextUse = nextUse(p) }
    var time = t
    let hit = os.lookUp(&procs[p].access, tlb: tlb(p), at: &time)
    schedule(hit ? .ramEnd : .walkEnd, p, at: time)
  }

  // MARK: - Requests

  mutating func begin(_ p: Int, at t: SimTime) {
    if usesCPUPool {
      procs[p].state = .waitingForCPUToThink
      wantCPU(p, at: t)
    } else {
      startRunning(p, at: t)
      think(p, at: t)
    }
  }

  mutating func think(_ p: Int, at t: SimTime) {
    procs[p].state = .thinking
    let delay = DistributionSampler(scenario.processes[procs[p].group].interval).sampleDuration(&procs[p].intervalRandom)
    schedule(.thinkEnd, p, at: t.later(by: delay))
  }

  mutating func issue(_ p: Int, at t: SimTime) {
    let group = scenario.processes[procs[p].group]
    let va: Int64
    let size: Int64
    let isWrite: Bool
    if procs[p].trace != nil {
      // A trace that fails to read ends the run with its error, as in the simulator.
      let next: TraceReference?
      do throws(TraceError) { next = try procs[p].trace?.next() } catch {
        if futureFailure == nil { futureFailure = error }
        next = nil
      }
      guard let reference = next else {
        exit(p, at: t)
        return
      }
      va = Int64(reference.address)
      size = Int64(reference.size)
      isWrite = reference.kind == .store || reference.kind == .modify
    } else {
      size = DistributionSampler(group.size).sampleSize(&procs[p].sizeRandom, maximum: group.addressSpace)
      var random = procs[p].addressRandom
      va = procs[p].generator.nextAddress(size: size, rng: &random)
      procs[p].addressRandom = random
      isWrite = procs[p].writeRandom.nextDouble() < group.writeFraction
    }
    let shift = scenario.machine.pageSize.trailingZeroBitCount
    procs[p].state = .accessing
    procs[p].requestStart = t
    procs[p].requestSize = size
    procs[p].lastPage = (va + size - 1) >> shift
    procs[p].access.begin(page: va >> shift, requestVA: va, isWrite: isWrite)
    procs[p].access.tally = RequestTally()
    schedule(.lookup, p, at: t)
  }

  mutating func endOfRAMAccess(_ p: Int, at t: SimTime) {
    let outcome = os.reference(&procs[p].access, at: t)
    if outcome == .admitted { wakeOneFrameWaiter(at: t) }
    if outcome != .evictedInFlight && Frames.controlsLoad && !suspendedQueue.isEmpty { resumeSuspended(at: t) }
    if procs[p].access.page < procs[p].lastPage {
      procs[p].access.beginNextPage()
      schedule(.lookup, p, at: t)
      return
    }
    let group = procs[p].group
    if t >= warmup {
      procs[p].access.tally.add(
        to: &tallies[group], isWrite: procs[p].access.isWrite, bytes: procs[p].requestSize,
        latency: (t - procs[p].requestStart).picoseconds)
      completed += 1
      if completed >= Int64(scenario.stop.requests ?? Int.max) { stop = true }
    }
    procs[p].requestsLeft -= 1
    if procs[p].requestsLeft <= 0 {
      exit(p, at: t)
    } else if usesCPUPool {
      releaseCPU(p, at: t)
      procs[p].state = .waitingForCPUToThink
      wantCPU(p, at: t)
    } else {
      think(p, at: t)
    }
  }

  mutating func nextUse(_ p: Int) -> Int64 {
    do throws(TraceError) {
      return try procs[p].future?.next()?.nextUse ?? .max
    } catch {
      if futureFailure == nil { futureFailure = error }
      stop = true
      return .max
    }
  }

  // MARK: - Faults and the disk

  /// The fault handler's decision at `t`; true when the page is mapped without I/O.
  mutating func fault(_ p: Int, at t: SimTime, woken: Bool) -> Bool {
    var shootdowns: Int64 = 0
    let outcome = os.handleFault(&procs[p].access, at: t, shootdowns: &shootdowns)
    if shootdowns > 0 && t >= warmup { tallies[procs[p].group].tlbShootdowns += shootdowns }
    switch outcome {
    case .mapped:
      return true
    case .needsIO(let writeBack, let read):
      procs[p].writeAfterwardsReads = writeBack && read
      procs[p].state = .onDisk
      block(p, at: t)
      submit(p, write: writeBack, at: t)
    case .waitForFrame:
      procs[p].state = .waitingForFrame
      frameWaiters.append(p)
      block(p, at: t)
    case .suspend:
      suspend(p, at: t)
      if woken { wakeOneFrameWaiter(at: t) }
    }
    return false
  }

  /// A fault mapped its page at `t` without I/O: the access is retried at once, on the same CPU.
  mutating func retry(_ p: Int, at t: SimTime) {
    procs[p].access.retrying = true
    schedule(.lookup, p, at: t)
  }

  /// The page is mapped after `p` waited (disk, frame, suspension): it retries on a CPU.
  mutating func afterMapping(_ p: Int, at t: SimTime) {
    procs[p].access.retrying = true
    if usesCPUPool {
      procs[p].state = .waitingForCPUToRetry
      wantCPU(p, at: t)
    } else {
      procs[p].state = .accessing
      startRunning(p, at: t)
      lookUp(p, at: t)
    }
  }

  mutating func submit(_ p: Int, write: Bool, at t: SimTime) {
    procs[p].diskIsWrite = write
    procs[p].diskEnqueued = t
    if write {
      procs[p].access.tally.diskWrites += Frames.controlsLoad && procs[p].swapOutPages > 0 ? procs[p].swapOutPages : 1
    } else {
      procs[p].access.tally.diskReads += 1
    }
    if disk.hasFreeChannel {
      startDisk(p, at: t)
    } else {
      disk.account(until: t, measuredFrom: warmup)
      disk.enqueue(Int32(p))
    }
  }

  mutating func startDisk(_ p: Int, at t: SimTime) {
    disk.seize()
    var service = procs[p].diskIsWrite ? os.latency.diskWrite() : os.latency.diskRead()
    if Frames.controlsLoad && procs[p].diskIsWrite && procs[p].swapOutPages > 1 {
      for _ in 1..<procs[p].swapOutPages {
        let (sum, overflow) = service.addingReportingOverflow(os.latency.diskWrite())
        service = overflow ? SimTime.horizon.picoseconds : sum
      }
    }
    procs[p].diskStarted = t
    procs[p].inDiskService = true
    procs[p].access.tally.diskWait += (t - procs[p].diskEnqueued).picoseconds
    schedule(.diskDone, p, at: t.later(by: service))
  }

  mutating func diskDone(_ p: Int, at t: SimTime) {
    disk.release()
    procs[p].inDiskService = false
    addDiskBusy(p, until: t)
    let swapping = Frames.controlsLoad && procs[p].state == .swappingOut
    if Log.isEnabled && !swapping {
      os.log.disk(
        pid: p, time: t, isWrite: procs[p].diskIsWrite,
        vpn: procs[p].diskIsWrite ? os.victimVPNs[p] : procs[p].access.page, frame: Int(procs[p].access.faultFrame),
        wait: procs[p].diskStarted - procs[p].diskEnqueued, service: t - procs[p].diskStarted)
    }
    disk.account(until: t, measuredFrom: warmup)
    if let next = disk.dequeue() { startDisk(Int(next), at: t) }
    if swapping {
      swapOutDone(p, at: t)
    } else if procs[p].writeAfterwardsReads {
      procs[p].writeAfterwardsReads = false
      submit(p, write: false, at: t)
    } else {
      os.mapFaultedPage(&procs[p].access)
      afterMapping(p, at: t)
    }
  }

  mutating func addDiskBusy(_ p: Int, until t: SimTime) {
    let from = max(procs[p].diskStarted, warmup)
    if t > from { tallies[procs[p].group].diskBusy += Double((t - from).picoseconds) }
  }

  mutating func wakeOneFrameWaiter(at t: SimTime) {
    if !frameWaiters.isEmpty { schedule(.frameAvailable, frameWaiters.removeFirst(), at: t) }
  }

  // MARK: - CPUs

  mutating func wantCPU(_ p: Int, at t: SimTime) {
    if let c = idleCPUs.popLast() { grant(c, to: p, at: t) } else { cpuQueue.append(p) }
  }

  mutating func grant(_ c: Int, to p: Int, at t: SimTime) {
    let change = os.switchContext(cpu: c, to: p)
    if change != .none && t >= warmup {
      tallies[procs[p].group].contextSwitches += 1
      if change == .flushed { tallies[procs[p].group].tlbFlushes += 1 }
    }
    procs[p].cpu = c
    startRunning(p, at: t)
    schedule(.cpuGranted, p, at: t)
  }

  mutating func releaseCPU(_ p: Int, at t: SimTime) {
    let c = procs[p].cpu
    guard c >= 0 else { return }
    stopRunning(p, at: t)
    procs[p].cpu = -1
    if cpuQueue.isEmpty { idleCPUs.append(c) } else { grant(c, to: cpuQueue.removeFirst(), at: t) }
  }

  /// `p` blocks: it leaves its CPU, or stops running on its own core.
  mutating func block(_ p: Int, at t: SimTime) {
    if usesCPUPool { releaseCPU(p, at: t) } else { stopRunning(p, at: t) }
  }

  mutating func startRunning(_ p: Int, at t: SimTime) {
    if procs[p].runningSince == nil { procs[p].runningSince = t }
  }

  mutating func stopRunning(_ p: Int, at t: SimTime) {
    guard let since = procs[p].runningSince else { return }
    procs[p].runningSince = nil
    let from = max(since, warmup)
    if t > from { tallies[procs[p].group].cpuBusy += Double((t - from).picoseconds) }
  }

  // MARK: - Exit, admission, load control

  mutating func exit(_ p: Int, at t: SimTime) {
    procs[p].state = .finished
    block(p, at: t)
    active -= 1
    for _ in 0..<os.exit(p) { wakeOneFrameWaiter(at: t) }
    procs[p].future = nil
    if Frames.scope == .local {
      while let first = admissionQueue.first, os.allocator.admit(first) {
        admissionQueue.removeFirst()
        schedule(.admitted, first, at: t)
      }
    }
    if Frames.controlsLoad { resumeSuspended(at: t) }
  }

  var reserve: Int { scenario.machine.frames / 32 }

  mutating func suspend(_ p: Int, at t: SimTime) {
    if t >= warmup { tallies[procs[p].group].suspensions += 1 }
    suspendedCount += 1
    procs[p].resumeNeed = min(
      max(procs[p].resumeNeed, os.allocator.residentCount(p) + 1), scenario.machine.frames - reserve)
    procs[p].state = .swappingOut
    block(p, at: t)
    var shootdowns: Int64 = 0
    let (freed, dirty) = os.swapOut(p, shootdowns: &shootdowns)
    if shootdowns > 0 && t >= warmup { tallies[procs[p].group].tlbShootdowns += shootdowns }
    for _ in 0..<freed { wakeOneFrameWaiter(at: t) }
    if dirty > 0 {
      procs[p].swapOutPages = dirty
      submit(p, write: true, at: t)
    } else {
      swapOutDone(p, at: t)
    }
  }

  mutating func swapOutDone(_ p: Int, at t: SimTime) {
    if procs[p].swapOutPages > 0 {
      procs[p].swapOutPages = 0
      for _ in 0..<os.freeFrames(of: p) { wakeOneFrameWaiter(at: t) }
    }
    procs[p].state = .suspended
    suspendedQueue.append(p)
    resumeSuspended(at: t)
  }

  /// Resumes suspended processes in order while the room (free and reclaimable frames, less the
  /// reserve and what resumed processes still need to reload) covers the next one's need; the
  /// first one whatever the room when no other process runs.
  mutating func resumeSuspended(at t: SimTime) {
    guard let first = suspendedQueue.first else { return }
    if active == suspendedCount {
      resume(at: t)
      return
    }
    var room = os.frameTable.freeCount + os.allocator.reclaimable - reserve
    guard room >= procs[first].resumeNeed else { return }
    reloading.removeAll { q in
      let done = procs[q].resumeNeed - os.allocator.residentCount(q) <= 0
      return done || [.suspended, .swappingOut, .finished].contains(procs[q].state)
    }
    for q in reloading { room -= procs[q].resumeNeed - os.allocator.residentCount(q) }
    while let next = suspendedQueue.first, room >= procs[next].resumeNeed {
      room -= procs[next].resumeNeed
      resume(at: t)
    }
  }

  mutating func resume(at t: SimTime) {
    let p = suspendedQueue.removeFirst()
    suspendedCount -= 1
    if !reloading.contains(p) { reloading.append(p) }
    schedule(.unsuspended, p, at: t)
  }

  mutating func finish(at end: SimTime) -> RunResult {
    for p in procs.indices {
      stopRunning(p, at: end)
      if procs[p].inDiskService { addDiskBusy(p, until: end) }
    }
    disk.account(until: end, measuredFrom: warmup)
    var machine = RunTally()
    for tally in tallies { machine.add(tally) }
    machine.diskQueued = disk.queuedIntegral
    if Log.isEnabled { os.log.finish() }
    return RunResult(
      machine: machine, groups: tallies, simulatedTime: end > warmup ? end - warmup : .zero,
      diskChannels: scenario.machine.disk.channels, cpuCount: scenario.machine.cpus ?? procs.count, events: 0,
      hasTLB: scenario.machine.tlb.entries > 0)
  }
}
