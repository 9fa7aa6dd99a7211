/// The fault template of the model, shared by its two holders of frames: the `MemoryManager`
/// (page tables and TLBs; `memgo run` and `memgo serve`) and the `PolicyReplay` (a hash table of
/// resident pages; `memgo trace` and `memgo explain`). A fault asks the allocation scope, takes a
/// free frame or evicts the victim the scope chooses (the holder undoes the victim's mapping and
/// says whether it was dirty), and records the faulting page in the frame table (Silberschatz,
/// Galvin and Gagne, *Operating System Concepts*, 10th ed., §10.4.1 "Basic page replacement":
/// find a free frame, else select a victim, write it out if modified, then read the page in).
///
/// What follows the frame's choice is the holder's own: the memory manager charges the handler,
/// the write-back and the read and maps the page when its I/O ends; the replay reports the load
/// at once.
protocol FaultHandler: ~Copyable {
  associatedtype Frames: FrameAllocator
  /// The frames and who holds them.
  var frameTable: FrameTable { get set }
  /// The allocation scope and its replacement policy.
  var allocator: Frames { get set }
  /// Undoes the mapping of the page in frame `f` (its translations invalidated; those removed
  /// from TLBs are added to `shootdowns`) and returns whether the page was dirty. The frame
  /// table still holds the page.
  mutating func unmap(frame f: Int, shootdowns: inout Int64) -> Bool
}

/// Where a fault's frame came from (`FaultHandler.takeFrame(for:owner:vpn:leaf:shootdowns:)`).
enum FrameClaim {
  /// A free frame.
  case free(Int)
  /// The frame of an evicted page: what the frame held and whether the page was dirty.
  case evicted(Int, victim: FrameTable.Frame, dirty: Bool)
  /// Every candidate frame has I/O in progress: wait (`FrameDecision.waitForIO`).
  case waitForIO
  /// Load control suspends the faulting process (`FrameDecision.suspend`).
  case suspend
}

extension FaultHandler where Self: ~Copyable {
  /// The fault of `reference` takes a frame, as the allocator decides: the free frame freed
  /// last, or the victim's frame, its page unmapped. The frame then holds the faulting page
  /// (`vpn` of `owner`), mapped by leaf entry `leaf` (-1: none), not yet dirty.
  @inline(__always)
  mutating func takeFrame(
    for reference: PageReference, owner: Int32, vpn: Int64, leaf: Int, shootdowns: inout Int64
  ) -> FrameClaim {
    let claim: FrameClaim
    let frame: Int
    switch allocator.decide(for: reference, freeFrames: frameTable.freeCount) {
    case .takeFree:
      guard let free = frameTable.popFree() else {
        preconditionFailure("\(Frames.self) took a frame from an empty pool")
      }
      frame = free
      claim = .free(frame)
    case .replace(let victim):
      frame = victim.index
      precondition(
        frame >= 0 && frame < frameTable.count && frameTable[frame].owner >= 0,
        "\(Frames.self) chose frame \(victim), which holds no page")
      let held = frameTable[frame]
      let dirty = unmap(frame: frame, shootdowns: &shootdowns)
      claim = .evicted(frame, victim: held, dirty: dirty)
    case .waitForIO:
      return .waitForIO
    case .suspend:
      guard Frames.controlsLoad else { preconditionFailure("only the load-controlling scopes suspend") }
      return .suspend
    }
    frameTable.assign(frame, owner: owner, vpn: vpn, leaf: leaf)
    return claim
  }
}
