/// The kernel's frame table (the "core map" of BSD, the `struct page` array of Linux): for each
/// physical frame, the process that owns it and the virtual page it holds, where that page's
/// mapping lives, and the pool of free frames (Silberschatz, Galvin and Gagne, *Operating System
/// Concepts*, 10th ed., §10.4 "Frame allocation"; Gorman, *Understanding the Linux Virtual Memory
/// Manager*, ch. 2 and 6).
///
/// The one frame table of the model: the `MemoryManager` of `memgo run` and `memgo serve` and the
/// `PolicyReplay` of `memgo trace` and `memgo explain` both keep their frames here, and both take
/// a frame for a fault through `FaultHandler.takeFrame(for:owner:vpn:leaf:shootdowns:)`.
///
/// The free pool is a stack: frames start free in order 0, 1, 2, … and the frame freed last is
/// taken first (Linux's per-CPU free lists hand out the most recently freed, cache-hot page
/// first; Gorman, §6.1).
struct FrameTable: Sendable {
  /// What one frame holds.
  struct Frame: Sendable {
    /// The owning process (-1: free).
    var owner: Int32
    /// Whether the page was written since it was loaded, for a mapping that keeps no dirty bit of
    /// its own (the replay's hash table); the MMU keeps it in the leaf page-table entry instead.
    var dirty: Bool
    /// The virtual page held.
    var vpn: Int64
    /// The index of the leaf page-table entry that maps the page (-1 without page tables).
    var leaf: Int

    static let free = Frame(owner: -1, dirty: false, vpn: 0, leaf: -1)

    /// The page held, as policies and replays name it.
    var page: PageKey { PageKey(process: Int(owner), vpn: vpn) }
  }

  /// Every frame, by number. One array of small structs rather than one array per field: a fault
  /// updates one element, so one copy-on-write check and one cache line. (Settable so that the
  /// tests of `invariantViolation` can corrupt it; the model changes it through the methods.)
  var frames: [Frame]
  /// The free frames, taken from the end.
  var freeStack: [Int32]

  /// `count` frames, all free (`count >= 0`; callers validate user input).
  init(count: Int) {
    frames = Array(repeating: .free, count: count)
    freeStack = (0..<Int32(count)).reversed()
  }

  /// The number of frames.
  var count: Int { frames.count }
  /// The number of free frames.
  var freeCount: Int { freeStack.count }

  @inline(__always)
  subscript(_ f: Int) -> Frame { frames[f] }

  /// Whether frame `f` holds page `vpn` of `process`.
  @inline(__always)
  func holds(_ f: Int, process: Int32, vpn: Int64) -> Bool {
    frames[f].owner == process && frames[f].vpn == vpn
  }

  /// Takes the free frame freed last, or nil if none is free.
  @inline(__always)
  mutating func popFree() -> Int? {
    freeStack.popLast().map(Int.init)
  }

  /// Frame `f` now holds page `vpn` of `owner`, mapped by leaf entry `leaf` (-1: none).
  @inline(__always)
  mutating func assign(_ f: Int, owner: Int32, vpn: Int64, leaf: Int, dirty: Bool = false) {
    frames[f] = Frame(owner: owner, dirty: dirty, vpn: vpn, leaf: leaf)
  }

  /// Marks frame `f`'s page written (where the mapping keeps no dirty bit).
  @inline(__always)
  mutating func markDirty(_ f: Int) { frames[f].dirty = true }

  /// Frame `f` returns to the free pool.
  mutating func release(_ f: Int) {
    frames[f] = .free
    freeStack.append(Int32(f))
  }

  /// The frames owned by `process`, in frame order (none for a process no frame can name: a
  /// negative one, or one beyond `Int32`).
  ///
  /// - Complexity: O(frames).
  func frames(of process: Int) -> [Int] {
    guard let owner = Int32(exactly: process), owner >= 0 else { return [] }
    return frames.indices.filter { frames[$0].owner == owner }
  }

  /// What is inconsistent, or nil (`InternalChecks`): every free-pool entry in range, listed once
  /// and unowned; every unowned frame in the pool.
  func invariantViolation() -> String? {
    var isFree = Array(repeating: false, count: count)
    for f in freeStack {
      guard f >= 0 && Int(f) < count, !isFree[Int(f)] else { return "free frame \(f) is out of range or listed twice" }
      guard frames[Int(f)].owner < 0 else { return "free frame \(f) has owner \(frames[Int(f)].owner)" }
      isFree[Int(f)] = true
    }
    for f in 0..<count where frames[f].owner < 0 && !isFree[f] {
      return "frame \(f) has no owner and is not free"
    }
    return nil
  }
}
