/// A set-associative translation lookaside buffer with LRU replacement within each set.
///
/// `entries` translations in `entries / ways` sets; a virtual page maps to set `vpn mod sets`.
/// `ways == entries` is fully associative. Each entry is tagged with a 64-bit key (the page number,
/// and the address-space id when the machine has ASIDs) and holds the frame the page maps to.
/// A TLB with no entries never hits. State lives in flat arrays; no call allocates.
public struct TLB: Sendable {
  /// Number of sets.
  let sets: Int
  /// Entries per set.
  let ways: Int
  /// Tag of each entry plus one (0 marks an empty entry).
  var tags: [UInt64]
  /// Frame held by each entry.
  var frames: [Int32]
  /// Last-use stamp of each entry, for LRU within a set.
  var stamps: [UInt64]
  var clock: UInt64 = 0

  /// Creates an empty TLB; `ways` must divide `entries` (validated by the scenario loader).
  public init(entries: Int, ways: Int) {
    self.ways = entries == 0 ? 0 : ways
    self.sets = entries == 0 ? 0 : entries / ways
    tags = Array(repeating: 0, count: entries)
    frames = Array(repeating: -1, count: entries)
    stamps = Array(repeating: 0, count: entries)
  }

  /// Whether the TLB has any entry at all.
  public var isPresent: Bool { sets > 0 }

  /// The tag of a page: its number, with the address-space id in the top bits when tagged.
  static func key(vpn: Int64, asid: Int) -> UInt64 {
    UInt64(truncatingIfNeeded: vpn) | UInt64(truncatingIfNeeded: asid) << 40
  }

  func firstEntry(ofSetFor vpn: Int64) -> Int {
    Int(UInt64(truncatingIfNeeded: vpn) % UInt64(sets)) * ways
  }

  /// Looks `key` (page `vpn`) up; on a hit marks the entry most recently used and returns its frame.
  public mutating func lookup(_ key: UInt64, vpn: Int64) -> Int32? {
    guard sets > 0 else { return nil }
    let first = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    for e in first..<(first + ways) where tags[e] == tag {
      clock &+= 1
      stamps[e] = clock
      return frames[e]
    }
    return nil
  }

  /// Inserts the translation `key → frame`, evicting the set's least recently used entry.
  public mutating func insert(_ key: UInt64, vpn: Int64, frame: Int32) {
    guard sets > 0 else { return }
    let first = firstEntry(ofSetFor: vpn)
    var victim = first
    for e in first..<(first + ways) {
      if tags[e] == 0 { victim = e; break }
      if stamps[e] < stamps[victim] { victim = e }
    }
    clock &+= 1
    tags[victim] = key &+ 1
    frames[victim] = frame
    stamps[victim] = clock
  }

  /// Removes the translation for `key` if present (a shootdown); returns whether it was there.
  @discardableResult
  public mutating func invalidate(_ key: UInt64, vpn: Int64) -> Bool {
    guard sets > 0 else { return false }
    let first = firstEntry(ofSetFor: vpn)
    let tag = key &+ 1
    for e in first..<(first + ways) where tags[e] == tag {
      tags[e] = 0
      return true
    }
    return false
  }

  /// Empties the TLB (a context switch without ASIDs).
  public mutating func flush() {
    for e in tags.indices { tags[e] = 0 }
  }
}
