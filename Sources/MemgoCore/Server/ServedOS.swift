/// The OS that `memgo serve` runs for real client processes: the same `MemoryManager` the
/// simulator drives, called back to back for each page a request touches, with real bytes: a
/// physical memory of frames × pageSize bytes, a real swap file (`SwapFile`), and each page's
/// content moved between them on evictions and faults (README, "memgo as a client-server OS").
///
/// Requests are served one at a time, in arrival order (one kernel lock), so a fault's I/O ends
/// before the next request starts and no frame is ever locked between requests. Time is the
/// model's: each request starts when the previous one ended, and its page accesses are charged
/// the machine's latencies (TLB, walk, fault handling, disk read and write-back, RAM); the disk
/// never queues. Process slots are reused after an exit, with their address space cleared.
struct ServedOS<Frames: FrameAllocator>: ~Copyable {
  var os: MemoryManager<Frames, PageRecordLog>
  /// Physical memory: frame f is `memory[f × pageSize ..< (f + 1) × pageSize]`.
  let memory: UnsafeMutableRawBufferPointer
  var swap: SwapFile
  let pageSize: Int
  let pageShift: Int
  /// The process in each slot, nil when the slot is free.
  var processes: [ServedProcess?]
  /// Processes waiting to be admitted (scope `local`), in arrival order.
  var admissionQueue: [Int] = []
  /// Pages whose write-back failed: kept in memory (never lost) until their process exits.
  var unwritten: [UInt64: [UInt8]] = [:]
  /// The end of the last request: the session's simulated time.
  var clock = SimTime.zero
  /// Each distinct process name's tally, in order of first spawn.
  var groupNames: [String] = []
  var groupTallies: [RunTally] = []
  var requestsServed: Int64 = 0
  /// Where every page access is recorded as a plain trace line (`--record`), if anywhere.
  var recorder: TraceRecorder?

  /// The OS of `machine` with room for `maximumProcesses` processes at once, swapping to `swap`.
  init(machine: MachineConfig, maximumProcesses: Int, swap: consuming SwapFile, seed: UInt64) {
    os = MemoryManager(
      machine: machine, processCount: maximumProcesses, tlbsPerCPU: false,
      policySeed: StreamID(seed: seed, replication: 0, group: -1, instance: 0, purpose: .policy).hash,
      latencyRandom: RandomStreams.machine(seed: seed, replication: 0, purpose: .machine), log: PageRecordLog())
    pageSize = machine.pageSize
    pageShift = machine.pageSize.trailingZeroBitCount
    memory = .allocate(byteCount: machine.frames * machine.pageSize, alignment: 4096)
    memory.initializeMemory(as: UInt8.self, repeating: 0)
    self.swap = swap
    processes = Array(repeating: nil, count: maximumProcesses)
  }

  deinit {
    memory.deallocate()
  }

  // MARK: - Processes

  /// The largest address space the page tables map: 9 bits of page number per level.
  var addressSpaceLimit: Int64 {
    let bits = 9 * os.pageTable.levels + pageShift
    return bits >= 62 ? Int64(1) << 62 : Int64(1) << bits
  }

  /// What `spawn` did.
  enum Spawned: Equatable {
    /// The process runs, with this pid.
    case running(Int)
    /// The process waits to be admitted (its frame quota is not free); `admitted` names it later.
    case waiting(Int)
  }

  /// A new process named `name` with `addressSpace` bytes of virtual memory.
  mutating func spawn(name: String, addressSpace: Int64) throws(ServerError) -> Spawned {
    guard let pid = processes.firstIndex(where: { $0 == nil }) else {
      throw .request("the process table is full (\(processes.count) processes; see --max-clients)")
    }
    let group: Int
    if let g = groupNames.firstIndex(of: name) {
      group = g
    } else {
      group = groupNames.count
      groupNames.append(name)
      groupTallies.append(RunTally())
    }
    os.clearAddressSpace(of: pid)
    let admitted = Frames.scope != .local || os.allocator.admit(pid)
    processes[pid] = ServedProcess(name: name, group: group, addressSpace: addressSpace, admitted: admitted)
    if admitted { return .running(pid) }
    admissionQueue.append(pid)
    groupTallies[group].admissionWaits += 1
    return .waiting(pid)
  }

