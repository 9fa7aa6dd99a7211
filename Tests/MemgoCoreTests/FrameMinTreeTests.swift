import Testing

@testable import MemgoCore

@Suite struct FrameMinTreeTests {
  @Test(arguments: [1, 2, 5, 64, 100])
  func matchesLinearScan(capacity: Int) {
    var rng = SplitMix64(seed: UInt64(capacity))
    var tree = FrameMinTree(capacity: capacity)
    var model = Array(repeating: FrameMinTree.empty, count: capacity)
    for _ in 0..<3_000 {
      let i = Int(rng.next() % UInt64(capacity))
      let value = rng.next() % 4 == 0 ? FrameMinTree.empty : Int64(rng.next() % 100)
      tree.set(i, value)
      model[i] = value
      #expect(tree.value(i) == value)
      let threshold = rng.next() % 8 == 0 ? FrameMinTree.empty : Int64(rng.next() % 100)
      let start = Int(rng.next() % UInt64(capacity + 1))
      let expected = (start..<capacity).first { model[$0] < threshold }
      #expect(tree.firstBelow(threshold, from: start) == expected)
      let wrapped = expected ?? (0..<capacity).first { model[$0] < threshold }
      #expect(tree.firstBelowCyclic(threshold, from: start) == wrapped)
    }
  }
}
