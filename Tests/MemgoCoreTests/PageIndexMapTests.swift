import Testing

@testable import MemgoCore

@Suite struct PageIndexMapTests {
  /// Against `Dictionary` over seeded random keys, through several growths.
  @Test func matchesDictionary() {
    var rng = SplitMix64(seed: 5)
    var map = PageIndexMap(minimumCapacity: 4)
    var reference: [UInt64: Int] = [:]
    for step in 0..<50_000 {
      // Mix small sequential pages, clustered pages and arbitrary 64-bit ones.
      let r = rng.next()
      let page = step % 3 == 0 ? r % 5000 : step % 3 == 1 ? (r % 64) << 40 : r
      let (index, inserted) = map.insert(page)
      if let known = reference[page] {
        #expect(!inserted && index == known)
      } else {
        #expect(inserted && index == reference.count)
        reference[page] = index
      }
    }
    #expect(map.count == reference.count)
    for (page, index) in reference { #expect(map.index(of: page) == index) }
    #expect(map.index(of: 0xdead_beef_dead_beef) == reference[0xdead_beef_dead_beef])
  }

  @Test func storesZeroAndMaxKeys() {
    var map = PageIndexMap()
    #expect(map.index(of: 0) == nil)
    #expect(map.insert(0) == (0, true))
    #expect(map.insert(.max) == (1, true))
    #expect(map.insert(0) == (0, false))
    #expect(map.index(of: .max) == 1)
  }
}
