/// The state that variable-allocation scopes share (`WorkingSetAllocator`, `PFFAllocator`): each
/// process's resident set in recency order, each process's virtual time, each frame's last use in
/// its owner's virtual time, and the frames whose pages no process keeps any more.
///
/// Virtual time counts a process's own page references (Denning 1968: the working set is defined
/// on process time, so a process that waits for the disk or a CPU does not age its pages). A page
/// that leaves a resident set stays mapped and joins `released`, oldest first, as in the free page
/// list of VMS and WSClock: a reference by its owner takes it back without a fault, and otherwise
/// it is replaced (written back first if dirty) when some process needs a frame.
struct ResidentSets {
  /// The pages each process keeps, least recently used first.
  var sets: ProcessFrameLists
  /// Pages that left their resident set and are still mapped, oldest release first.
  var released: FrameList
  /// Each frame's last reference, in its owner's virtual time.
  var lastUse: [Int64]
  /// Each process's virtual time: the page references it has made.
  var clock: [Int64]

  init(frameCount: Int, processCount: Int) {
    sets = ProcessFrameLists(frameCount: frameCount, processCount: processCount)
    released = FrameList(frameCount: frameCount)
    lastUse = Array(repeating: 0, count: frameCount)
    clock = Array(repeating: 0, count: processCount)
  }

  /// Counts a reference of `process` to `frame` (loaded or resident): advances the process's virtual
  /// time, stamps the frame and makes it the most recently used of the process's set (taking it
  /// back from `released` if it had left). Returns the new virtual time.
  @inline(__always) mutating func reference(_ frame: Int, process: Int) -> Int64 {
    let now = clock[process] &+ 1
    clock[process] = now
    lastUse[frame] = now
    if sets.listOf[frame] == Int32(process) {
      sets.moveToBack(frame, of: process)
    } else {
      released.remove(FrameNumber(frame))
      sets.append(frame, to: process)
    }
    return now
  }

  /// Moves `process`'s pages last used at or before `time` (its virtual time) to `released`.
  mutating func release(_ process: Int, usedAtOrBefore time: Int64) {
    while let f = sets.first(of: process), lastUse[f] <= time {
      sets.remove(f)
      released.append(FrameNumber(f))
    }
  }

  /// `frame` leaves the machine's allocation (its owner exits or is swapped out).
  mutating func forget(_ frame: Int) {
    sets.remove(frame)
    released.remove(FrameNumber(frame))
  }

  /// The frame to give a process that may grow and finds no free frame: the oldest released page,
  /// else, when `process` is the only one keeping pages, its own least recently used page (there
  /// is nobody to suspend in its favour); `.waitForIO` when no frame is kept at all (every frame is
  /// in I/O); otherwise `.suspend`.
  mutating func growOrSuspend(_ process: Int) -> FrameDecision {
    if let f = released.popFirst() { return .replace(f) }
    if sets.nonEmpty == 0 { return .waitForIO }
    if sets.nonEmpty == 1, let own = sets.first(of: process) {
      sets.remove(own)
      return .replace(FrameNumber(own))
    }
    return .suspend
  }

  /// What is inconsistent in the sets, or nil: the resident sets and the released list are each
  /// consistent, and no frame is in both.
  func invariantViolation() -> String? {
    if let problem = sets.invariantViolation() { return "resident sets: \(problem)" }
    if let problem = released.invariantViolation() { return "released: \(problem)" }
    for f in lastUse.indices where sets.contains(f) && released.contains(FrameNumber(f)) {
      return "frame \(f) is both resident and released"
    }
    return nil
  }
}

/// A variable-allocation scope kept in `ResidentSets` (`WorkingSetAllocator`, `PFFAllocator`):
/// the frame bookkeeping such scopes share, written once. Each controls the load (a process whose
/// resident set cannot grow is suspended).
protocol ResidentSetAllocator: FrameAllocator {
  var resident: ResidentSets { get set }
}

extension ResidentSetAllocator {
  static var controlsLoad: Bool { true }

  mutating func didFree(_ frame: FrameNumber, process: Int) { resident.forget(frame.index) }

  var reclaimable: Int { resident.released.count }

  func residentCount(_ process: Int) -> Int { resident.sets.counts[process] }

  func invariantViolation() -> String? { resident.invariantViolation() }

  func isCandidate(_ frame: FrameNumber, process: Int) -> Bool {
    resident.sets.contains(frame.index) || resident.released.contains(frame)
  }
}
