import Testing

@testable import MemgoCore

@Suite struct PageSpanTests {
  @Test func coversEveryPageOfTheByteRange() {
    #expect(Array(PageSpan(address: 0x1000, size: 1, pageShift: 12)) == [1])
    #expect(Array(PageSpan(address: 0x1fff, size: 1, pageShift: 12)) == [1])
    #expect(Array(PageSpan(address: 0x1fff, size: 2, pageShift: 12)) == [1, 2])
    #expect(Array(PageSpan(address: 0x1000, size: 0x1000, pageShift: 12)) == [1])
    #expect(Array(PageSpan(address: 0x1000, size: 0x1001, pageShift: 12)) == [1, 2])
    #expect(Array(PageSpan(address: 0x0ffc, size: 0x2008, pageShift: 12)) == [0, 1, 2, 3])
    #expect(Array(PageSpan(address: 5, size: 3, pageShift: 0)) == [5, 6, 7])
    #expect(PageSpan(address: 0, size: .max, pageShift: 12).count == 1 << 20)
  }

  @Test func clampsAtTheTopOfTheAddressSpace() {
    let top = PageSpan(address: .max - 1, size: 100, pageShift: 12)
    #expect(top.isClamped)
    #expect(Array(top) == [UInt64.max >> 12])
    let exact = PageSpan(address: .max, size: 1, pageShift: 0)
    #expect(!exact.isClamped)
    #expect(Array(exact) == [.max])
    let wide = PageSpan(address: .max - 8191, size: 9000, pageShift: 12)
    #expect(Array(wide) == [(UInt64.max >> 12) - 1, UInt64.max >> 12])
  }

  @Test func pageShiftRequiresAPowerOfTwo() {
    #expect(PageSpan.pageShift(forPageSize: 4096) == 12)
    #expect(PageSpan.pageShift(forPageSize: 1) == 0)
    #expect(PageSpan.pageShift(forPageSize: 1 << 30) == 30)
    #expect(PageSpan.pageShift(forPageSize: 0) == nil)
    #expect(PageSpan.pageShift(forPageSize: -4096) == nil)
    #expect(PageSpan.pageShift(forPageSize: 3000) == nil)
  }

  /// Against a byte-by-byte enumeration on random small ranges.
  @Test func matchesByteEnumeration() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<2000 {
      let shift = Int(rng.next() % 5)
      let address = rng.next() % 200
      let size = UInt32(1 + rng.next() % 70)
      var pages: [UInt64] = []
      for byte in address..<(address + UInt64(size)) where pages.last != byte >> UInt64(shift) {
        pages.append(byte >> UInt64(shift))
      }
      #expect(Array(PageSpan(address: address, size: size, pageShift: shift)) == pages)
    }
  }
}
