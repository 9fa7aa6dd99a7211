/// A segment tree over frame slots `0 ..< capacity` holding one `Int64` per slot (`Int64.max` when
/// the slot holds nothing), answering "the first slot at or after `start` whose value is below a
/// threshold": how `WSClockPolicy` finds the next old page in front of its hand without stepping
/// over the young ones.
///
/// - Complexity: `set` and `firstBelow` are O(log capacity).
struct FrameMinTree: Sendable {
  /// The value of an empty slot.
  static let empty = Int64.max
  /// `tree[1]` is the root; `tree[leaves + i]` is slot `i`; each inner node holds its children's minimum.
  private var tree: [Int64]
  private let leaves: Int
  /// The number of slots.
  let capacity: Int

  /// Creates a tree of `capacity` empty slots.
  init(capacity: Int) {
    self.capacity = max(0, capacity)
    var n = 1
    while n < self.capacity { n <<= 1 }
    leaves = n
    tree = Array(repeating: FrameMinTree.empty, count: 2 * n)
  }

  /// The value in slot `i`.
  func value(_ i: Int) -> Int64 { tree[leaves + i] }

  /// Sets slot `i` to `value` (`FrameMinTree.empty` clears it).
  mutating func set(_ i: Int, _ value: Int64) {
    var node = leaves + i
    tree[node] = value
    while node > 1 {
      node >>= 1
      let m = min(tree[2 * node], tree[2 * node + 1])
      if tree[node] == m { break }
      tree[node] = m
    }
  }

  /// The smallest slot `>= start` whose value is `< threshold`, or `nil`.
  func firstBelow(_ threshold: Int64, from start: Int) -> Int? {
    if start >= capacity || tree[1] >= threshold { return nil }
    var node = leaves + max(0, start)
    repeat {
      while node & 1 == 0 { node >>= 1 }
      if tree[node] < threshold {
        while node < leaves {
          node <<= 1
          if tree[node] >= threshold { node += 1 }
        }
        let slot = node - leaves
        return slot < capacity ? slot : nil
      }
      node += 1
    } while node & (node - 1) != 0
    return nil
  }

  /// The first slot whose value is `< threshold` going round from `start`: slots `>= start`, then
  /// from 0.
  func firstBelowCyclic(_ threshold: Int64, from start: Int) -> Int? {
    if let i = firstBelow(threshold, from: start) { return i }
    return start > 0 ? firstBelow(threshold, from: 0) : nil
  }

  /// What is inconsistent in the tree, or nil: each inner node holds its children's minimum and
  /// the slots beyond `capacity` are empty.
  func invariantViolation() -> String? {
    for i in capacity..<leaves where tree[leaves + i] != FrameMinTree.empty { return "slot \(i) beyond capacity is set" }
    for node in stride(from: leaves - 1, through: 1, by: -1) where tree[node] != min(tree[2 * node], tree[2 * node + 1]) {
      return "node \(node) holds \(tree[node]), its children's minimum is \(min(tree[2 * node], tree[2 * node + 1]))"
    }
    return nil
  }
}
