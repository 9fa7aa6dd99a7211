/// Every process's multi-level (radix) page table, with its entries at real simulated physical
/// addresses.
///
/// Tables follow x86-64: each holds 512 eight-byte entries (4 KiB) and is indexed by 9 bits of the
/// virtual page number, top level first. Tables live in a region of physical memory reserved
/// above the frames (`baseAddress`, 4 KiB-aligned), allocated on demand when a fault first maps a
/// page under them, so the log can show each entry's physical address and value.
///
/// An entry's value: bit 0 present, bit 1 writable, bit 5 accessed, bit 6 dirty, bit 9 (a
/// software bit) "touched" (the page has had content, so a later fault reads it from disk).
/// An upper-level entry holds its child table's physical address; a leaf holds the frame's
/// physical address (for pages smaller than 4 KiB, the frame number shifted left by 12).
public struct PageTable: Sendable {
  /// Entries per table (9 index bits per level).
  public static let entriesPerTable = 512
  public static let present: UInt64 = 1 << 0
  public static let writable: UInt64 = 1 << 1
  public static let accessed: UInt64 = 1 << 5
  public static let dirty: UInt64 = 1 << 6
  public static let touched: UInt64 = 1 << 9
  static let addressMask: UInt64 = ~0xFFF

  /// Number of levels walked.
  public let levels: Int
  /// Physical address of table 0.
  public let baseAddress: UInt64
  /// Every table's entries; table t occupies `t*512 ..< t*512 + 512`.
  var entries: [UInt64] = []
  /// Each process's top-level table.
  var roots: [Int32]
  /// Tables freed by `clearAddressSpace`, reused before new ones are allocated.
  var freeTables: [Int32] = []

  /// Creates the top-level tables of `processCount` processes above `physicalBase` bytes of frames.
  public init(levels: Int, processCount: Int, physicalBase: UInt64) {
    self.levels = levels
    baseAddress = (physicalBase + 0xFFF) & PageTable.addressMask
    roots = []
    roots.reserveCapacity(processCount)
    for _ in 0..<processCount { roots.append(allocateTable()) }
  }

  /// Number of tables allocated so far.
  public var tableCount: Int { entries.count / PageTable.entriesPerTable }

  mutating func allocateTable() -> Int32 {
    if let table = freeTables.popLast() { return table }
    let index = Int32(tableCount)
    entries.append(contentsOf: repeatElement(0, count: PageTable.entriesPerTable))
    return index
  }

  /// Index of the entry that maps `vpn` at `level` (levels count down to 1, the leaf) in `table`.
  func entryIndex(table: Int32, vpn: Int64, level: Int) -> Int {
    let shift = UInt64(9 * (level - 1))
    let slot = Int((UInt64(truncatingIfNeeded: vpn) >> shift) & 511)
    return Int(table) * PageTable.entriesPerTable + slot
  }

  /// Physical address of entry `index`.
  public func address(ofEntry index: Int) -> UInt64 {
    baseAddress + UInt64(index) * 8
  }

  /// The table an upper-level entry's value points to.
  func childTable(of value: UInt64) -> Int32 {
    Int32(truncatingIfNeeded: ((value & PageTable.addressMask) - baseAddress) >> 12)
  }

  /// The leaf entry mapping `vpn` for `process` from its root, or nil if a table above it is
  /// missing; reads without allocating.
  func existingLeafEntry(process: Int, vpn: Int64) -> Int? {
    var walk = PageWalk(vpn: vpn, from: roots[process], level: levels)
    while walk.next(in: self) != nil {}
    return walk.leaf
  }

  /// The leaf entry mapping `vpn` for `process`, allocating missing tables on the way (the fault
  /// handler's job before it maps a page).
  mutating func leafEntry(process: Int, vpn: Int64) -> Int {
    var walk = PageWalk(vpn: vpn, from: roots[process], level: levels)
    while true {
      while let step = walk.next(in: self), step.value & PageTable.present != 0 {}
      if let leaf = walk.leaf { return leaf }
      // The walk stopped at a missing table: allocate it, point the entry at it, go on from it.
      let (entry, level) = walk.stop
      let child = allocateTable()
      entries[entry] = (baseAddress + UInt64(child) * 4096) | PageTable.present | PageTable.writable
      walk.resume(from: child, level: level - 1)
    }
  }

  /// Whether `process`'s page `vpn` is mapped (its leaf entry present), read without changing
  /// anything.
  func isPresent(process: Int, vpn: Int64) -> Bool {
    guard let leaf = existingLeafEntry(process: process, vpn: vpn) else { return false }
    return entries[leaf] & PageTable.present != 0
  }

  /// Gives `process` an empty address space: every table below its root is zeroed and freed, and
  /// its root zeroed (no entry present, no page touched), as for a new process.
  mutating func clearAddressSpace(of process: Int) {
    clear(table: roots[process], level: levels)
  }

