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

  /// The value stored for `page`, or nil if there is none.
  /// - Complexity: O(1) expected.
  public func value(of page: UInt64) -> Int? {
    let mask = entries.count - 1
    var slot = home(page)
    while entries[slot].value >= 0 {
      if entries[slot].page == page { return entries[slot].value }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Stores `value` for `page` and returns the value it replaces, or nil if `page` is new.
  /// - Precondition: `value >= 0`.
  /// - Complexity: O(1) amortized expected, one probe sequence.
  @inline(__always)
  public mutating func exchange(_ page: UInt64, with value: Int) -> Int? {
    precondition(value >= 0, "page map values are non-negative")
    let mask = entries.count - 1
    var slot = home(page)
    while true {
      let entry = entries[slot]
      if entry.value < 0 { break }
      if entry.page == page {
        entries[slot].value = value
        return entry.value
      }
      slot = (slot + 1) & mask
    }
    entries[slot] = Entry(page: page, value: value)
    count += 1
    if 2 * count > entries.count { grow() }
    return nil
  }

  /// The value stored for `page`; if there is none, stores `value` for it and returns nil.
  /// - Precondition: `value >= 0`.
  /// - Complexity: O(1) amortized expected, one probe sequence.
  @inline(__always)
  public mutating func insertIfAbsent(_ page: UInt64, value: Int) -> Int? {
    precondition(value >= 0, "page map values are non-negative")
    let mask = entries.count - 1
    var slot = home(page)
    while true {
      let entry = entries[slot]
      if entry.value < 0 { break }
      if entry.page == page { return entry.value }
      slot = (slot + 1) & mask
    }
    entries[slot] = Entry(page: page, value: value)
    count += 1
    if 2 * count > entries.count { grow() }
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
