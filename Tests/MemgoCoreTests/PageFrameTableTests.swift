import Testing

@testable import MemgoCore

@Suite struct PageFrameTableTests {
  /// Against `Dictionary` under seeded random inserts, updates and removals (dense and sparse keys,
  /// all 64 bits used), growing from the smallest table.
  @Test func matchesDictionary() {
    var rng = SplitMix64(seed: 11)
    for round in 0..<40 {
      var table = PageFrameTable(minimumCapacity: 1)
      var model: [UInt64: Int] = [:]
      let universe = UInt64(1 + round * 25)
      let highBits = round % 2 == 0 ? 0 : rng.next() & ~0xFFFF
      for _ in 0..<3_000 {
        let key = PageKey(rawValue: highBits | rng.next() % universe)
        switch rng.next() % 3 {
        case 0, 1:
          let value = Int(rng.next() % 1_000_000)
          table.set(value, for: key)
          model[key.rawValue] = value
        default:
          #expect(table.removeValue(for: key) == model.removeValue(forKey: key.rawValue))
        }
        #expect(table.count == model.count)
      }
      for k in 0..<universe {
        let key = PageKey(rawValue: highBits | k)
        #expect(table[key] == model[key.rawValue])
        #expect(table.contains(key) == (model[key.rawValue] != nil))
      }
    }
  }

  @Test func removeAllKeepsWorking() {
    var table = PageFrameTable(minimumCapacity: 4)
    for i in 0..<100 { table.set(i, for: page(Int64(i))) }
    table.removeAll()
    #expect(table.count == 0 && table[page(5)] == nil)
    table.set(7, for: page(5))
    #expect(table[page(5)] == 7)
  }
}
