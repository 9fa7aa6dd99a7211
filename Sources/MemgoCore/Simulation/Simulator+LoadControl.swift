/// Admission (scope `local`) and the load controller (scopes `workingset` and `pff`): processes
/// that wait for their quota, and processes suspended while the working sets exceed memory
/// (Denning, "Thrashing: its causes and prevention", AFIPS FJCC 1968; docs/fidelity.md).
extension Simulator {
  // MARK: - Admission

  /// Admits waiting processes in arrival order while the allocator can reserve their quota.
  mutating func admitWaiting(at time: SimTime) {
    while let next = admissionQueue.first, os.allocator.admit(Int(next)) {
      _ = admissionQueue.dequeue()
      queue.insert(SimEvent(.admitted, process: next), at: time)
    }
  }

  // MARK: - Suspension

  /// Frames kept free of resumed working sets, so that the working sets' fluctuations do not
  /// suspend a process right after another was resumed: 1/32 of memory (none below 32 frames).
  var resumeReserve: Int { os.frameCount / 32 }

  /// Load control: `p` faulted with memory full of working sets, so it is suspended and swapped
  /// out. Its clean pages are freed at once; its dirty pages are written to disk in one operation
  /// and their frames freed when it completes. It will be resumed, retrying its access, once free
  /// and reclaimable frames cover its working set plus the page it faulted on (and the reserve).
  mutating func suspend(_ p: Int, at time: SimTime) {
    if time >= warmup { groupTallies[Int(processes[p].group)].suspensions += 1 }
    suspendedCount += 1
    // It needs room for its working set and the faulting page; a process suspended before its
    // working set was fully reloaded keeps the larger need of an earlier suspension, so that it
    // is not resumed only to be suspended again as it reloads. Never more than memory.
    let need = max(processes[p].resumeNeed, os.allocator.residentCount(p) + 1)
    processes[p].resumeNeed = min(need, os.frameCount - resumeReserve)
    processes[p].phase = .swappingOut
    yieldProcessor(p, at: time)
    var shootdowns: Int64 = 0
    let (freed, dirty) = os.swapOut(p, shootdowns: &shootdowns)
    countShootdowns(shootdowns, by: p, at: time)
    for _ in 0..<freed { wakeFrameWaiter(at: time) }
    if dirty > 0 {
      processes[p].swapOutPages = dirty
      submitDisk(p, isWrite: true, at: time)
    } else {
      finishSwapOut(p, at: time)
    }
  }

  /// `p`'s swap-out is complete: its remaining frames are freed and it waits for room.
  mutating func finishSwapOut(_ p: Int, at time: SimTime) {
    if processes[p].swapOutPages > 0 {
      processes[p].swapOutPages = 0
      for _ in 0..<os.freeFrames(of: p) { wakeFrameWaiter(at: time) }
    }
    processes[p].phase = .suspended
    suspendedQueue.enqueue(Int32(p))
    resumeSuspended(at: time)
  }

  /// Resumes suspended processes in suspension order while free and reclaimable frames, less the
  /// reserve, cover what the next one needs. Frames that processes resumed earlier still need to
  /// reload their working sets are spoken for: without that, one free frame too many would resume
  /// every waiter at once. When no other process is left running, the next one resumes whatever
  /// the room, so that the run always goes on.
  mutating func resumeSuspended(at time: SimTime) {
    guard let first = suspendedQueue.first else { return }
    if activeProcesses == suspendedCount {
      resume(first, at: time)
      return
    }
    var room = os.frameTable.freeCount + os.allocator.reclaimable - resumeReserve
    if room < processes[Int(first)].resumeNeed { return }
    var k = 0
    while k < reloading.count {
      let q = Int(reloading[k])
      let missing = processes[q].resumeNeed - os.allocator.residentCount(q)
      let phase = processes[q].phase
      if missing <= 0 || phase == .suspended || phase == .swappingOut || phase == .finished {
        reloading.swapAt(k, reloading.count - 1)
        reloading.removeLast()
      } else {
        room -= missing
        k += 1
      }
    }
    while let next = suspendedQueue.first, room >= processes[Int(next)].resumeNeed {
      room -= processes[Int(next)].resumeNeed
      resume(next, at: time)
    }
  }

  /// Takes `p`, the head of the suspended queue, out of it; it retries its access at `time`.
  mutating func resume(_ p: Int32, at time: SimTime) {
    _ = suspendedQueue.dequeue()
    suspendedCount -= 1
    if !reloading.contains(p) { reloading.append(p) }
    queue.insert(SimEvent(.unsuspended, process: p), at: time)
  }
}
