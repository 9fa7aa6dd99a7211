/// The fault path: frame allocation, eviction, disk I/O and mapping the page in.
extension Simulator {
  /// Takes a free frame or a victim for `p`'s fault at `time` (the end of its handling, or a frame
  /// wait) and starts the I/O it needs. Returns true when the page is mapped at once (a minor
  /// fault with no write-back) and the access is to be retried at `time`; false when the process
  /// blocked. `woken` says that `p` was waiting for a frame and a frame became available.
  mutating func allocateFrame(_ p: Int, at time: SimTime, woken: Bool = false) -> Bool {
    var frame: Int32
    var victimDirty = false
    let reference = pageReference(p, at: time)
    switch allocator.decide(for: reference, freeFrames: freeFrames.count) {
    case .takeFree:
      guard let free = freeFrames.popLast() else {
        preconditionFailure("the allocator took a frame from an empty pool")
      }
      frame = free
    case .replace(let victim):
      frame = victim.rawValue
      victimDirty = evict(frame: Int(frame), for: p, at: time)
    case .waitForIO:
      // Every frame is in I/O: wait until a page-in completes or a process exits.
      processes[p].phase = .waitingForFrame
      frameWaiters.enqueue(Int32(p))
      yieldProcessor(p, at: time)
      return false
    case .suspend:
      guard Frames.controlsLoad else { preconditionFailure("only the load-controlling scopes suspend") }
      suspend(p, at: time)
      // A woken waiter that is suspended instead leaves the frame it was woken for: the next
      // waiter may take it.
      if woken, let waiter = frameWaiters.dequeue() {
        queue.insert(SimEvent(.frameAvailable, process: waiter), at: time)
      }
      return false
    }
    let f = Int(frame)
    let leaf = processes[p].leaf
    frameOwner[f] = Int32(p)
    frameVPN[f] = processes[p].page
    frameLeaf[f] = leaf
    processes[p].faultFrame = frame
    let major = !zeroFill || pageTable.entries[leaf] & PageTable.touched != 0
    processes[p].faultIsMajor = major
    if major { processes[p].tally.majorFaults += 1 } else { processes[p].tally.minorFaults += 1 }
    if Log.isEnabled { log.fault(pid: p, time: time, vpn: processes[p].page, major: major) }

    if victimDirty || major {
      processes[p].readAfterWrite = victimDirty && major
      processes[p].phase = .blockedOnDisk
      yieldProcessor(p, at: time)
      submitDisk(p, isWrite: victimDirty, at: time)
      return false
    }
    // A minor fault without write-back: no I/O, the access is retried at once.
    mapFaultedPage(p, at: time)
    return true
  }

  /// `p`'s page is mapped after a wait: retry the access, on a CPU from the pool if there is one.
  mutating func resumeAfterFault(_ p: Int, at time: SimTime) {
    processes[p].retrying = true
    processes[p].step = .lookup
    if hasCPUPool {
      processes[p].phase = .readyToRetry
      requestCPU(p, at: time)
    } else {
      processes[p].phase = .accessing
      startRunning(p, at: time)
      advance(p, at: time)
    }
  }

  /// `p` blocks: it stops running and, with a CPU pool, gives its CPU to the next in line.
  mutating func yieldProcessor(_ p: Int, at time: SimTime) {
    if hasCPUPool { releaseCPU(p, at: time) } else { stopRunning(p, at: time) }
  }

  /// Evicts the page in `frame` for process `p`'s fault; returns whether it was dirty.
  mutating func evict(frame f: Int, for p: Int, at time: SimTime) -> Bool {
    let owner = Int(frameOwner[f])
    let vpn = frameVPN[f]
    let dirty = unmap(frame: f, by: p, at: time)
    processes[p].tally.evictions += 1
    if dirty { processes[p].tally.dirtyEvictions += 1 }
    if Log.isEnabled {
      writeBackVPNs[p] = vpn
      log.evict(pid: p, time: time, victimPid: owner, victimVPN: vpn, frame: f, dirty: dirty)
    }
    return dirty
  }

  /// Unmaps the page in frame `f` (its leaf entry keeps only the "touched" bit) and shoots its
  /// translation down on every TLB that may hold it: with a CPU pool, every CPU that last ran its
  /// owner, or every CPU when entries are tagged; else its owner's own TLB. Invalidated entries are
  /// counted as shootdowns of `p`, the process whose action caused them. Returns whether the page
  /// was dirty.
  mutating func unmap(frame f: Int, by p: Int, at time: SimTime) -> Bool {
    let owner = Int(frameOwner[f])
    let vpn = frameVPN[f]
    let leaf = frameLeaf[f]
    let dirty = pageTable.entries[leaf] & PageTable.dirty != 0
    pageTable.entries[leaf] = PageTable.touched
    let key = tlbKey(owner, vpn: vpn)
    var invalidated: Int64 = 0
    if hasCPUPool {
      for c in tlbs.indices where cpus.lastProcess[c] == Int32(owner) || tlbTagged {
        if tlbs[c].invalidate(key, vpn: vpn) { invalidated += 1 }
      }
    } else if tlbs[owner].invalidate(key, vpn: vpn) {
      invalidated = 1
    }
    if invalidated > 0 && time >= warmup { groupTallies[Int(processes[p].group)].tlbShootdowns += invalidated }
    return dirty
  }

