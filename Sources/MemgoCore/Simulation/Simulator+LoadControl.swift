/// Admission (scope `local`) and the load controller (scopes `workingset` and `pff`): processes
/// that wait for their quota, and processes suspended while the working sets exceed memory.
extension Simulator {
  // MARK: - Admission

  /// Admits waiting processes in arrival order while the allocator can reserve their quota.
  mutating func admitWaiting(at time: SimTime) {
    while let next = admissionQueue.first, allocator.admit(Int(next)) {
      _ = admissionQueue.dequeue()
      queue.insert(SimEvent(.admitted, process: next), at: time)
    }
  }

  // MARK: - Suspension

  /// Load control: `p` faulted with memory full of working sets, so it is suspended and swapped
  /// out. Its clean pages are freed at once; its dirty pages are written to disk in one operation
  /// and their frames freed when it completes. It will be resumed, retrying its access, once free
  /// and reclaimable frames cover its working set plus the page it faulted on.
  mutating func suspend(_ p: Int, at time: SimTime) {
    if time >= warmup { groupTallies[Int(processes[p].group)].suspensions += 1 }
    processes[p].resumeNeed = allocator.residentCount(p) + 1
    processes[p].phase = .swappingOut
    yieldProcessor(p, at: time)
    var dirty: Int64 = 0
    for f in frameOwner.indices where frameOwner[f] == Int32(p) {
      allocator.didFree(FrameNumber(f), process: p)
      if unmap(frame: f, by: p, at: time) {
        dirty += 1  // stays owned by p, so unavailable, until written
      } else {
        freeFrame(f, at: time)
      }
    }
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
      for f in frameOwner.indices where frameOwner[f] == Int32(p) { freeFrame(f, at: time) }
    }
    processes[p].phase = .suspended
    suspendedQueue.enqueue(Int32(p))
    resumeSuspended(at: time)
  }

  /// Resumes suspended processes in suspension order while free and reclaimable frames cover what
  /// the next one needs.
  mutating func resumeSuspended(at time: SimTime) {
    while let next = suspendedQueue.first,
      freeFrames.count + allocator.reclaimable >= processes[Int(next)].resumeNeed
    {
      _ = suspendedQueue.dequeue()
      queue.insert(SimEvent(.unsuspended, process: next), at: time)
    }
  }
}
