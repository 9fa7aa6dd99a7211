/// Fixed local allocation (`scope: local`): each process owns `frameQuota` frames and replaces only
/// its own pages, with its own instance of the replacement policy (Silberschatz, Galvin and Gagne,
/// *Operating System Concepts*, 10th ed., §10.5.3; Tanenbaum, *Modern Operating Systems*, §3.5.1).
///
/// A process is admitted when the frames not yet reserved cover its quota; until then it waits, in
/// arrival order, and a finishing process returns its quota. An admitted process takes free frames
/// until it holds its quota (the reservation guarantees there are enough), then every fault
/// evicts the victim its own policy chooses among its own frames.
///
/// Each process's policy runs over slots `0 ..< quota`; the slot of each machine frame is kept
/// here, so the policy's per-frame arrays are sized by the quota, not by the machine, and the
/// per-access call is one array lookup plus the policy's own work, statically dispatched.
struct LocalAllocator<Policy: ReplacementPolicy>: FrameAllocator {
  static var scope: AllocationScope { .local }
  static var controlsLoad: Bool { false }
  static var needsFuture: Bool { Policy.needsFuture }
  /// Frames per process.
  let quota: Int
  let configuration: ReplacementConfig
  let seed: UInt64
  /// Frames not reserved by an admitted process.
  private(set) var unreserved: Int
  /// Each admitted process's policy over its slots; nil before admission and after release.
  var partitions: [Policy?]
  /// Each process's machine frame in each of its slots, in the order it took them.
  var slotFrames: [[Int32]]
  /// Each machine frame's slot in its owner's partition, or -1.
  var slotOf: [Int32]

  init(frameCount: Int, processCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    quota = configuration.frameQuota.frames(frameCount: frameCount, processCount: processCount)
    self.configuration = configuration
    self.seed = seed
    unreserved = frameCount
    partitions = Array(repeating: nil, count: processCount)
    slotFrames = Array(repeating: [], count: processCount)
    slotOf = Array(repeating: -1, count: frameCount)
  }

  mutating func admit(_ process: Int) -> Bool {
    guard unreserved >= quota else { return false }
    unreserved -= quota
    let processSeed = SplitMix64.mix(seed &+ UInt64(truncatingIfNeeded: process + 1) &* SplitMix64.increment)
    partitions[process] = Policy(frameCount: quota, configuration: configuration, seed: processSeed)
    slotFrames[process].reserveCapacity(quota)
    return true
  }

  mutating func release(_ process: Int) {
    guard partitions[process] != nil else { return }
    unreserved += quota
    partitions[process] = nil
    for frame in slotFrames[process] { slotOf[Int(frame)] = -1 }
    slotFrames[process] = []
  }

  mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let p = reference.page.process
    var slot = slotOf[frame.index]
    if slot < 0 {
      slot = Int32(slotFrames[p].count)
      slotFrames[p].append(frame.rawValue)
      slotOf[frame.index] = slot
    }
    partitions[p]?.didLoad(FrameNumber(slot), reference)
  }

  @inline(__always) mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    partitions[reference.page.process]?.didAccess(FrameNumber(slotOf[frame.index]), reference)
  }

  mutating func decide(for reference: PageReference, freeFrames: Int) -> FrameDecision {
    let p = reference.page.process
    if slotFrames[p].count < quota {
      // Below its quota: the reservation leaves a free frame for it.
      return freeFrames > 0 ? .takeFree : .waitForIO
    }
    guard let slot = partitions[p]?.selectVictim(for: reference) else { return .waitForIO }
    return .replace(FrameNumber(slotFrames[p][slot.index]))
  }

  mutating func didFree(_ frame: FrameNumber, process: Int) {
    let slot = slotOf[frame.index]
    if slot >= 0 { partitions[process]?.didFree(FrameNumber(slot)) }
  }

  func residentCount(_ process: Int) -> Int { slotFrames[process].count }

  /// What is inconsistent, or nil: each admitted process's policy, its slots (at most its quota,
  /// each frame's slot pointing back), none for a process not admitted, and the reservations.
  func invariantViolation() -> String? {
    var admitted = 0
    for process in partitions.indices {
      guard let policy = partitions[process] else {
        if !slotFrames[process].isEmpty { return "process \(process) is not admitted but holds slots" }
        continue
      }
      admitted += 1
      if let problem = policy.invariantViolation() { return "process \(process): \(problem)" }
      guard slotFrames[process].count <= quota else { return "process \(process) holds \(slotFrames[process].count) slots, quota \(quota)" }
      for (slot, frame) in slotFrames[process].enumerated() where slotOf[Int(frame)] != Int32(slot) {
        return "process \(process)'s slot \(slot) is frame \(frame), whose slot is \(slotOf[Int(frame)])"
      }
    }
    let slotted = slotOf.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    let slots = slotFrames.reduce(0) { $0 + $1.count }
    guard slotted == slots else { return "\(slotted) frames record a slot, the processes hold \(slots) slots" }
    let reserved = admitted * quota
    return unreserved + reserved == slotOf.count ? nil
      : "\(unreserved) unreserved and \(reserved) reserved frames of \(slotOf.count)"
  }

  func isCandidate(_ frame: FrameNumber, process: Int) -> Bool {
    let slot = slotOf[frame.index]
    return slot >= 0 && partitions[process]?.isCandidate(FrameNumber(slot)) == true
  }
}
