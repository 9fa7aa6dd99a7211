/// The fault path: frame allocation, eviction, disk I/O and mapping the page in.
extension Simulator {
  /// Runs `p`'s fault handler at `time` (the end of its handling, or a frame wait ending:
  /// `MemoryManager.handleFault`) and starts the I/O it needs. Returns true when the page is
  /// mapped at once (a minor fault with no write-back) and the access is to be retried at `time`;
  /// false when the process blocked. `woken` says that `p` was waiting for a frame and a frame
  /// became available.
  mutating func allocateFrame(_ p: Int, at time: SimTime, woken: Bool = false) -> Bool {
    var shootdowns: Int64 = 0
    let outcome = os.handleFault(&processes[p].access, at: time, shootdowns: &shootdowns)
    countShootdowns(shootdowns, by: p, at: time)
    switch outcome {
    case .mapped:
      return true
    case .needsIO(let writeBack, let read):
      processes[p].readAfterWrite = writeBack && read
      processes[p].phase = .blockedOnDisk
      yieldProcessor(p, at: time)
      submitDisk(p, isWrite: writeBack, at: time)
      return false
    case .waitForFrame:
      // Every frame is locked by I/O: wait until a page-in completes or a process exits.
      processes[p].phase = .waitingForFrame
      frameWaiters.enqueue(Int32(p))
      yieldProcessor(p, at: time)
      return false
    case .suspend:
      suspend(p, at: time)
      // A woken waiter that is suspended instead leaves the frame it was woken for: the next
      // waiter may take it.
      if woken { wakeFrameWaiter(at: time) }
      return false
    }
  }

  /// Counts TLB entries invalidated by `p`'s action at `time` as its group's shootdowns.
  mutating func countShootdowns(_ invalidated: Int64, by p: Int, at time: SimTime) {
    if invalidated > 0 && time >= warmup { groupTallies[Int(processes[p].group)].tlbShootdowns += invalidated }
  }

  /// A frame may have become available at `time`: the first process waiting for one proceeds.
  mutating func wakeFrameWaiter(at time: SimTime) {
    if let waiter = frameWaiters.dequeue() {
      queue.insert(SimEvent(.frameAvailable, process: waiter), at: time)
    }
  }

  /// `p`'s page is mapped after a wait: retry the access, on a CPU from the pool if there is one.
  mutating func resumeAfterFault(_ p: Int, at time: SimTime) {
    processes[p].access.retrying = true
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

  // MARK: - Disk

  /// Queues a disk operation for `p` (a write-back when `isWrite`, else a page read).
  mutating func submitDisk(_ p: Int, isWrite: Bool, at time: SimTime) {
    processes[p].diskIsWrite = isWrite
    processes[p].diskEnqueued = time
    if isWrite {
      let pages = Frames.controlsLoad && processes[p].swapOutPages > 0 ? processes[p].swapOutPages : 1
      processes[p].access.tally.diskWrites += pages
    } else {
      processes[p].access.tally.diskReads += 1
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
    var service = processes[p].diskIsWrite ? os.latency.diskWrite() : os.latency.diskRead()
    // A swap-out writes every dirty page of the process in one operation.
    if Frames.controlsLoad && processes[p].diskIsWrite && processes[p].swapOutPages > 1 {
      for _ in 1..<processes[p].swapOutPages {
        let (sum, overflow) = service.addingReportingOverflow(os.latency.diskWrite())
        service = overflow ? SimTime.horizon.picoseconds : sum
      }
    }
    processes[p].diskStarted = time
    processes[p].inDiskService = true
    processes[p].access.tally.diskWait += (time - processes[p].diskEnqueued).picoseconds
    queue.insert(SimEvent(.diskDone, process: Int32(p)), at: time.later(by: service))
  }

  /// Event handler: `p`'s disk operation completed.
  mutating func diskOperationDone(_ p: Int, at time: SimTime) {
    disk.release()
    processes[p].inDiskService = false
    accountDiskBusy(p, until: time)
    // A swap-out writes many pages at once; the log's disk lines are about one page.
    if Log.isEnabled && !(Frames.controlsLoad && processes[p].phase == .swappingOut) {
      let access = processes[p].access
      os.log.disk(
        pid: p, time: time, isWrite: processes[p].diskIsWrite,
        vpn: processes[p].diskIsWrite ? os.victimVPNs[p] : access.page,
        frame: Int(access.faultFrame), wait: processes[p].diskStarted - processes[p].diskEnqueued,
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
    os.mapFaultedPage(&processes[p].access)
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
