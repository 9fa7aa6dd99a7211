import Testing

@testable import MemgoCore

@Suite struct RegionPageMapTests {
  /// Against `Dictionary` on clustered, sequential, extreme and arbitrary pages.
  @Test func matchesDictionary() {
    var rng = SplitMix64(seed: 21)
    var map = RegionPageMap()
    var reference: [UInt64: Int] = [:]
    for step in 0..<40_000 {
      let r = rng.next()
      let page: UInt64
      switch step % 4 {
      case 0: page = r % 3000
      case 1: page = UInt64(step / 2)
      case 2: page = [0, 7, 8, UInt64.max, UInt64.max - 7, 1 << 61][Int(r % 6)]
      default: page = r
      }
      let value = Int(rng.next() % 1_000_000)
      #expect(map.exchange(page, with: value) == reference.updateValue(value, forKey: page))
    }
    #expect(map.count == reference.count)
    for (page, value) in reference.prefix(3000) { #expect(map.value(of: page) == value) }
    #expect(map.value(of: 123_456_789_012) == reference[123_456_789_012])
    map.transformValues { $0 * 2 + 1 }
    for (page, value) in reference.prefix(3000) { #expect(map.value(of: page) == value * 2 + 1) }
  }
}