  /// Maps the faulted page of `p` into its frame (the PTE becomes present). The frame stays locked,
  /// out of the policy's sight, until the retried access has used it (`admitFaultedPage`).
  mutating func mapFaultedPage(_ p: Int, at time: SimTime) {
    let frame = Int(processes[p].faultFrame)
    let leaf = processes[p].leaf
    pageTable.entries[leaf] =
      PageTable.frameField(frame: frame, pageSize: scenario.machine.pageSize)
      | PageTable.present | PageTable.writable | PageTable.touched
  }

  /// The retried access of `p`'s fault reached RAM at `time`: its frame is unlocked and handed to
  /// the policy, the page's load. A frame is locked from the moment a fault takes it until the
  /// access it was loaded for has used it (the lock bit of Silberschatz, Galvin and Gagne,
  /// *Operating System Concepts*, 10th ed., §10.9.6), so that no other process's fault can evict
  /// it in the window between the end of its I/O and the retry's walk: with one frame and two
  /// processes, each would otherwise evict the other's page before it is used, forever.
  mutating func admitFaultedPage(_ p: Int, frame: Int32, at time: SimTime) {
    assert(frame == processes[p].faultFrame, "a retried access reached another frame than its fault's")
    allocator.didLoad(FrameNumber(frame), pageReference(p, at: time))
    // A frame is evictable again: one waiter may proceed.
    if let waiter = frameWaiters.dequeue() {
      queue.insert(SimEvent(.frameAvailable, process: waiter), at: time)
    }
    if Frames.controlsLoad && !suspendedQueue.isEmpty { resumeSuspended(at: time) }
  }

  // MARK: - Disk

  /// Queues a disk operation for `p` (a write-back when `isWrite`, else a page read).
  mutating func submitDisk(_ p: Int, isWrite: Bool, at time: SimTime) {
    processes[p].diskIsWrite = isWrite
    processes[p].diskEnqueued = time
    if isWrite {
      let pages = Frames.controlsLoad && processes[p].swapOutPages > 0 ? processes[p].swapOutPages : 1
      processes[p].tally.diskWrites += pages
    } else {
      processes[p].tally.diskReads += 1
    }
    if disk.hasFreeChannel {
      startDisk(p, at: time)
    } else {
      disk.account(until: time, measuredFrom: warmup)
      disk.enqueue(Int32(p))
    }
  }

  mutating func startDisk(_ p: Int, at time: SimTime) {
    disk.seize()
    var service = processes[p].diskIsWrite ? latency.diskWrite() : latency.diskRead()
    // A swap-out writes every dirty page of the process in one operation.
    if Frames.controlsLoad && processes[p].diskIsWrite && processes[p].swapOutPages > 1 {
      for _ in 1..<processes[p].swapOutPages {
        let (sum, overflow) = service.addingReportingOverflow(latency.diskWrite())
        service = overflow ? Self.horizon.picoseconds : sum
      }
    }
    processes[p].diskStarted = time
    processes[p].inDiskService = true
    processes[p].tally.diskWait += (time - processes[p].diskEnqueued).picoseconds
    queue.insert(SimEvent(.diskDone, process: Int32(p)), at: later(time, service))
  }

  /// Event handler: `p`'s disk operation completed.
  mutating func diskOperationDone(_ p: Int, at time: SimTime) {
    disk.release()
    processes[p].inDiskService = false
    accountDiskBusy(p, until: time)
    // A swap-out writes many pages at once; the log's disk lines are about one page.
    if Log.isEnabled && !(Frames.controlsLoad && processes[p].phase == .swappingOut) {
      log.disk(
        pid: p, time: time, isWrite: processes[p].diskIsWrite,
        vpn: processes[p].diskIsWrite ? writeBackVPNs[p] : processes[p].page,
        frame: Int(processes[p].faultFrame), wait: processes[p].diskStarted - processes[p].diskEnqueued,
        service: time - processes[p].diskStarted)
    }
    disk.account(until: time, measuredFrom: warmup)
    if let next = disk.dequeue() { startDisk(Int(next), at: time) }
    if Frames.controlsLoad && processes[p].phase == .swappingOut {
      finishSwapOut(p, at: time)
      return
    }
    if processes[p].readAfterWrite {
      processes[p].readAfterWrite = false
      submitDisk(p, isWrite: false, at: time)
      return
    }
    mapFaultedPage(p, at: time)
    resumeAfterFault(p, at: time)
  }

  /// Adds the measured part of `p`'s disk service, up to `time`, to its group's busy integral.
  mutating func accountDiskBusy(_ p: Int, until time: SimTime) {
    let from = max(processes[p].diskStarted, warmup)
    if time > from {
      groupTallies[Int(processes[p].group)].diskBusy += Double((time - from).picoseconds)
    }
  }
}
