/// A set of frame numbers `0 ..< capacity` as a hierarchical bitmap: a leaf level of 64-bit words
/// and summary levels above it, each bit of which says whether a word below is non-zero (the
/// structure of a 64-ary van Emde Boas layout, as used by kernel bitmap allocators).
///
/// Finding the next member at or after a position costs one word per level going up and one going
/// down, so a policy can sweep a clock hand over frame slots without visiting the empty ones.
///
/// - Complexity: `insert`, `remove` and `next(from:)` are O(log₆₄ capacity); `contains` is O(1).
struct FrameBitset: Sendable {
  /// All levels' words, leaf level first.
  private var words: [UInt64]
  /// Where each level starts in `words`; the last level has exactly one word.
  private var levelStart: [Int]
  /// How many words each level has.
  private var levelWords: [Int]
  /// The size of the universe: members are `0 ..< capacity`.
  let capacity: Int
  /// How many members the set holds.
  private(set) var count = 0

  /// Creates an empty set over `0 ..< capacity`.
  init(capacity: Int) {
    self.capacity = max(0, capacity)
    var starts: [Int] = []
    var sizes: [Int] = []
    var bits = self.capacity
    var total = 0
    repeat {
      let n = max(1, (bits + 63) >> 6)
      starts.append(total)
      sizes.append(n)
      total += n
      bits = n
    } while bits > 1
    levelStart = starts
    levelWords = sizes
    words = Array(repeating: 0, count: total)
  }

  /// Whether `i` is a member.
  func contains(_ i: Int) -> Bool {
    words[i >> 6] & (1 << UInt64(i & 63)) != 0
  }

  /// Adds `i` (no effect if already a member).
  mutating func insert(_ i: Int) {
    precondition(i >= 0 && i < capacity, "\(i) is outside 0..<\(capacity)")
    if contains(i) { return }
    count += 1
    var index = i
    for level in 0..<levelStart.count {
      let w = levelStart[level] + (index >> 6)
      let wasEmpty = words[w] == 0
      words[w] |= 1 << UInt64(index & 63)
      if !wasEmpty { return }
      index >>= 6
    }
  }

  /// Removes `i` (no effect if not a member).
  mutating func remove(_ i: Int) {
    guard i >= 0 && i < capacity, contains(i) else { return }
    count -= 1
    var index = i
    for level in 0..<levelStart.count {
      let w = levelStart[level] + (index >> 6)
      words[w] &= ~(1 << UInt64(index & 63))
      if words[w] != 0 { return }
      index >>= 6
    }
  }

  /// The smallest member `>= start`, or `nil`.
  func next(from start: Int) -> Int? {
    if start >= capacity { return nil }
    var index = max(0, start)
    var level = 0
    // Go up until a word holds a set bit at or after `index`.
    while true {
      if level == levelStart.count { return nil }
      let w = index >> 6
      if w >= levelWords[level] { return nil }
      let masked = words[levelStart[level] + w] & (UInt64.max << UInt64(index & 63))
      if masked != 0 {
        index = (w << 6) | masked.trailingZeroBitCount
        break
      }
      level += 1
      index = w + 1
    }
    // Go down taking the lowest set bit of each word.
    while level > 0 {
      level -= 1
      index = (index << 6) | words[levelStart[level] + index].trailingZeroBitCount
    }
    return index
  }

  /// The first member at or after `start` going round: members `>= start`, then from 0.
  func nextCyclic(from start: Int) -> Int? {
    if let i = next(from: start) { return i }
    return start > 0 ? next(from: 0) : nil
  }

  /// What is inconsistent in the set, or nil: `count` leaf bits are set, none at or beyond
  /// `capacity`, and each summary bit is set exactly when the word below it is not zero.
  func invariantViolation() -> String? {
    var members = 0
    for w in 0..<levelWords[0] { members += words[w].nonzeroBitCount }
    guard members == count else { return "\(members) leaf bits are set, count is \(count)" }
    for i in capacity..<levelWords[0] * 64 where contains(i) { return "\(i) is a member beyond capacity \(capacity)" }
    for level in 1..<max(1, levelStart.count) {
      for w in 0..<levelWords[level - 1] {
        let below = words[levelStart[level - 1] + w] != 0
        let summary = words[levelStart[level] + (w >> 6)] & (1 << UInt64(w & 63)) != 0
        guard below == summary else { return "level \(level)'s bit for word \(w) is \(summary), the word is \(below ? "not " : "")zero" }
      }
    }
    return nil
  }
}
