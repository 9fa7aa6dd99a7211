/// An open-addressing hash table from 64-bit page numbers to dense indices `0 ..< count`, given in
/// first-seen order.
///
/// Linear probing over flat arrays with Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4), kept at most
/// half full and doubled when it would pass that; no `Dictionary`, no allocation except when it grows.
/// Memory grows with the number of distinct pages only.
public struct PageIndexMap {
  private var keys: [UInt64]
  /// The index stored with `keys[slot]`, or -1 if the slot is empty.
  private var values: [Int32]
  private var shift: UInt64
  /// The number of distinct pages stored.
  public private(set) var count = 0

  /// The largest number of distinct pages (indices are `Int32`).
  public static let maximumCount = Int(Int32.max)

  /// An empty table with room for `minimumCapacity` pages before it grows.
  public init(minimumCapacity: Int = 1024) {
    var bits = 4
    while (1 << bits) < 2 * max(minimumCapacity, 8) { bits += 1 }
    keys = Array(repeating: 0, count: 1 << bits)
    values = Array(repeating: -1, count: 1 << bits)
    shift = UInt64(64 - bits)
  }

  @inline(__always) private func home(_ page: UInt64) -> Int {
    Int(truncatingIfNeeded: (page &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The index of `page`, or nil if it was never inserted.
  /// - Complexity: O(1) expected.
  public func index(of page: UInt64) -> Int? {
    let mask = keys.count - 1
    var slot = home(page)
    while values[slot] >= 0 {
      if keys[slot] == page { return Int(values[slot]) }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// The index of `page`, inserting it with index `count` if it is new.
  /// - Complexity: O(1) amortized expected.
  @inline(__always)
  public mutating func insert(_ page: UInt64) -> (index: Int, inserted: Bool) {
    let mask = keys.count - 1
    var slot = home(page)
    while true {
      let value = values[slot]
      if value < 0 { break }
      if keys[slot] == page { return (Int(value), false) }
      slot = (slot + 1) & mask
    }
    precondition(count < PageIndexMap.maximumCount, "more than 2^31 - 1 distinct pages")
    let index = count
    keys[slot] = page
    values[slot] = Int32(index)
    count += 1
    if 2 * count > keys.count { grow() }
    return (index, true)
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: 0, count: oldKeys.count * 2)
    values = Array(repeating: -1, count: oldKeys.count * 2)
    shift -= 1
    let mask = keys.count - 1
    for old in 0..<oldKeys.count where oldValues[old] >= 0 {
      var slot = home(oldKeys[old])
      while values[slot] >= 0 { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[old]
      values[slot] = oldValues[old]
    }
  }
}
