/// The fault path: frame allocation, eviction, disk I/O and mapping the page in.
extension Simulator {
  /// The access of process `p` found its page not present at `t` (after the lookup and walk):
  /// charge the fault handling, then get a frame. `leaf` is the leaf entry the walk reached, or -1
  /// when an upper level was missing (the handler then builds the tables down to it). Returns true
  /// if the access completed inline (a minor fault with no write-back), false if the process
  /// blocked.
  mutating func pageFault(_ p: Int, leaf: Int, at t: inout SimTime) -> Bool {
    t = later(t, latency.fault())
    processes[p].faultLeaf = leaf >= 0 ? leaf : pageTable.leafEntry(process: p, vpn: processes[p].page)
    return allocateFrame(p, at: t, resumeInline: true, clock: &t)
  }

  /// Event handler: a frame may be available to `p`, which waits for one.
  mutating func allocateFrame(_ p: Int, at time: SimTime) {
    var t = time
    _ = allocateFrame(p, at: time, resumeInline: false, clock: &t)
  }

  /// After an access completed outside `advance` (woken from a frame wait), carry on with the request.
  mutating func advanceAfterAccess(_ p: Int, at t: SimTime) {
    if t > stopTime || stopRequested { return }
    if processes[p].page == processes[p].lastPage {
      completeRequest(p, at: t)
    } else {
      processes[p].page += 1
      processes[p].retrying = false
      queue.insert(SimEvent(.resume, process: Int32(p)), at: t)
    }
  }

  /// Takes a free frame or a victim for `p`'s fault at `time` and starts the I/O it needs.
  /// Returns true when the page is mapped and the retried access completed (advancing `clock`).
  mutating func allocateFrame(_ p: Int, at time: SimTime, resumeInline: Bool, clock: inout SimTime) -> Bool {
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
      return false
    }
    let f = Int(frame)
    let leaf = processes[p].faultLeaf
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
    mapFaultedPage(p, at: time)
    // A minor fault without write-back: no I/O, the access is retried at once.
    guard resumeInline else {
      resumeAfterFault(p, at: time)
      return false
    }
    processes[p].retrying = true
    clock = time
    return accessPage(p, at: &clock)
  }

  /// `p`'s page is mapped after a wait: retry the access, on a CPU from the pool if there is one.
  mutating func resumeAfterFault(_ p: Int, at time: SimTime) {
    processes[p].retrying = true
    if hasCPUPool {
      processes[p].phase = .readyToRetry
      requestCPU(p, at: time)
    } else {
      processes[p].phase = .accessing
      startRunning(p, at: time)
      var t = time
      if accessPage(p, at: &t) { advanceAfterAccess(p, at: t) }
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
    if Log.isEnabled { log.evict(pid: p, time: time, victimPid: owner, victimVPN: vpn, frame: f, dirty: dirty) }
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
    let key = TLB.key(vpn: vpn, asid: tlbTagged ? owner : 0)
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

  /// Maps the faulted page of `p` into its frame and hands the frame to the policy.
  mutating func mapFaultedPage(_ p: Int, at time: SimTime) {
    let frame = Int(processes[p].faultFrame)
    let leaf = processes[p].faultLeaf
    pageTable.entries[leaf] =
      PageTable.frameField(frame: frame, pageSize: scenario.machine.pageSize)
      | PageTable.present | PageTable.writable | PageTable.touched
    allocator.didLoad(FrameNumber(Int32(frame)), pageReference(p, at: time))
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
        pid: p, time: time, isWrite: processes[p].diskIsWrite, vpn: processes[p].page,
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
