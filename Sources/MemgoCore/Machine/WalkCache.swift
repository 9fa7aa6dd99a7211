/// The page-walk caches of one MMU (`machine.pageTable.walkCache`): for each upper level of the
/// page table, a small fully associative LRU cache of that level's entries, as x86's
/// paging-structure caches keep PML4, PDPT and PD entries (Intel SDM vol. 3A, §4.10.3; Barr, Cox
/// and Rixner, "Translation caching: skip, don't walk (the page table)", ISCA 2010).
///
/// The cache of level k (2 ... levels) is tagged with the virtual-page-number bits that select the
/// level-k entry (`vpn >> 9(k-1)`, with the address-space id when the machine has ASIDs) and holds
/// the table that entry points to. A TLB miss looks the lowest level up first: a hit at level k
/// lets the walk start at level k-1, reading k-1 entries instead of `levels`. Only present entries
/// are cached; since page tables are never freed, a cached entry never goes stale, and the caches
/// are flushed only with their TLB (a process switch without ASIDs).
struct WalkCache {
  /// One cached upper-level entry: its tag plus one (0 marks an empty entry), its child table and
  /// its last use.
  struct Entry {
    var tag: UInt64 = 0
    var stamp: UInt32 = 0
    var table: Int32 = -1
  }

  /// Page-table levels; levels 2 ... `levels` have a cache.
  let levels: Int
  /// Entries per level.
  let ways: Int
  /// Level k's entries at `(k - 2) * ways ..< (k - 1) * ways`.
  var entries: [Entry]
  var clock: UInt32 = 0

  /// Creates empty caches of `ways` entries for each upper level of a `levels`-level table.
  init(levels: Int, ways: Int) {
    self.levels = levels
    self.ways = ways
    entries = Array(repeating: Entry(), count: max(0, levels - 1) * ways)
  }

  /// The tag of the level-`level` entry that maps `vpn`, for address space `asid`.
  static func tag(vpn: Int64, level: Int, asid: Int) -> UInt64 {
    let prefix = UInt64(truncatingIfNeeded: vpn) >> UInt64(9 * (level - 1))
    return (prefix | UInt64(truncatingIfNeeded: asid) << 40) &+ 1
  }

  mutating func tick() -> UInt32 {
    if clock == .max {
      clock = 0
      for e in entries.indices { entries[e].stamp = 0 }
    }
    clock += 1
    return clock
  }

  /// The lowest cached upper-level entry on `vpn`'s path: the level the walk starts at (one below
  /// the cached entry's) and the table to read there; nil on a miss at every level.
  mutating func lookup(vpn: Int64, asid: Int) -> (level: Int, table: Int32)? {
    guard levels >= 2 else { return nil }
    for level in 2...levels {
      let tag = Self.tag(vpn: vpn, level: level, asid: asid)
      let first = (level - 2) * ways
      for e in first..<(first + ways) where entries[e].tag == tag {
        entries[e].stamp = tick()
        return (level - 1, entries[e].table)
      }
    }
    return nil
  }

  /// Caches the present level-`level` entry on `vpn`'s path, which points to `table`, replacing
  /// the level's least recently used entry.
  mutating func insert(level: Int, vpn: Int64, asid: Int, table: Int32) {
    let tag = Self.tag(vpn: vpn, level: level, asid: asid)
    let first = (level - 2) * ways
    let now = tick()
    var victim = first
    for e in first..<(first + ways) {
      if entries[e].tag == tag || entries[e].tag == 0 {
        victim = e
        break
      }
      if entries[e].stamp < entries[victim].stamp { victim = e }
    }
    entries[victim] = Entry(tag: tag, stamp: now, table: table)
  }

  /// Empties every level (with the TLB, on a switch without ASIDs).
  mutating func flush() {
    for e in entries.indices { entries[e].tag = 0 }
  }
}