  /// Process `pid` exits: its frames, swap slots and unwritten pages are freed. Returns the
  /// waiting processes admitted now that its quota is free, in arrival order.
  mutating func exit(_ pid: Int) -> [Int] {
    guard let process = processes[pid] else { return [] }
    if process.admitted {
      for f in os.frameTable.frames(of: pid) {
        memory[f * pageSize..<(f + 1) * pageSize].initializeMemory(as: UInt8.self, repeating: 0)
      }
      _ = os.exit(pid)
    } else {
      admissionQueue.removeAll { $0 == pid }
    }
    swap.release(pid: pid)
    for key in unwritten.keys where Int(key >> 48) == pid { unwritten[key] = nil }
    processes[pid] = nil
    var admitted: [Int] = []
    while let next = admissionQueue.first, os.allocator.admit(next) {
      admissionQueue.removeFirst()
      processes[next]?.admitted = true
      admitted.append(next)
    }
    return admitted
  }

  // MARK: - Requests

  /// Process `pid` writes `bytes` at `va`; returns one record per page touched.
  mutating func write(pid: Int, va: Int64, bytes: [UInt8]) throws(ServerError) -> [PageRecord] {
    var copy = bytes
    let outcome = copy.withUnsafeMutableBytes { buffer in
      Result { () throws(ServerError) in try access(pid: pid, va: va, size: Int64(bytes.count), isWrite: true, data: buffer) }
    }
    return try outcome.get()
  }

  /// Process `pid` reads `size` bytes at `va`; returns them and one record per page touched.
  mutating func read(pid: Int, va: Int64, size: Int64) throws(ServerError) -> ([UInt8], [PageRecord]) {
    var data = [UInt8](repeating: 0, count: Int(size))
    let outcome = data.withUnsafeMutableBytes { buffer in
      Result { () throws(ServerError) in try access(pid: pid, va: va, size: size, isWrite: false, data: buffer) }
    }
    return (data, try outcome.get())
  }

  /// One request: the page accesses of `size` bytes at `va`, each through the memory manager's
  /// phases back to back, moving the bytes between `data` and the frames.
  mutating func access(
    pid: Int, va: Int64, size: Int64, isWrite: Bool, data: UnsafeMutableRawBufferPointer
  ) throws(ServerError) -> [PageRecord] {
    guard let process = processes[pid], process.admitted else {
      throw .request("the process is waiting to be admitted")
    }
    guard size > 0 else { throw .request("size: expected at least 1 byte") }
    let (end, overflow) = va.addingReportingOverflow(size)
    guard va >= 0, !overflow, end <= process.addressSpace else {
      throw .segmentationFault(
        "\(size) byte(s) at 0x\(String(UInt64(bitPattern: va), radix: 16)) are outside the address space "
          + "(0x0 to 0x\(String(process.addressSpace, radix: 16)))")
    }
    let firstPage = va >> pageShift
    let lastPage = (end - 1) >> pageShift
    // Refuse, before any state changes, a request whose write-backs might find no swap slot: each
    // page not mapped now may evict a dirty page that has none.
    let missing = (firstPage...lastPage).count { !os.pageTable.isPresent(process: pid, vpn: $0) }
    if os.frameTable.freeCount < missing && !swap.hasRoom(for: missing) {
      throw .swapFull("swap is full (\(swap.capacity) slots of \(pageSize) bytes): no room to write back a page")
    }
    var a = AccessState(pid: Int32(pid))
    let start = clock
    var t = start
    var failure: ServerError?
    var offset = 0
    for vpn in firstPage...lastPage {
      a.begin(page: vpn, requestVA: va, isWrite: isWrite)
      if let error = translate(&a, at: &t) { failure = failure ?? error }
      _ = os.reference(&a, at: t)
      let frameStart = Int(a.inFlightFrame) * pageSize
      let pageOffset = vpn == firstPage ? Int(va & Int64(pageSize - 1)) : 0
      let count = min(pageSize - pageOffset, data.count - offset)
      let frameBytes = UnsafeMutableRawBufferPointer(rebasing: memory[frameStart + pageOffset..<frameStart + pageOffset + count])
      let requestBytes = UnsafeMutableRawBufferPointer(rebasing: data[offset..<offset + count])
      if isWrite { frameBytes.copyMemory(from: UnsafeRawBufferPointer(requestBytes)) } else {
        requestBytes.copyMemory(from: UnsafeRawBufferPointer(frameBytes))
      }
      recorder?.record(pid: pid, isWrite: isWrite, address: vpn == firstPage ? va : vpn << pageShift, size: count)
      offset += count
    }
    clock = t
    requestsServed += 1
    if InternalChecks.isEnabled && InternalChecks.isCheckedStep(Int64(requestsServed)) {
      InternalChecks.verify(os.invariantViolation(hasExited: { processes[$0] == nil }, inFlight: { _, _ in false }), in: "served OS after request \(requestsServed)")
    }
    let g = process.group
    a.tally.add(to: &groupTallies[g], isWrite: isWrite, bytes: size, latency: (t - start).picoseconds)
    if let failure { throw failure }
    return os.log.take()
  }

