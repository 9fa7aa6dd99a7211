/// Replays a reference string against a replacement policy on a fixed number of frames, with no
/// timing: the fast path of `memgo trace` and `memgo explain`, and the harness of the policy tests.
///
/// The machine's fault template with global allocation and no page tables: frames start empty
/// (cold faults count), and each reference to a page that is resident (found through a
/// `PageFrameTable`) is a hit, reported by `didAccess`; any other is a fault, which takes a frame
/// through `FaultHandler.takeFrame` (the free frame freed last, in order 0, 1, 2, … at first,
/// else the frame of the victim that `selectVictim(for:)` chooses, its dirty bit noted) from the
/// same `FrameTable` the memory manager keeps, and `didLoad` reports it. A write sets the page's
/// dirty bit. The reference at index i (counting from 0) is passed the time
/// `SimTime(picoseconds: i)`, so time-based policy parameters count references.
///
/// `free` and `freeProcess` release frames as a process's exit would (`didFree`).
///
/// Memory is O(frames), whatever the length of the string.
public struct PolicyReplay<Policy: ReplacementPolicy>: FaultHandler {
  /// Global replacement (`GlobalAllocator`): a free frame while there is one, else the policy's
  /// victim.
  var allocator: GlobalAllocator<Policy>
  /// The policy being driven.
  public var policy: Policy { allocator.policy }
  /// The number of frames.
  public let frames: Int
  /// Resident pages: page → frame.
  var resident: PageFrameTable
  /// What each frame holds, and the free frames.
  var frameTable: FrameTable
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
    allocator = GlobalAllocator(frameCount: frames, processCount: 1, configuration: configuration, seed: seed)
    // Twice the frames: the table stays at most a quarter full, so probe runs are short.
    resident = PageFrameTable(minimumCapacity: 2 * frames)
    frameTable = FrameTable(count: frames)
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
      if isWrite { frameTable.markDirty(f) }
      allocator.didAccess(FrameNumber(f), ref)
      return ReplayStep(hit: true, frame: FrameNumber(f))
    }
    faults += 1
    var step = ReplayStep(hit: false, frame: FrameNumber(0))
    var noShootdowns: Int64 = 0
    let frame: Int
    switch takeFrame(for: ref, owner: Int32(truncatingIfNeeded: page.process), vpn: page.vpn, leaf: -1, shootdowns: &noShootdowns) {
    case .free(let free):
      frame = free
    case .evicted(let evicted, let victim, let dirty):
      frame = evicted
      evictions += 1
      if dirty { dirtyEvictions += 1 }
      step.victim = victim.page
      step.victimDirty = dirty
    case .waitForIO, .suspend:
      preconditionFailure("\(Policy.self) chose no victim with all \(frames) frames resident")
    }
    step.frame = FrameNumber(frame)
    if isWrite { frameTable.markDirty(frame) }
    resident.set(frame, for: page)
    allocator.didLoad(FrameNumber(frame), ref)
    return step
  }

  /// The fault template's eviction: the victim leaves the resident table; its dirty bit is the
  /// frame table's (a replay has no page tables and no TLBs).
  mutating func unmap(frame f: Int, shootdowns: inout Int64) -> Bool {
    resident.removeValue(for: frameTable[f].page)
    return frameTable[f].dirty
  }

  /// Releases `page`'s frame, as its process's exit would; returns the frame, or `nil` if the page
  /// was not resident.
  @discardableResult
  public mutating func free(_ page: PageKey) -> FrameNumber? {
    guard let f = resident.removeValue(for: page) else { return nil }
    frameTable.release(f)
    allocator.didFree(FrameNumber(f), process: page.process)
    return FrameNumber(f)
  }

  /// Releases every frame of `process`, in frame order, as its exit would; returns how many.
  ///
  /// - Complexity: O(frames).
  @discardableResult
  public mutating func freeProcess(_ process: Int) -> Int {
    // A page's process is 0 ..< 2^24 (`PageKey`); -1 would name the free frames.
    guard process >= 0 && process < 1 << 24 else { return 0 }
    var released = 0
    for f in frameTable.frames(of: process) {
      free(frameTable[f].page)
      released += 1
    }
    return released
  }

  /// The page in `frame`, or `nil` if the frame is free.
  public func page(in frame: FrameNumber) -> PageKey? {
    frameTable[frame.index].owner >= 0 ? frameTable[frame.index].page : nil
  }

  /// Whether `page` is resident.
  public func isResident(_ page: PageKey) -> Bool { resident.contains(page) }

  /// How many frames hold a page.
  public var residentCount: Int { resident.count }

  /// faults / references (0 before any reference).
  public var faultRate: Double { references == 0 ? 0 : Double(faults) / Double(references) }

  /// What is inconsistent, or nil (`InternalChecks`): the resident table and the frame table;
  /// each frame free or holding a page that the resident table maps to it, and the policy's
  /// candidate exactly when it holds one; the counters; then the policy's own structures.
  public func invariantViolation() -> String? {
    if let problem = resident.invariantViolation() { return "resident table: \(problem)" }
    if let problem = frameTable.invariantViolation() { return "frame table: \(problem)" }
    guard resident.count + frameTable.freeCount == frames else {
      return "\(resident.count) resident pages and \(frameTable.freeCount) free frames of \(frames)"
    }
    for f in 0..<frames {
      let occupied = frameTable[f].owner >= 0
      if occupied && resident[frameTable[f].page] != f {
        return "frame \(f)'s page maps to frame \(resident[frameTable[f].page] as Any)"
      }
      // Every resident frame is the policy's candidate, and no free one (nothing is in flight).
      if occupied != policy.isCandidate(FrameNumber(f)) {
        return "frame \(f) is \(occupied ? "resident" : "free") but \(occupied ? "not " : "")the policy's candidate"
      }
    }
    guard hits + faults == references, evictions <= faults, dirtyEvictions <= evictions else {
      return "counters: \(hits) hits + \(faults) faults of \(references) references, \(evictions) evictions, \(dirtyEvictions) dirty"
    }
    if let problem = policy.invariantViolation() { return "\(Policy.self): \(problem)" }
    return nil
  }
}
