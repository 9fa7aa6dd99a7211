import Testing

@testable import MemgoCore

@Suite struct FenwickTreeTests {
  /// Prefix sums against a plain array under seeded random updates.
  @Test func matchesNaivePrefixSums() {
    var rng = SplitMix64(seed: 9)
    for count in [1, 2, 7, 64, 100] {
      var values = (0..<count).map { _ in Int(rng.next() % 7) }
      var tree = FenwickTree(values: values.map { Int32($0) })
      #expect(tree.count == count)
      for _ in 0..<500 {
        let i = Int(rng.next() % UInt64(count))
        let delta = Int32(rng.next() % 5) - 2
        tree.add(delta, at: i)
        values[i] += Int(delta)
        let j = Int(rng.next() % UInt64(count))
        #expect(tree.prefixSum(through: j) == values[0...j].reduce(0, +))
      }
    }
  }

  /// `moveUnit` equals subtracting one at `from` and adding one at `to`, whichever is larger.
  @Test func moveUnitMatchesTwoAdds() {
    var rng = SplitMix64(seed: 10)
    for count in [1, 2, 5, 64, 129] {
      var values = (0..<count).map { _ in Int(rng.next() % 9) + 1 }
      var tree = FenwickTree(values: values.map { Int32($0) })
      for _ in 0..<400 {
        let from = Int(rng.next() % UInt64(count))
        let to = Int(rng.next() % UInt64(count))
        tree.moveUnit(from: from, to: to)
        values[from] -= 1
        values[to] += 1
        for j in 0..<count { #expect(tree.prefixSum(through: j) == values[0...j].reduce(0, +)) }
      }
    }
  }

  @Test func emptyPrefixIsZero() {
    let tree = FenwickTree(values: Array(repeating: 1, count: 8))
    #expect(tree.prefixSum(through: -1) == 0)
    #expect(tree.prefixSum(through: 7) == 8)
    #expect(FenwickTree(count: 5).prefixSum(through: 4) == 0)
  }
}
