/// A set of slots `0 ..< capacity` that answers "how many members are above slot s" in
/// O(log(capacity / 64)): a bitmap, plus a Fenwick tree counting the members of each 64-bit word.
///
/// `MissRatioCurve` keeps one member per page (its last access time); counting per word keeps the
/// tree 64 times smaller than one node per slot, so it stays in cache for millions of pages, and a
/// query touches one bitmap word plus the tree.
struct SlotRankSet {
  private var words: [UInt64]
  private var wordCounts: FenwickTree
  /// The number of members.
  private(set) var count: Int

  /// A set over at least `capacity` slots whose members are the slots `0 ..< members`.
  init(capacity: Int, members: Int) {
    precondition(members >= 0 && members <= capacity)
    let wordCount = (capacity + 63) / 64
    words = Array(repeating: 0, count: wordCount)
    var counts = Array(repeating: Int32(0), count: wordCount)
    for w in 0..<(members / 64) {
      words[w] = .max
      counts[w] = 64
    }
    if members % 64 != 0 {
      words[members / 64] = (1 << UInt64(members % 64)) - 1
      counts[members / 64] = Int32(members % 64)
    }
    wordCounts = FenwickTree(values: counts)
    count = members
  }

  /// The number of slots, a multiple of 64.
  var capacity: Int { words.count * 64 }

  /// Whether `slot` is a member.
  func contains(_ slot: Int) -> Bool { words[slot >> 6] & (1 << UInt64(slot & 63)) != 0 }

  /// Adds `slot`, which must not be a member.
  @inline(__always)
  mutating func insert(_ slot: Int) {
    let w = slot >> 6
    words[w] |= 1 << UInt64(slot & 63)
    wordCounts.add(1, at: w)
    count += 1
  }

  /// Removes `slot`, which must be a member.
  @inline(__always)
  mutating func remove(_ slot: Int) {
    let w = slot >> 6
    words[w] &= ~(1 << UInt64(slot & 63))
    wordCounts.add(-1, at: w)
    count -= 1
  }

  /// Replaces member `old` by `new`, which must not be a member: `remove(old)` then `insert(new)`,
  /// with one shortened tree walk (`FenwickTree.moveUnit`), none when both are in the same word.
  @inline(__always)
  mutating func move(from old: Int, to new: Int) {
    let wo = old >> 6
    let wn = new >> 6
    words[wo] &= ~(1 << UInt64(old & 63))
    words[wn] |= 1 << UInt64(new & 63)
    if wo != wn { wordCounts.moveUnit(from: wo, to: wn) }
  }

  /// The number of members greater than `slot`.
  @inline(__always)
  func countAbove(_ slot: Int) -> Int {
    let w = slot >> 6
    let above = words[w] & ~((2 &<< UInt64(slot & 63)) &- 1)
    return above.nonzeroBitCount + count - wordCounts.prefixSum(through: w)
  }

  /// For each word, the number of members in the words before it: with it, `rank` is O(1).
  func wordPrefixCounts() -> [Int] {
    var prefix = Array(repeating: 0, count: words.count)
    var total = 0
    for w in words.indices {
      prefix[w] = total
      total += words[w].nonzeroBitCount
    }
    return prefix
  }

  /// The number of members below `slot`, given `wordPrefixCounts()`.
  @inline(__always)
  func rank(of slot: Int, wordPrefix: [Int]) -> Int {
    let w = slot >> 6
    return wordPrefix[w] + (words[w] & ((1 << UInt64(slot & 63)) - 1)).nonzeroBitCount
  }
}
