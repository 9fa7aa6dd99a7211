/// A hash table from `PageKey` to a non-negative integer (a frame number, a list node, an index):
/// open addressing with linear probing over flat arrays, and backward-shift deletion so no
/// tombstones accumulate (Knuth, *TAOCP* vol. 3, §6.4, Algorithm R).
///
/// Used where the model must find a page by identity: the resident pages of `PolicyReplay`, the
/// ghost lists of ARC and 2Q. Keys hash by Fibonacci multiplication (Knuth §6.4); the table keeps
/// its load at most one half and doubles when it would exceed it, so a table created with enough
/// `minimumCapacity` never allocates again.
///
/// - Complexity: lookups, insertions and removals are O(1) expected.
public struct PageFrameTable: Sendable {
  /// The value of an empty slot.
  private static let vacant: Int64 = -1

  /// A key and its value side by side, so a probe reads one cache line.
  private struct Slot: Sendable {
    var key: UInt64
    var value: Int64
  }

  private var slots: [Slot]
  private var mask: Int
  private var shift: UInt64
  /// How many keys the table holds.
  public private(set) var count = 0

  /// Creates an empty table that holds `minimumCapacity` keys without growing.
  public init(minimumCapacity: Int = 8) {
    var size = 8
    while size / 2 < minimumCapacity { size <<= 1 }
    slots = Array(repeating: Slot(key: 0, value: PageFrameTable.vacant), count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
  }

  @inline(__always)
  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// The slot holding `key`, or `nil`.
  @inline(__always)
  private func slot(of key: UInt64) -> Int? {
    var i = home(key)
    while slots[i].value != PageFrameTable.vacant {
      if slots[i].key == key { return i }
      i = (i + 1) & mask
    }
    return nil
  }

  /// The value stored for `page`, or `nil`.
  @inline(__always)
  public subscript(page: PageKey) -> Int? {
    guard let i = slot(of: page.rawValue) else { return nil }
    return Int(slots[i].value)
  }

  /// Whether `page` has a value.
  public func contains(_ page: PageKey) -> Bool { slot(of: page.rawValue) != nil }

  /// Stores `value` (which must be >= 0) for `page`, replacing any previous value.
  public mutating func set(_ value: Int, for page: PageKey) {
    precondition(value >= 0, "PageFrameTable values are non-negative")
    let key = page.rawValue
    var i = home(key)
    while slots[i].value != PageFrameTable.vacant {
      if slots[i].key == key {
        slots[i].value = Int64(value)
        return
      }
      i = (i + 1) & mask
    }
    if (count + 1) * 2 > slots.count {
      grow()
      set(value, for: page)
      return
    }
    slots[i] = Slot(key: key, value: Int64(value))
    count += 1
  }

  /// Removes `page` and returns its value, or `nil` if it had none.
  @discardableResult
  public mutating func removeValue(for page: PageKey) -> Int? {
    guard var hole = slot(of: page.rawValue) else { return nil }
    let removed = Int(slots[hole].value)
    slots[hole].value = PageFrameTable.vacant
    count -= 1
    // Shift back the entries of the probe run that follow, so lookups never cross a hole early.
    var i = (hole + 1) & mask
    while slots[i].value != PageFrameTable.vacant {
      let h = home(slots[i].key)
      // Entry i may fill the hole unless its home lies cyclically in (hole, i].
      let stays = hole <= i ? (h > hole && h <= i) : (h > hole || h <= i)
      if !stays {
        slots[hole] = slots[i]
        slots[i].value = PageFrameTable.vacant
        hole = i
      }
      i = (i + 1) & mask
    }
    return removed
  }

  /// Removes every key, keeping the storage.
  public mutating func removeAll() {
    for i in slots.indices { slots[i].value = PageFrameTable.vacant }
    count = 0
  }

  private mutating func grow() {
    let old = slots
    let size = slots.count * 2
    slots = Array(repeating: Slot(key: 0, value: PageFrameTable.vacant), count: size)
    mask = size - 1
    shift = UInt64(64 - size.trailingZeroBitCount)
    count = 0
    for slot in old where slot.value != PageFrameTable.vacant {
      set(Int(slot.value), for: PageKey(rawValue: slot.key))
    }
  }

  /// What is inconsistent in the table, or nil: `count` slots are occupied, at most half of them,
  /// and every key is found from its home slot (no vacant slot breaks its probe sequence).
  public func invariantViolation() -> String? {
    var occupied = 0
    for (i, slot) in slots.enumerated() where slot.value != PageFrameTable.vacant {
      occupied += 1
      guard slot.value >= 0 else { return "slot \(i) holds negative value \(slot.value)" }
      guard self.slot(of: slot.key) == i else { return "key \(slot.key) in slot \(i) is not found from its home" }
    }
    guard occupied == count else { return "\(occupied) slots are occupied, count is \(count)" }
    return occupied * 2 <= slots.count ? nil : "\(occupied) keys in \(slots.count) slots exceed half"
  }
}