  /// Zeroes `table` at `level` and, below it, frees every table its present entries point to.
  private mutating func clear(table: Int32, level: Int) {
    let first = Int(table) * PageTable.entriesPerTable
    for e in first..<first + PageTable.entriesPerTable {
      if level > 1 && entries[e] & PageTable.present != 0 {
        let child = childTable(of: entries[e])
        clear(table: child, level: level - 1)
        freeTables.append(child)
      }
      entries[e] = 0
    }
  }

  /// The leaf value that maps a page to `frame` for pages of `pageSize` bytes (flags not included).
  public static func frameField(frame: Int, pageSize: Int) -> UInt64 {
    pageSize >= 4096 ? UInt64(frame) * UInt64(pageSize) : UInt64(frame) << 12
  }

  /// Calls `body` with the page number and entry index of each present leaf entry of `process`,
  /// in ascending page order.
  func forEachPresentLeaf(of process: Int, _ body: (_ vpn: Int64, _ entry: Int) -> Void) {
    func visit(_ table: Int32, level: Int, prefix: Int64) {
      let first = Int(table) * PageTable.entriesPerTable
      for slot in 0..<PageTable.entriesPerTable where entries[first + slot] & PageTable.present != 0 {
        let vpn = prefix << 9 | Int64(slot)
        if level == 1 { body(vpn, first + slot) } else { visit(childTable(of: entries[first + slot]), level: level - 1, prefix: vpn) }
      }
    }
    visit(roots[process], level: levels, prefix: 0)
  }

  /// What is inconsistent in the tables, or nil: every table is either free or reached exactly
  /// once from one process's root, and every upper-level entry points inside the tables.
  func invariantViolation() -> String? {
    var reached = Array(repeating: false, count: tableCount)
    for table in freeTables {
      guard table >= 0 && Int(table) < tableCount, !reached[Int(table)] else { return "free table \(table) is out of range or listed twice" }
      reached[Int(table)] = true
    }
    var pending = roots.map { ($0, levels) }
    while let (table, level) = pending.popLast() {
      guard table >= 0 && Int(table) < tableCount else { return "a level-\(level) table number \(table) is out of range" }
      guard !reached[Int(table)] else { return "table \(table) is reached twice, or is both free and in use" }
      reached[Int(table)] = true
      guard level > 1 else { continue }
      let first = Int(table) * PageTable.entriesPerTable
      for e in first..<first + PageTable.entriesPerTable where entries[e] & PageTable.present != 0 {
        let address = entries[e] & PageTable.addressMask
        guard address >= baseAddress else { return "entry \(e) points below the tables, at 0x\(String(address, radix: 16))" }
        pending.append((childTable(of: entries[e]), level - 1))
      }
    }
    return reached.allSatisfy { $0 } ? nil : "table \(reached.firstIndex(of: false)!) is neither free nor reached"
  }
}

/// One walk down a process's page tables towards a page's leaf entry, one upper-level entry at a
/// time: the one walk that the MMU (`MemoryManager.walk`, which logs each entry and fills the
/// page-walk caches), the fault handler (`PageTable.leafEntry`, which allocates missing tables)
/// and every lookup (`existingLeafEntry`, `isPresent`) run. Each level is indexed by 9 bits of the
/// page number, top level first (x86-64).
struct PageWalk {
  let vpn: Int64
  /// The table the next entry is read from, and its level (the leaf level is 1); 0 once the walk
  /// has reached the leaf or stopped.
  private(set) var table: Int32
  private(set) var level: Int
  /// The leaf entry's index, once the walk has reached it.
  private(set) var leaf: Int?
  /// Where the walk stopped: the upper-level entry that was not present, and its level.
  private(set) var stop = (entry: -1, level: 0)

  /// A walk for `vpn` starting at `table`, of level `level`.
  @inline(__always)
  init(vpn: Int64, from table: Int32, level: Int) {
    self.vpn = vpn
    self.table = table
    self.level = level
  }

  /// Reads the next upper-level entry: returns its level, index and value, and moves down to the
  /// table it points to if it is present (else the walk stops there). Returns nil once the walk
  /// has reached the leaf (its index in `leaf`, not read) or has stopped.
  @inline(__always)
  mutating func next(in tables: borrowing PageTable) -> (level: Int, entry: Int, value: UInt64)? {
    guard level > 1 else {
      if level == 1 {
        leaf = tables.entryIndex(table: table, vpn: vpn, level: 1)
        level = 0
      }
      return nil
    }
    let e = tables.entryIndex(table: table, vpn: vpn, level: level)
    let value = tables.entries[e]
    let step = (level: level, entry: e, value: value)
    if value & PageTable.present == 0 {
      stop = (e, level)
      level = 0
    } else {
      table = tables.childTable(of: value)
      level -= 1
    }
    return step
  }

  /// Goes on from `table` at `level` after a stop (the fault handler has allocated the table).
  mutating func resume(from table: Int32, level: Int) {
    self.table = table
    self.level = level
    stop = (-1, 0)
  }
}
