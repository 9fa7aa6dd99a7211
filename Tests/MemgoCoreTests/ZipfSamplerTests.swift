import Testing

@testable import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct ZipfSamplerTests {
  /// The exact pmf P(k) = (k+1)^−s / Σ_{j=1}^{n} j^−s.
  static func pmf(count n: Int, exponent s: Double) -> [Double] {
    let weights = (1...n).map { pow(Double($0), -s) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
  }

  /// Σ_{j=1}^{n} j^−s for huge n: exact up to 10^5, then Euler–Maclaurin for the tail.
  static func generalizedHarmonic(_ n: Double, _ s: Double) -> Double {
    let m = 100_000.0
    var sum = 0.0
    for j in stride(from: m, through: 1, by: -1) { sum += pow(j, -s) }
    let f = { (x: Double) in pow(x, -s) }
    let df = { (x: Double) in -s * pow(x, -s - 1) }
    let integral = s == 1 ? log(n / m) : (pow(n, 1 - s) - pow(m, 1 - s)) / (1 - s)
    return sum + integral + (f(n) - f(m)) / 2 + (df(n) - df(m)) / 12
  }

  static let sampleCount = 200_000

  /// 200k samples against the exact pmf: chi-square below df + 5·√(2 df), and every frequency
  /// within 4 binomial standard errors.
  @Test(arguments: [10, 100], [0.5, 0.9, 1.0, 1.5])
  func frequenciesMatchExactPmf(count: Int, exponent: Double) {
    for tabulated in [true, false] {
      checkFrequencies(ZipfSampler(count: Int64(count), exponent: exponent, tabulated: tabulated), count, exponent)
    }
  }

  /// Samples of the alias table (small counts) and of rejection-inversion against the pmf at a
  /// count the table still covers and the other method must also get right.
  @Test func bothMethodsAtTheTableLimit() {
    let n = Int(ZipfAliasTable.maximumCount)
    let table = ZipfSampler(count: Int64(n), exponent: 0.9)
    let inversion = ZipfSampler(count: Int64(n), exponent: 0.9, tabulated: false)
    #expect(table.table != nil && inversion.table == nil)
    #expect(ZipfSampler(count: Int64(n) + 1, exponent: 0.9).table == nil)
    let p0 = 1 / Self.generalizedHarmonic(Double(n), 0.9)
    for sampler in [table, inversion] {
      var rng = Xoshiro256StarStar(seed: 77)
      let draws = 200_000
      var zeros = 0
      for _ in 0..<draws {
        let k = sampler.sample(&rng)
        #expect(k >= 0 && k < Int64(n))
        if k == 0 { zeros += 1 }
      }
      let f = Double(zeros) / Double(draws)
      #expect(abs(f - p0) < 4 * (p0 * (1 - p0) / Double(draws)).squareRoot(), "frequency \(f), expected \(p0)")
    }
  }

  /// Samplers of the same law share one table.
  @Test func tablesAreShared() {
    let a = ZipfSampler(count: 5_000, exponent: 0.7)
    let b = ZipfSampler(count: 5_000, exponent: 0.7)
    #expect(a.table === b.table)
    #expect(ZipfSampler(count: 5_000, exponent: 0.71).table !== a.table)
  }

  func checkFrequencies(_ sampler: ZipfSampler, _ count: Int, _ exponent: Double) {
    var rng = Xoshiro256StarStar(seed: UInt64(count) &* 1_000 &+ UInt64(exponent * 10))
    var counts = [Int](repeating: 0, count: count)
    for _ in 0..<Self.sampleCount {
      let k = sampler.sample(&rng)
      #expect(k >= 0 && k < Int64(count))
      counts[Int(k)] += 1
    }
    let p = Self.pmf(count: count, exponent: exponent)
    let n = Double(Self.sampleCount)
    var chi2 = 0.0
    for k in 0..<count {
      let expected = n * p[k]
      chi2 += (Double(counts[k]) - expected) * (Double(counts[k]) - expected) / expected
      let se = (p[k] * (1 - p[k]) / n).squareRoot()
      #expect(abs(Double(counts[k]) / n - p[k]) < 4 * se, "rank \(k): \(counts[k]), expected \(expected)")
    }
    let df = Double(count - 1)
    #expect(chi2 < df + 5 * (2 * df).squareRoot(), "chi-square \(chi2) with \(df) degrees of freedom")
  }

  /// n = 2^40: the most probable rank's frequency matches 1 / H_{n,s}, all ranks in range.
  @Test(arguments: [0.9, 1.0, 1.5])
  func hugeCountHeadProbability(exponent: Double) {
    let n: Int64 = 1 << 40
    let sampler = ZipfSampler(count: n, exponent: exponent)
    var rng = Xoshiro256StarStar(seed: 40)
    let draws = 100_000
    var zeros = 0
    var ones = 0
    for _ in 0..<draws {
      let k = sampler.sample(&rng)
      #expect(k >= 0 && k < n)
      if k == 0 { zeros += 1 } else if k == 1 { ones += 1 }
    }
    let p0 = 1 / Self.generalizedHarmonic(Double(n), exponent)
    let p1 = p0 * pow(2, -exponent)
    for (observed, p) in [(zeros, p0), (ones, p1)] {
      let f = Double(observed) / Double(draws)
      #expect(abs(f - p) < 4 * (p * (1 - p) / Double(draws)).squareRoot(), "frequency \(f), expected \(p)")
    }
  }

  /// The squeeze k − x ≤ 2 − H⁻¹(H(2.5) − h(2)) only accepts points the exact test accepts:
  /// k − H⁻¹(H(k + ½) − h(k)) never drops below it. (Checked where h(k) is at least 10^−7 of
  /// H(k + ½); beyond, for s > 1, H saturates at 1/(s − 1) and its double-precision rounding, not
  /// the squeeze, limits the resolution: those ranks have probability below about 10^−7 each.)
  @Test(arguments: [0.01, 0.5, 0.9, 0.999_999, 1.0, 1.000_001, 1.1, 2, 5, 10, 20])
  func squeezeIsConservative(exponent: Double) {
    let sampler = ZipfSampler(count: 1 << 20, exponent: exponent, tabulated: false)
    for k in 2...5_000 {
      let x = Double(k)
      if ZipfSampler.h(x, exponent) < 1e-7 * abs(ZipfSampler.hIntegral(x + 0.5, exponent)) { break }
      let boundary =
        x
        - ZipfSampler.hIntegralInverse(
          ZipfSampler.hIntegral(x + 0.5, exponent) - ZipfSampler.h(x, exponent), exponent)
      #expect(boundary >= sampler.squeeze - 1e-9, "s = \(exponent), k = \(k): \(boundary) < \(sampler.squeeze)")
    }
  }

  /// H and H⁻¹ are inverse, and continuous as s crosses 1 (where H becomes ln x).
  @Test func hIntegralIsInvertibleAndContinuousAtOne() {
    for s in [0.3, 0.999_999_999, 1.0, 1.000_000_001, 2.5] {
      // For s > 1, x^(1−s) must stay well above the rounding error of H ≈ 1/(s − 1).
      for x in [1.0, 1.5, 2.5, 10.5, 1e3, 1e6, 1e12] where s < 2 || x < 1e4 {
        let y = ZipfSampler.hIntegral(x, s)
        #expect(abs(ZipfSampler.hIntegralInverse(y, s) - x) <= 1e-9 * x, "s = \(s), x = \(x)")
      }
    }
    #expect(abs(ZipfSampler.hIntegral(1e6, 1 - 1e-12) - log(1e6)) < 1e-9)
    #expect(abs(ZipfSampler.hIntegral(1e6, 1 + 1e-12) - log(1e6)) < 1e-9)
  }

  @Test func degenerateCases() {
    var rng = Xoshiro256StarStar(seed: 1)
    let one = ZipfSampler(count: 1, exponent: 1)
    #expect((0..<100).allSatisfy { _ in one.sample(&rng) == 0 })
    // Exponent 0 is the uniform law.
    let flat = ZipfSampler(count: 4, exponent: 0)
    var counts = [0, 0, 0, 0]
    for _ in 0..<40_000 { counts[Int(flat.sample(&rng))] += 1 }
    #expect(counts.allSatisfy { abs($0 - 10_000) < 4 * 87 }, "\(counts)")
    // The steepest exponent puts (almost) everything on rank 0, and stays in range.
    let steep = ZipfSampler(count: 1 << 30, exponent: ZipfSampler.maximumExponent)
    let ranks = (0..<10_000).map { _ in steep.sample(&rng) }
    #expect(ranks.allSatisfy { $0 >= 0 && $0 < 1 << 30 })
    #expect(ranks.filter { $0 == 0 }.count >= 9_990)
  }

  @Test func sameSeedSameRanks() {
    let sampler = ZipfSampler(count: 1_000, exponent: 0.8)
    var a = Xoshiro256StarStar(seed: 17)
    var b = Xoshiro256StarStar(seed: 17)
    for _ in 0..<1_000 { #expect(sampler.sample(&a) == sampler.sample(&b)) }
  }
}
