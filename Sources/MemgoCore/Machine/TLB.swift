/// A set-associative translation lookaside buffer with LRU replacement within each set.
///
/// `entries` translations in `entries / ways` sets; a virtual page maps to set `vpn mod sets`.
/// `ways == entries` is fully associative. Each entry is tagged with a 64-bit key (the page number,
/// and the address-space id when the machine has ASIDs) and holds the frame the page maps to.
/// A TLB with no entries never hits. No call allocates.
///
/// The entries live in memory the TLB's owner allocates and frees (`TLB.Storage`): the simulator
/// keeps every TLB's entries in one flat buffer, so a lookup is plain loads, with no array
/// uniqueness or bounds checks on the per-access path.
public struct TLB {
  /// One translation: its tag plus one (0 marks an empty entry), its frame, and its last use.
  struct Entry {
    var tag: UInt64 = 0
    var stamp: UInt32 = 0
    var frame: Int32 = -1
  }

  /// The entries of `count` TLBs of `entries` entries each, in one allocation; `deallocate()`
  /// frees it once its TLBs are no longer used.
  struct Storage {
    let buffer: UnsafeMutableBufferPointer<Entry>
    let entriesPerTLB: Int

    init(count: Int, entries: Int) {
      entriesPerTLB = entries
      buffer = .allocate(capacity: max(1, count * entries))
      buffer.initialize(repeating: Entry())
    }

    /// The `index`-th TLB, `ways`-way set-associative, over its own slice of the storage.
    func tlb(_ index: Int, ways: Int) -> TLB {
      TLB(entries: entriesPerTLB, ways: ways, at: buffer.baseAddress! + index * entriesPerTLB)
    }

    func deallocate() {
      buffer.deinitialize().deallocate()
    }
  }

  /// Number of sets.
  let sets: Int
  /// Entries per set.
  let ways: Int
  /// `sets × ways` entries, owned by a `Storage`.
  let entries: UnsafeMutablePointer<Entry>
  /// Counts uses, for LRU within a set; on wrap-around every stamp is reset.
  var clock: UInt32 = 0

  /// A TLB over `entries` initialized entries at `memory`; `ways` must divide `entries`
  /// (validated by the scenario loader).
  init(entries count: Int, ways: Int, at memory: UnsafeMutablePointer<Entry>) {
    self.ways = count == 0 ? 0 : ways
    self.sets = count == 0 ? 0 : count / ways
    entries = memory
  }

  /// Whether the TLB has any entry at all.
  public var isPresent: Bool { sets > 0 }

  /// The tag of a page: its number, with the address-space id in the top bits when tagged.
  static func key(vpn: Int64, asid: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: vpn) | UInt64(truncatingIfNeeded: asid) << 40
  }

  /// The first entry of `vpn`'s set (`sets > 0`).
  @inline(__always) func firstEntry(ofSetFor vpn: Int64) -> UnsafeMutablePointer<Entry> {
    let page = UInt64(truncatingIfNeeded: vpn)
    let set = sets & (sets - 1) == 0 ? page & UInt64(sets - 1) : page % UInt64(sets)
    return entries + Int(truncatingIfNeeded: set) &* ways
  }

  @inline(__always) mutating func tick() -> UInt32 {
    if clock == .max { resetStamps() }
    clock += 1
    return clock
  }

  mutating func resetStamps() {
    clock = 0
    for e in 0..<(sets * ways) { entries[e].stamp = 0 }
  }

  /// Looks `key` (page `vpn`) up; on a hit marks the entry most recently used and returns its frame.
  @inline(__always)
  public mutating func lookup(_ key: UInt64, vpn: Int64) -> Int32? {
    guard sets > 0 else { return nil }
    let set = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    let now = tick()
    var way = 0
    while way < ways {
      if set[way].tag == tag {
        set[way].stamp = now
        return set[way].frame
      }
      way &+= 1
    }
    return nil
  }

  /// Inserts the translation `key → frame`, evicting the set's least recently used entry (an
  /// empty entry first).
  @inline(__always)
  public mutating func insert(_ key: UInt64, vpn: Int64, frame: Int32) {
    guard sets > 0 else { return }
    let set = firstEntry(ofSetFor: vpn)
    let now = tick()
    var victim = 0
    var oldest = UInt32.max
    var way = 0
    while way < ways {
      if set[way].tag == 0 {
        victim = way
        break
      }
      if set[way].stamp < oldest {
        oldest = set[way].stamp
        victim = way
      }
      way &+= 1
    }
    set[victim] = Entry(tag: key &+ 1, stamp: now, frame: frame)
  }

  /// Removes the translation for `key` if present (a shootdown); returns whether it was there.
  @discardableResult
  public mutating func invalidate(_ key: UInt64, vpn: Int64) -> Bool {
    guard sets > 0 else { return false }
    let set = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    var way = 0
    while way < ways {
      if set[way].tag == tag {
        set[way].tag = 0
        return true
      }
      way &+= 1
    }
    return false
  }

  /// Empties the TLB (a context switch without ASIDs).
  public mutating func flush() {
    for e in 0..<(sets * ways) { entries[e].tag = 0 }
  }
}
