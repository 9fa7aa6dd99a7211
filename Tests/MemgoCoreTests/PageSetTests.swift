import Testing

@testable import MemgoCore

@Suite struct PageSetTests {
  /// Against `Set<UInt64>` on clustered, sequential, extreme and arbitrary pages.
  @Test func matchesStandardSet() {
    var rng = SplitMix64(seed: 12)
    var set = PageSet()
    var reference: Set<UInt64> = []
    for step in 0..<40_000 {
      let r = rng.next()
      let page: UInt64
      switch step % 4 {
      case 0: page = r % 3000
      case 1: page = UInt64(step)
      case 2: page = [0, 511, 512, UInt64.max, UInt64.max - 511, 1 << 55][Int(r % 6)]
      default: page = r
      }
      #expect(set.insert(page) == reference.insert(page).inserted)
    }
    #expect(set.count == reference.count)
    for page in reference.prefix(2000) { #expect(set.contains(page)) }
    #expect(!set.contains(123_456_789_012))
  }
}
