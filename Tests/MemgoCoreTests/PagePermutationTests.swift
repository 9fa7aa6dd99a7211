import Testing

@testable import MemgoCore

@Suite struct PagePermutationTests {
  /// Every value of [0, n) is hit exactly once, and `inverse` undoes the permutation.
  @Test(arguments: [1, 2, 3, 4, 5, 7, 16, 17, 100, 1000, 4097, 65_537])
  func isBijective(count: Int) {
    for seed: UInt64 in [0, 1, 0xDEAD_BEEF] {
      let p = PagePermutation(count: Int64(count), seed: seed)
      var hits = [Int](repeating: 0, count: count)
      for x in 0..<Int64(count) {
        let y = p(x)
        #expect(y >= 0 && y < Int64(count))
        if y >= 0 && y < Int64(count) { hits[Int(y)] += 1 }
        #expect(p.inverse(y) == x)
      }
      #expect(hits.allSatisfy { $0 == 1 }, "n = \(count), seed \(seed)")
    }
  }

  /// The Feistel network itself is a bijection of its power-of-four domain.
  @Test func feistelNetworkIsBijectiveOnItsDomain() {
    let p = PagePermutation(count: 200, seed: 5)  // domain 256
    #expect(p.halfBits == 4)
    var seen = Set<UInt64>()
    for v in 0..<UInt64(256) {
      let e = p.encrypt(v)
      #expect(e < 256 && p.decrypt(e) == v)
      seen.insert(e)
    }
    #expect(seen.count == 256)
  }

  @Test func differentSeedsGiveDifferentPermutations() {
    let n: Int64 = 1000
    var images = Set<[Int64]>()
    for seed: UInt64 in 0..<20 {
      let p = PagePermutation(count: n, seed: seed)
      let image = (0..<n).map { p($0) }
      #expect(image != Array(0..<n))
      images.insert(image)
    }
    #expect(images.count == 20)
    let a = PagePermutation(count: n, seed: 1)
    let b = PagePermutation(count: n, seed: 1)
    #expect((0..<n).allSatisfy { a($0) == b($0) })
  }

  /// 2^40 pages: images stay in range, invert, and the first 1000 pages are scattered (their
  /// images fall in all 16 sixteenths of the range).
  @Test func scattersHugeRanges() {
    let n: Int64 = 1 << 40
    let p = PagePermutation(count: n, seed: 77)
    var sixteenths = Set<Int64>()
    for x in 0..<Int64(1000) {
      let y = p(x)
      #expect(y >= 0 && y < n)
      #expect(p.inverse(y) == x)
      sixteenths.insert(y >> 36)
    }
    #expect(sixteenths.count == 16)
    let odd = PagePermutation(count: n + 12_345, seed: 3)
    for x in [Int64(0), 1, n - 1, n + 12_344] { #expect(odd.inverse(odd(x)) == x) }
    let max = PagePermutation(count: PagePermutation.maximumCount, seed: 9)
    #expect(max.inverse(max(PagePermutation.maximumCount - 1)) == PagePermutation.maximumCount - 1)
  }
}
