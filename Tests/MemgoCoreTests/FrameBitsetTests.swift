import Testing

@testable import MemgoCore

@Suite struct FrameBitsetTests {
  /// Against `Set<Int>` at sizes around the word and level boundaries (up to four levels).
  @Test(arguments: [0, 1, 63, 64, 65, 4_095, 4_096, 4_097, 300_000])
  func matchesSet(capacity: Int) {
    var rng = SplitMix64(seed: UInt64(capacity))
    var bits = FrameBitset(capacity: capacity)
    var model = Set<Int>()
    #expect(bits.next(from: 0) == nil && bits.nextCyclic(from: 0) == nil)
    guard capacity > 0 else { return }
    for step in 0..<4_000 {
      // Cluster some operations so that words empty and fill again.
      let i = step % 3 == 0 ? Int(rng.next() % UInt64(min(capacity, 200))) : Int(rng.next() % UInt64(capacity))
      if rng.next() % 2 == 0 {
        bits.insert(i)
        model.insert(i)
      } else {
        bits.remove(i)
        model.remove(i)
      }
      #expect(bits.count == model.count)
      let start = Int(rng.next() % UInt64(capacity + 1))
      let expected = model.filter { $0 >= start }.min()
      #expect(bits.next(from: start) == expected)
      #expect(bits.nextCyclic(from: start) == (expected ?? model.min()))
      #expect(bits.contains(i) == model.contains(i))
    }
  }
}
