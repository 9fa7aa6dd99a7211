/// A set-associative translation lookaside buffer with LRU replacement within each set.
///
/// `entries` translations in `entries / ways` sets; a virtual page maps to set `vpn mod sets`.
/// `ways == entries` is fully associative. Each entry is tagged with a 64-bit key (the page number,
/// and the address-space id when the machine has ASIDs) and holds the frame the page maps to.
/// A TLB with no entries never hits. Entries live in one flat array; no call allocates.
public struct TLB: Sendable {
  /// One translation: its tag plus one (0 marks an empty entry), its frame, and its last use.
  struct Entry {
    var tag: UInt64 = 0
    var stamp: UInt32 = 0
    var frame: Int32 = -1
  }

  /// Number of sets.
  let sets: Int
  /// Entries per set.
  let ways: Int
  var entries: [Entry]
  /// Counts uses, for LRU within a set; on wrap-around every stamp is reset.
  var clock: UInt32 = 0

  /// Creates an empty TLB; `ways` must divide `entries` (validated by the scenario loader).
  public init(entries: Int, ways: Int) {
    self.ways = entries == 0 ? 0 : ways
    self.sets = entries == 0 ? 0 : entries / ways
    self.entries = Array(repeating: Entry(), count: entries)
  }

  /// Whether the TLB has any entry at all.
  public var isPresent: Bool { sets > 0 }

  /// The tag of a page: its number, with the address-space id in the top bits when tagged.
  static func key(vpn: Int64, asid: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: vpn) | UInt64(truncatingIfNeeded: asid) << 40
  }

  @inline(__always) func firstEntry(ofSetFor vpn: Int64) -> Int {
    let page = UInt64(truncatingIfNeeded: vpn)
    let set = sets & (sets - 1) == 0 ? page & UInt64(sets - 1) : page % UInt64(sets)
    return Int(set) * ways
  }

  @inline(__always) mutating func tick() -> UInt32 {
    if clock == .max { resetStamps() }
    clock += 1
    return clock
  }

  mutating func resetStamps() {
    clock = 0
    for e in entries.indices { entries[e].stamp = 0 }
  }

  /// Looks `key` (page `vpn`) up; on a hit marks the entry most recently used and returns its frame.
  public mutating func lookup(_ key: UInt64, vpn: Int64) -> Int32? {
    guard sets > 0 else { return nil }
    let first = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    let now = tick()
    return entries.withUnsafeMutableBufferPointer { entries in
      for e in first..<(first + ways) where entries[e].tag == tag {
        entries[e].stamp = now
        return entries[e].frame
      }
      return nil
    }
  }

  /// Inserts the translation `key → frame`, evicting the set's least recently used entry.
  public mutating func insert(_ key: UInt64, vpn: Int64, frame: Int32) {
    guard sets > 0 else { return }
    let first = firstEntry(ofSetFor: vpn)
    let now = tick()
    entries.withUnsafeMutableBufferPointer { entries in
      var victim = first
      for e in first..<(first + ways) {
        if entries[e].tag == 0 { victim = e; break }
        if entries[e].stamp < entries[victim].stamp { victim = e }
      }
      entries[victim] = Entry(tag: key &+ 1, stamp: now, frame: frame)
    }
  }

  /// Removes the translation for `key` if present (a shootdown); returns whether it was there.
  @discardableResult
  public mutating func invalidate(_ key: UInt64, vpn: Int64) -> Bool {
    guard sets > 0 else { return false }
    let first = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    for e in first..<(first + ways) where entries[e].tag == tag {
      entries[e].tag = 0
      return true
    }
    return false
  }

  /// Empties the TLB (a context switch without ASIDs).
  public mutating func flush() {
    for e in entries.indices { entries[e].tag = 0 }
  }
}
