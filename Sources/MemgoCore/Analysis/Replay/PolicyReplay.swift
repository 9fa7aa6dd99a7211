/// Replays a reference string against a replacement policy on a fixed number of frames, with no
/// timing: the fast path of `memgo trace` and `memgo explain`, and the harness of the policy tests.
///
/// Frames start empty (cold faults count). Each reference: if the page is resident (found through
/// a `PageFrameTable`), a hit, reported by `didAccess`; otherwise a fault: the page takes the
/// lowest-numbered free frame if there is one, else the frame of the victim that
/// `selectVictim(for:)` chooses (its dirty bit is noted), and `didLoad` reports it. A write sets
/// the page's dirty bit. The reference at index i (counting from 0) is passed the time
/// `SimTime(picoseconds: i)`, so time-based policy parameters count references.
///
/// `free` and `freeProcess` release frames as a process's exit would (`didFree`).
///
/// Memory is O(frames), whatever the length of the string.
public struct PolicyReplay<Policy: ReplacementPolicy> {
  /// The policy being driven.
  public private(set) var policy: Policy
  /// The number of frames.
  public let frames: Int
  /// Resident pages: page → frame.
  var resident: PageFrameTable
  /// What each frame holds. One array of small structs rather than one array per field: a fault
  /// updates one element, so one copy-on-write check and one cache line.
  var slots: [ReplayFrameSlot]
  var freeFrames: FrameBitset
  /// References replayed so far.
  public private(set) var references: Int64 = 0
  /// References that found their page resident.
  public private(set) var hits: Int64 = 0
  /// References that faulted (including cold faults).
  public private(set) var faults: Int64 = 0
  /// Pages evicted to make room.
  public private(set) var evictions: Int64 = 0
  /// Evicted pages that were dirty.
  public private(set) var dirtyEvictions: Int64 = 0

  /// Creates a replay on `frames` empty frames (`frames >= 1`; callers validate user input).
  public init(frames: Int, configuration: ReplacementConfig = ReplacementConfig(), seed: UInt64 = 0) {
    precondition(frames >= 1, "a replay needs at least one frame")
    self.frames = frames
    policy = Policy(frameCount: frames, configuration: configuration, seed: seed)
    // Twice the frames: the table stays at most a quarter full, so probe runs are short.
    resident = PageFrameTable(minimumCapacity: 2 * frames)
    slots = Array(repeating: ReplayFrameSlot(page: PageKey(rawValue: 0), occupied: false, dirty: false), count: frames)
    freeFrames = FrameBitset(capacity: frames, full: true)
  }

  /// Replays one reference to `page`; `nextUse` is the index of the page's next reference
  /// (`Int64.max` if none or unknown; only OPT reads it).
  @inline(__always)
  public mutating func reference(_ page: PageKey, isWrite: Bool = false, nextUse: Int64 = .max) -> ReplayStep {
    if InternalChecks.isEnabled && InternalChecks.isCheckedStep(references) {
      InternalChecks.verify(invariantViolation(), in: "replay of \(Policy.self) before reference \(references)")
    }
    let ref = PageReference(page: page, isWrite: isWrite, time: SimTime(picoseconds: references), nextUse: nextUse)
    references += 1
    if let f = resident[page] {
      hits += 1
      if isWrite { slots[f].dirty = true }
      policy.didAccess(FrameNumber(f), ref)
      return ReplayStep(hit: true, frame: FrameNumber(f))
    }
    faults += 1
    var step = ReplayStep(hit: false, frame: FrameNumber(0))
    let frame: Int
    if freeFrames.count > 0, let f = freeFrames.next(from: 0) {
      freeFrames.remove(f)
      frame = f
    } else {
      guard let v = policy.selectVictim(for: ref) else {
        preconditionFailure("\(Policy.self) chose no victim with all \(frames) frames resident")
      }
      frame = v.index
      precondition(
        frame >= 0 && frame < frames && slots[frame].occupied, "\(Policy.self) chose frame \(v), not resident")
      let victim = slots[frame]
      resident.removeValue(for: victim.page)
      evictions += 1
      if victim.dirty { dirtyEvictions += 1 }
      step.victim = victim.page
      step.victimDirty = victim.dirty
    }
    step.frame = FrameNumber(frame)
    slots[frame] = ReplayFrameSlot(page: page, occupied: true, dirty: isWrite)
    resident.set(frame, for: page)
    policy.didLoad(FrameNumber(frame), ref)
    return step
  }

  /// Releases `page`'s frame, as its process's exit would; returns the frame, or `nil` if the page
  /// was not resident.
  @discardableResult
  public mutating func free(_ page: PageKey) -> FrameNumber? {
    guard let f = resident.removeValue(for: page) else { return nil }
    slots[f].occupied = false
    slots[f].dirty = false
    freeFrames.insert(f)
    policy.didFree(FrameNumber(f))
    return FrameNumber(f)
  }

  /// Releases every frame of `process`, in frame order, as its exit would; returns how many.
  ///
  /// - Complexity: O(frames).
  @discardableResult
  public mutating func freeProcess(_ process: Int) -> Int {
    var released = 0
    for f in 0..<frames where slots[f].occupied && slots[f].page.process == process {
      free(slots[f].page)
      released += 1
    }
    return released
  }

  /// The page in `frame`, or `nil` if the frame is free.
  public func page(in frame: FrameNumber) -> PageKey? {
    slots[frame.index].occupied ? slots[frame.index].page : nil
  }

  /// Whether `page` is resident.
  public func isResident(_ page: PageKey) -> Bool { resident.contains(page) }

  /// How many frames hold a page.
  public var residentCount: Int { resident.count }

  /// faults / references (0 before any reference).
  public var faultRate: Double { references == 0 ? 0 : Double(faults) / Double(references) }

  /// What is inconsistent, or nil (`InternalChecks`): the resident table; each frame free or
  /// holding a page that the table maps to it, never both, and the policy's candidate exactly when
  /// it holds one; the counters; then the policy's own structures.
  public func invariantViolation() -> String? {
    if let problem = resident.invariantViolation() { return "resident table: \(problem)" }
    if let problem = freeFrames.invariantViolation() { return "free frames: \(problem)" }
    guard resident.count + freeFrames.count == frames else {
      return "\(resident.count) resident pages and \(freeFrames.count) free frames of \(frames)"
    }
    for f in 0..<frames {
      if slots[f].occupied == freeFrames.contains(f) { return "frame \(f) is \(slots[f].occupied ? "both occupied and free" : "neither occupied nor free")" }
      if slots[f].occupied && resident[slots[f].page] != f { return "frame \(f)'s page maps to frame \(resident[slots[f].page] as Any)" }
      // Every resident frame is the policy's candidate, and no free one (nothing is in flight).
      if slots[f].occupied != policy.isCandidate(FrameNumber(f)) {
        return "frame \(f) is \(slots[f].occupied ? "resident" : "free") but \(slots[f].occupied ? "not " : "")the policy's candidate"
      }
    }
    guard hits + faults == references, evictions <= faults, dirtyEvictions <= evictions else {
      return "counters: \(hits) hits + \(faults) faults of \(references) references, \(evictions) evictions, \(dirtyEvictions) dirty"
    }
    if let problem = policy.invariantViolation() { return "\(Policy.self): \(problem)" }
    return nil
  }
}

/// A frame of a `PolicyReplay`: its page, whether it holds one, and whether the page was written
/// since it was loaded. (Outside the generic type, so its array needs no runtime generic metadata.)
struct ReplayFrameSlot: Sendable {
  var page: PageKey
  var occupied: Bool
  var dirty: Bool
}
