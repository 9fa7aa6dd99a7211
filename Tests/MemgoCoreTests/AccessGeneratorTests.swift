import Testing

@testable import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct AccessGeneratorTests {
  static func random(_ rng: inout Xoshiro256StarStar, in range: ClosedRange<Int64>) -> Int64 {
    range.lowerBound + rng.nextInt(below: range.upperBound - range.lowerBound + 1)
  }

  /// A valid pattern with random parameters for an address space of `pages` pages.
  static func randomPattern(_ rng: inout Xoshiro256StarStar, addressSpace: Int64, pages: Int64)
    -> AccessPatternConfig
  {
    switch rng.nextInt(below: 7) {
    case 0: return .uniform
    case 1: return .sequential(stride: nil)
    case 2: return .sequential(stride: random(&rng, in: 0...(2 * addressSpace)))
    case 3: return .loop(pages: random(&rng, in: 1...(2 * pages)))
    case 4: return .zipf(exponent: 0.05 + 3 * rng.nextDouble())
    case 5:
      return .hotcold(
        hotFraction: rng.nextBool(probability: 0.2) ? 0 : rng.nextDouble(), hotProbability: rng.nextDouble())
    default:
      return .workingset(
        size: random(&rng, in: 1...(2 * addressSpace)), phaseLength: Int(random(&rng, in: 1...50)),
        locality: rng.nextDouble())
    }
  }

  /// 1500 seeded random configurations (address spaces from 1 byte to 2^48, page sizes 1 to
  /// 64KiB, every pattern), 100 requests each: always 0 ≤ va and va + size ≤ addressSpace.
  @Test func addressesStayInsideTheAddressSpace() {
    var rng = Xoshiro256StarStar(seed: 2718)
    for _ in 0..<1500 {
      let pageSize = Int64(1) << rng.nextInt(below: 17)
      let addressSpace: Int64
      switch rng.nextInt(below: 3) {
      case 0: addressSpace = Self.random(&rng, in: 1...10_000)
      case 1: addressSpace = Self.random(&rng, in: 1...(1 << 30))
      default: addressSpace = Self.random(&rng, in: (1 << 40)...(1 << 48))
      }
      let pages = (addressSpace + pageSize - 1) / pageSize
      let pattern = Self.randomPattern(&rng, addressSpace: addressSpace, pages: pages)
      #expect(AccessGenerator.problem(with: pattern) == nil)
      var generator = AccessGenerator(
        pattern: pattern, addressSpace: addressSpace, pageSize: pageSize, seed: rng.next())
      #expect(generator.pageCount == pages)
      for _ in 0..<100 {
        let size =
          rng.nextBool(probability: 0.5)
          ? Self.random(&rng, in: 1...min(addressSpace, 16_384)) : Self.random(&rng, in: 1...addressSpace)
        let va = generator.nextAddress(size: size, rng: &rng)
        #expect(va >= 0 && va <= addressSpace - size, "\(pattern), space \(addressSpace), size \(size): \(va)")
      }
    }
  }

  @Test func uniformCoversTheRange() {
    var rng = Xoshiro256StarStar(seed: 1)
    var generator = AccessGenerator(pattern: .uniform, addressSpace: 1000, pageSize: 64, seed: 0)
    var seen = Set<Int64>()
    for _ in 0..<30_000 { seen.insert(generator.nextAddress(size: 1, rng: &rng)) }
    #expect(seen == Set(0..<1000))
    #expect((0..<100).allSatisfy { _ in generator.nextAddress(size: 1000, rng: &rng) == 0 })
    var wide = AccessGenerator(pattern: .uniform, addressSpace: 1 << 48, pageSize: 4096, seed: 0)
    let n = 100_000
    let mean = (0..<n).reduce(0.0) { acc, _ in acc + Double(wide.nextAddress(size: 64, rng: &rng)) } / Double(n)
    let range = Double((1 << 48) - 64)
    #expect(abs(mean - range / 2) < 4 * range / 12.0.squareRoot() / Double(n).squareRoot())
  }

  /// Hand-computed sequences; sequential and loop draw no random numbers.
  @Test func sequentialAdvancesAndWraps() {
    var rng = Xoshiro256StarStar(seed: 1)
    let untouched = rng
    func run(_ stride: Int64?, _ sizes: [Int64], space: Int64 = 100) -> [Int64] {
      var g = AccessGenerator(pattern: .sequential(stride: stride), addressSpace: space, pageSize: 16, seed: 0)
      return sizes.map { g.nextAddress(size: $0, rng: &rng) }
    }
    #expect(run(nil, [30, 30, 30, 30, 30]) == [0, 30, 60, 0, 30])
    #expect(run(nil, [10, 50, 45, 45, 10, 1]) == [0, 10, 0, 45, 90, 0])
    #expect(run(25, [10, 10, 10, 10, 10, 10]) == [0, 25, 50, 75, 0, 25])
    #expect(run(25, [30, 30, 30, 30]) == [0, 25, 50, 0])
    #expect(run(0, [7, 7, 7]) == [0, 0, 0])
    #expect(run(100, [1, 1, 1]) == [0, 0, 0])
    #expect(run(.max, [1, 1, 1], space: 1 << 48) == [0, 0, 0])
    #expect(rng.s0 == untouched.s0 && rng.s1 == untouched.s1)
  }

  @Test func loopCyclesOverItsPages() {
    var rng = Xoshiro256StarStar(seed: 1)
    let untouched = rng
    func run(_ pages: Int64, space: Int64, size: Int64, count: Int) -> [Int64] {
      var g = AccessGenerator(pattern: .loop(pages: pages), addressSpace: space, pageSize: 4096, seed: 0)
      return (0..<count).map { _ in g.nextAddress(size: size, rng: &rng) }
    }
    #expect(run(3, space: 10 * 4096, size: 64, count: 7) == [0, 4096, 8192, 0, 4096, 8192, 0])
    // More loop pages than the space has: cycles over the space's 2 pages.
    #expect(run(20, space: 2 * 4096, size: 64, count: 5) == [0, 4096, 0, 4096, 0])
    // A partial last page: page 2 starts at 8192 but a 4000-byte request must end by 12188.
    #expect(run(3, space: 3 * 4096 - 100, size: 4000, count: 4) == [0, 4096, 8188, 0])
    #expect(run(1, space: 10 * 4096, size: 64, count: 3) == [0, 0, 0])
    #expect(rng.s0 == untouched.s0 && rng.s1 == untouched.s1)
  }

  /// The hottest page is π(0) for the permutation of the generator's seed, with frequency
  /// P(0) = 1/H_{1000,1}; the next is π(1) with half of it.
  @Test func zipfHottestPageMatchesPmf() {
    let pages: Int64 = 1000
    var generator = AccessGenerator(pattern: .zipf(exponent: 1), addressSpace: pages * 4096, pageSize: 4096, seed: 5)
    var rng = Xoshiro256StarStar(seed: 6)
    var counts = [Int](repeating: 0, count: Int(pages))
    let n = 200_000
    for _ in 0..<n {
      let va = generator.nextAddress(size: 64, rng: &rng)
      #expect(va % 4096 == 0)
      counts[Int(va / 4096)] += 1
    }
    let harmonic = (1...1000).reduce(0.0) { $0 + 1 / Double($1) }
    let permutation = PagePermutation(count: pages, seed: 5)
    let hottest = counts.indices.max { counts[$0] < counts[$1] }!
    #expect(Int64(hottest) == permutation(0))
    #expect(hottest != 0)
    for rank in [0, 1] {
      let p = 1 / Double(rank + 1) / harmonic
      let f = Double(counts[Int(permutation(Int64(rank)))]) / Double(n)
      #expect(abs(f - p) < 4 * (p * (1 - p) / Double(n)).squareRoot(), "rank \(rank): \(f), expected \(p)")
    }
  }

  @Test func hotcoldHotShareMatchesProbability() {
    var rng = Xoshiro256StarStar(seed: 11)
    var generator = AccessGenerator(
      pattern: .hotcold(hotFraction: 0.1, hotProbability: 0.8), addressSpace: 1000 * 4096, pageSize: 4096, seed: 0)
    let n = 100_000
    var hot = 0
    var hotPages = Set<Int64>()
    var coldPages = Set<Int64>()
    for _ in 0..<n {
      let page = generator.nextAddress(size: 64, rng: &rng) / 4096
      if page < 100 {
        hot += 1
        hotPages.insert(page)
      } else {
        coldPages.insert(page)
      }
    }
    #expect(abs(Double(hot) / Double(n) - 0.8) < 4 * (0.16 / Double(n)).squareRoot())
    #expect(hotPages.count == 100 && coldPages.count == 900)
    // Rounding: 0.07 of 100 pages is 7 hot pages; 0 gives one; 1 makes every page hot.
    for (fraction, expected) in [(0.07, Int64(7)), (0, 1), (1, 100), (0.001, 1)] {
      let g = AccessGenerator(
        pattern: .hotcold(hotFraction: fraction, hotProbability: 0.5), addressSpace: 100 * 4096, pageSize: 4096, seed: 0
      )
      guard case .hotcold(let h, _) = g.mode else {
        Issue.record("not hotcold")
        continue
      }
      #expect(h == expected, "hotFraction \(fraction)")
    }
    var allHot = AccessGenerator(
      pattern: .hotcold(hotFraction: 1, hotProbability: 0), addressSpace: 10 * 4096, pageSize: 4096, seed: 0)
    var seen = Set<Int64>()
    for _ in 0..<1000 { seen.insert(allHot.nextAddress(size: 1, rng: &rng) / 4096) }
    #expect(seen == Set(0..<10))
  }

  /// 50 phases of 1000 requests: the set moves only at phase boundaries, nearly every phase has
  /// its own set, and the share of requests inside the set is locality + (1 − locality)·W/P.
  @Test func workingsetPhasesAndLocality() {
    var rng = Xoshiro256StarStar(seed: 13)
    let pages: Int64 = 10_000
    var generator = AccessGenerator(
      pattern: .workingset(size: 10 * 4096, phaseLength: 1000, locality: 0.9), addressSpace: pages * 4096,
      pageSize: 4096, seed: 0)
    var starts: [Int64] = []
    var inside = 0
    let n = 50_000
    for k in 0..<n {
      let page = generator.nextAddress(size: 64, rng: &rng) / 4096
      let start = generator.workingSetStart
      if k % 1000 == 0 {
        starts.append(start)
      } else {
        #expect(start == starts.last, "the set moved inside a phase at request \(k)")
      }
      #expect(start >= 0 && start + 10 <= pages)
      if page >= start && page < start + 10 { inside += 1 }
    }
    #expect(Set(starts).count >= 45)
    let p = 0.9 + 0.1 * 10 / Double(pages)
    #expect(abs(Double(inside) / Double(n) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot())
  }

  /// A set size that is not a whole number of pages rounds up; a set larger than the space is the
  /// whole space.
  @Test func workingsetSizeRoundsUpToPages() {
    var rng = Xoshiro256StarStar(seed: 14)
    var generator = AccessGenerator(
      pattern: .workingset(size: 10 * 4096 + 1, phaseLength: 2000, locality: 1), addressSpace: 1000 * 4096,
      pageSize: 4096, seed: 0)
    var seen = Set<Int64>()
    for _ in 0..<2000 { seen.insert(generator.nextAddress(size: 8, rng: &rng) / 4096) }
    let start = generator.workingSetStart
    #expect(seen == Set(start..<(start + 11)))
    var whole = AccessGenerator(
      pattern: .workingset(size: 1 << 40, phaseLength: 3, locality: 1), addressSpace: 5 * 4096, pageSize: 4096, seed: 0)
    seen = []
    for _ in 0..<1000 { seen.insert(whole.nextAddress(size: 8, rng: &rng) / 4096) }
    #expect(seen == Set(0..<5))
    #expect(whole.workingSetStart == 0)
  }

  @Test func problemsAreReported() {
    let invalid: [AccessPatternConfig] = [
      .sequential(stride: -1), .loop(pages: 0), .zipf(exponent: 0), .zipf(exponent: .nan), .zipf(exponent: 100),
      .hotcold(hotFraction: 1.5, hotProbability: 0.5), .hotcold(hotFraction: 0.5, hotProbability: -0.1),
      .workingset(size: 0, phaseLength: 1, locality: 0.5), .workingset(size: 1, phaseLength: 0, locality: 0.5),
      .workingset(size: 1, phaseLength: 1, locality: .nan),
    ]
    for pattern in invalid { #expect(AccessGenerator.problem(with: pattern) != nil, "\(pattern)") }
  }

  @Test func sameSeedsSameAddresses() {
    for pattern in [AccessPatternConfig.zipf(exponent: 0.9), .hotcold(hotFraction: 0.2, hotProbability: 0.9)] {
      var a = AccessGenerator(pattern: pattern, addressSpace: 1 << 30, pageSize: 4096, seed: 3)
      var b = AccessGenerator(pattern: pattern, addressSpace: 1 << 30, pageSize: 4096, seed: 3)
      var ra = Xoshiro256StarStar(seed: 4)
      var rb = Xoshiro256StarStar(seed: 4)
      for _ in 0..<1000 { #expect(a.nextAddress(size: 64, rng: &ra) == b.nextAddress(size: 64, rng: &rb)) }
    }
  }
  /// A memoized permutation (the simulator's) gives the addresses the Feistel network gives, for
  /// every size and for address spaces with a partial last page.
  @Test func memoizedZipfPermutationGivesTheSameAddresses() {
    for (space, exponent) in [(Int64(40_000 * 1024), 0.9), (12_345 * 4096 + 100, 1.3), (4096, 0.5)] {
      var plain = AccessGenerator(pattern: .zipf(exponent: exponent), addressSpace: space, pageSize: 4096, seed: 9)
      var memoized = plain
      let count = Int(memoized.zipfPageCount)
      #expect(count == Int((space + 4095) / 4096))
      let memo = UnsafeMutablePointer<Int32>.allocate(capacity: count)
      memo.initialize(repeating: 0, count: count)
      defer { memo.deallocate() }
      var a = Xoshiro256StarStar(seed: 3)
      var b = a
      var sizes = Xoshiro256StarStar(seed: 4)
      for _ in 0..<20_000 {
        let size = 1 + sizes.nextInt(below: 9000)
        #expect(plain.nextAddress(size: size, rng: &a) == memoized.nextAddress(size: size, rng: &b, zipfPages: memo))
      }
    }
    #expect(AccessGenerator(pattern: .uniform, addressSpace: 1 << 20, pageSize: 4096, seed: 1).zipfPageCount == 0)
  }
}
