/// An open-addressing hash table from 64-bit page numbers to non-negative integers.
///
/// Linear probing over one flat array of (page, value) entries, so a lookup usually touches one
/// cache line, with Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4); kept at most half full and doubled
/// when it would pass that. No `Dictionary`, no allocation except when it grows; memory grows with
/// the number of distinct pages only.
public struct PageMap {
  private struct Entry {
    var page: UInt64
    /// The page's value, or -1 if the entry is empty.
    var value: Int
  }

  private var entries: [Entry]
  private var shift: UInt64
  /// The number of pages stored.
  public private(set) var count = 0

  /// An empty table with room for `minimumCapacity` pages before it grows.
  public init(minimumCapacity: Int = 1024) {
    var bits = 4
    while (1 << bits) < 2 * max(minimumCapacity, 8) { bits += 1 }
    entries = Array(repeating: Entry(page: 0, value: -1), count: 1 << bits)
    shift = UInt64(64 - bits)
  }

  @inline(__always) private func home(_ page: UInt64) -> Int {
    Int(truncatingIfNeeded: (page &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The slot that holds `page`, or the empty slot where it would go: the end of its probe run.
  @inline(__always) private func slot(of page: UInt64) -> Int {
    let mask = entries.count - 1
    var slot = home(page)
    while entries[slot].value >= 0 && entries[slot].page != page { slot = (slot + 1) & mask }
    return slot
  }

  /// Fills the empty `slot` (from `slot(of: page)`) with `page` and grows the table past half full.
  @inline(__always) private mutating func insert(_ page: UInt64, value: Int, at slot: Int) {
    entries[slot] = Entry(page: page, value: value)
    count += 1
    if 2 * count > entries.count { grow() }
  }

  /// The value stored for `page`, or nil if there is none.
  /// - Complexity: O(1) expected.
  public func value(of page: UInt64) -> Int? {
    let value = entries[slot(of: page)].value
    return value >= 0 ? value : nil
  }

  /// Stores `value` for `page` and returns the value it replaces, or nil if `page` is new.
  /// - Precondition: `value >= 0`.
  /// - Complexity: O(1) amortized expected, one probe sequence.
  @inline(__always)
  public mutating func exchange(_ page: UInt64, with value: Int) -> Int? {
    precondition(value >= 0, "page map values are non-negative")
    let slot = slot(of: page)
    let old = entries[slot].value
    guard old < 0 else {
      entries[slot].value = value
      return old
    }
    insert(page, value: value, at: slot)
    return nil
  }

  /// The value stored for `page`; if there is none, stores `value` for it and returns nil.
  /// - Precondition: `value >= 0`.
  /// - Complexity: O(1) amortized expected, one probe sequence.
  @inline(__always)
  public mutating func insertIfAbsent(_ page: UInt64, value: Int) -> Int? {
    precondition(value >= 0, "page map values are non-negative")
    let slot = slot(of: page)
    let old = entries[slot].value
    guard old < 0 else { return old }
    insert(page, value: value, at: slot)
    return nil
  }

  /// Replaces every stored value `v` with `transform(v)` (which must be non-negative).
  public mutating func transformValues(_ transform: (Int) -> Int) {
    for slot in entries.indices where entries[slot].value >= 0 {
      let value = transform(entries[slot].value)
      precondition(value >= 0, "page map values are non-negative")
      entries[slot].value = value
    }
  }

  private mutating func grow() {
    let old = entries
    entries = Array(repeating: Entry(page: 0, value: -1), count: old.count * 2)
    shift -= 1
    let mask = entries.count - 1
    for entry in old where entry.value >= 0 {
      var slot = home(entry.page)
      while entries[slot].value >= 0 { slot = (slot + 1) & mask }
      entries[slot] = entry
    }
  }
}
