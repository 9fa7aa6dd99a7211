import Testing

@testable import MemgoCore

@Suite struct PageMapTests {
  /// Against `Dictionary` over seeded random keys, through several growths.
  @Test func matchesDictionary() {
    var rng = SplitMix64(seed: 5)
    var map = PageMap(minimumCapacity: 4)
    var reference: [UInt64: Int] = [:]
    for step in 0..<50_000 {
      // Mix small sequential pages, clustered pages and arbitrary 64-bit ones.
      let r = rng.next()
      let page = step % 3 == 0 ? r % 5000 : step % 3 == 1 ? (r % 64) << 40 : r
      let value = Int(rng.next() % 1_000_000)
      #expect(map.exchange(page, with: value) == reference.updateValue(value, forKey: page))
    }
    #expect(map.count == reference.count)
    for (page, value) in reference { #expect(map.value(of: page) == value) }
    #expect(map.value(of: 0xdead_beef_dead_beef) == reference[0xdead_beef_dead_beef])
    map.transformValues { $0 * 2 + 1 }
    for (page, value) in reference { #expect(map.value(of: page) == value * 2 + 1) }
  }

  /// `insertIfAbsent` keeps the first value stored, against `Dictionary`.
  @Test func insertIfAbsentKeepsTheFirstValue() {
    var rng = SplitMix64(seed: 6)
    var map = PageMap(minimumCapacity: 2)
    var reference: [UInt64: Int] = [:]
    for step in 0..<20_000 {
      let page = rng.next() % 3000
      let expected = reference[page]
      if expected == nil { reference[page] = step }
      #expect(map.insertIfAbsent(page, value: step) == expected)
    }
    #expect(map.count == reference.count)
    for (page, value) in reference { #expect(map.value(of: page) == value) }
  }

  @Test func storesZeroAndMaxKeys() {
    var map = PageMap()
    #expect(map.value(of: 0) == nil)
    #expect(map.exchange(0, with: 7) == nil)
    #expect(map.exchange(.max, with: 0) == nil)
    #expect(map.exchange(0, with: 8) == 7)
    #expect(map.value(of: .max) == 0)
    #expect(map.count == 2)
  }
}
