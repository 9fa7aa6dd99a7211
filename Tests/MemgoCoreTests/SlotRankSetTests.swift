import Testing

@testable import MemgoCore

@Suite struct SlotRankSetTests {
  /// Against a `Set<Int>` under seeded random inserts and removes, word boundaries included.
  @Test(arguments: [0, 1, 63, 64, 65, 200] as [Int])
  func matchesNaiveSet(initialMembers: Int) {
    var rng = SplitMix64(seed: UInt64(initialMembers))
    var set = SlotRankSet(capacity: 300, members: initialMembers)
    var reference = Set(0..<initialMembers)
    #expect(set.capacity == 320)
    for _ in 0..<3000 {
      let slot = Int(rng.next() % 320)
      if reference.contains(slot) {
        set.remove(slot)
        reference.remove(slot)
      } else {
        set.insert(slot)
        reference.insert(slot)
      }
      let probe = Int(rng.next() % 320)
      #expect(set.countAbove(probe) == reference.filter { $0 > probe }.count)
      #expect(set.contains(probe) == reference.contains(probe))
      #expect(set.count == reference.count)
    }
    let prefix = set.wordPrefixCounts()
    for slot in 0..<320 where reference.contains(slot) {
      #expect(set.rank(of: slot, wordPrefix: prefix) == reference.filter { $0 < slot }.count)
    }
  }

  /// `move` equals `remove` then `insert`, within a word and across words.
  @Test func moveMatchesRemoveThenInsert() {
    var rng = SplitMix64(seed: 44)
    var set = SlotRankSet(capacity: 256, members: 100)
    var reference = Set(0..<100)
    for _ in 0..<2000 {
      guard let old = reference.randomElement(using: &rng) else { break }
      let new = Int(rng.next() % 256)
      if reference.contains(new) { continue }
      set.move(from: old, to: new)
      reference.remove(old)
      reference.insert(new)
      let probe = Int(rng.next() % 256)
      #expect(set.countAbove(probe) == reference.filter { $0 > probe }.count)
      #expect(set.count == reference.count)
    }
  }
}
