/// A binary indexed tree of counts (Fenwick, "A new data structure for cumulative frequency tables",
/// Software: Practice and Experience 24(3), 1994): point updates and prefix sums in O(log n).
struct FenwickTree {
  /// `tree[i]` (1-based) holds the sum of the `i & -i` counts ending at position `i - 1`.
  private var tree: [Int32]

  /// The tree over `values`, built in O(n).
  init(values: [Int32]) {
    tree = [0] + values
    let count = values.count
    for i in stride(from: 1, through: count, by: 1) {
      let parent = i + (i & -i)
      if parent <= count { tree[parent] &+= tree[i] }
    }
  }

  /// `count` positions holding 0.
  init(count: Int) { tree = Array(repeating: 0, count: count + 1) }

  /// The number of positions.
  var count: Int { tree.count - 1 }

  /// Adds `delta` at `position` (0-based).
  @inline(__always)
  mutating func add(_ delta: Int32, at position: Int) {
    var i = position + 1
    while i < tree.count {
      tree[i] &+= delta
      i += i & -i
    }
  }

  /// Moves one unit from position `from` to position `to`: `add(-1, at: from)` then `add(1, at: to)`,
  /// but the two update paths stop where they meet, since above that node the changes cancel. When
  /// the positions are close (a page reused soon), that is after a step or two.
  @inline(__always)
  mutating func moveUnit(from: Int, to: Int) {
    var i = from + 1
    var j = to + 1
    let n = tree.count
    while i != j {
      if i < j {
        if i >= n { break }
        tree[i] &-= 1
        i += i & -i
      } else {
        if j >= n { break }
        tree[j] &+= 1
        j += j & -j
      }
    }
  }

  /// The sum of positions `0 ... position`.
  @inline(__always)
  func prefixSum(through position: Int) -> Int {
    var i = position + 1
    var sum = 0
    while i > 0 {
      sum += Int(tree[i])
      i &= i - 1
    }
    return sum
  }
}