  /// The translation of `a` from its start at `t` to the start of its RAM access: the TLB, the
  /// walk and, on a fault, the handler, the write-back of a dirty victim and the page-in, with the
  /// bytes moved and `t` advanced by each step's latency. Returns a failure to reach the swap file
  /// (the page concerned stays in memory: `unwritten`), which fails the request after it is done.
  mutating func translate(_ a: inout AccessState, at t: inout SimTime) -> ServerError? {
    var failure: ServerError?
    while !os.lookUp(&a, tlb: Int(a.pid), at: &t) && !os.endWalk(&a, tlb: Int(a.pid), at: &t) {
      var shootdowns: Int64 = 0
      let outcome = os.handleFault(&a, at: t, shootdowns: &shootdowns)
      let g = processes[Int(a.pid)]!.group
      groupTallies[g].tlbShootdowns += shootdowns
      let frame = Int(a.faultFrame)
      let bytes = UnsafeMutableRawBufferPointer(rebasing: memory[frame * pageSize..<(frame + 1) * pageSize])
      var restoredUnwritten = false
      switch outcome {
      case .mapped:
        // A clean victim's bytes are on swap already (or it was never written): zero the frame.
        bytes.initializeMemory(as: UInt8.self, repeating: 0)
      case .needsIO(let writeBack, let read):
        if writeBack, let victim = os.log.current.victim {
          a.tally.diskWrites += 1
          let service = os.latency.diskWrite()
          groupTallies[g].diskBusy += Double(service)
          t = t.later(by: service)
          do throws(ServerError) {
            try swap.write(pid: victim.pid, vpn: victim.vpn, from: UnsafeRawBufferPointer(bytes))
          } catch {
            unwritten[SwapFile.key(pid: victim.pid, vpn: victim.vpn)] = Array(bytes)
            failure = error
          }
        }
        if read {
          a.tally.diskReads += 1
          let service = os.latency.diskRead()
          groupTallies[g].diskBusy += Double(service)
          t = t.later(by: service)
          if let kept = unwritten.removeValue(forKey: SwapFile.key(pid: Int(a.pid), vpn: a.page)) {
            // Back in memory, and still to be written: its next eviction writes it back again.
            bytes.copyBytes(from: kept)
            restoredUnwritten = true
          } else {
            do throws(ServerError) {
              try swap.read(pid: Int(a.pid), vpn: a.page, into: bytes)
            } catch {
              bytes.initializeMemory(as: UInt8.self, repeating: 0)
              failure = error
            }
          }
        } else {
          bytes.initializeMemory(as: UInt8.self, repeating: 0)
        }
        os.mapFaultedPage(&a)
        if restoredUnwritten { os.pageTable.entries[a.leaf] |= PageTable.dirty }
      case .waitForFrame, .suspend:
        preconditionFailure("no frame is locked between requests, and load control is refused at start")
      }
      a.retrying = true
    }
    return failure
  }

  // MARK: - Measurement

  /// The session so far as a run's result: one group per process name.
  func result() -> RunResult {
    var machine = RunTally()
    for tally in groupTallies { machine.add(tally) }
    var result = RunResult(
      machine: machine, groups: groupTallies, simulatedTime: clock, diskChannels: 1, cpuCount: 1,
      events: requestsServed, hasTLB: os.tlbs.first?.isPresent ?? false)
    // One kernel lock: the CPU is busy whenever it is not waiting for the disk.
    let cpu = max(0, Double(clock.picoseconds) - machine.diskBusy)
    result.machine.cpuBusy = cpu
    return result
  }
}

/// A process `memgo serve` runs for one client connection.
struct ServedProcess: Equatable {
  var name: String
  /// Its name's index among the session's process names.
  var group: Int
  var addressSpace: Int64
  /// False while it waits to be admitted.
  var admitted: Bool
}
