import Testing

@testable import MemgoCore

@Suite struct SummaryTests {
  @Test func oneToFive() throws {
    let s = Summary([1, 2, 3, 4, 5])
    #expect(s.n == 5)
    #expect(s.mean == 3)
    let stddev = try #require(s.stddev)
    let ci = try #require(s.ci95)
    #expect(abs(stddev - 2.5.squareRoot()) < 1e-15)  // sum of squares 10 over n − 1 = 4
    #expect(abs(stddev - 1.581139) < 5e-7)
    #expect(abs(ci - 2.776445 * 1.581139 / 5.0.squareRoot()) < 1e-6)
    #expect(abs(ci - 1.963243) < 5e-7)
  }

  @Test func twoValues() throws {
    let s = Summary([10, 14])
    #expect(s.mean == 12)
    #expect(abs(try #require(s.stddev) - 8.0.squareRoot()) < 1e-14)
    // t_{0.975,1} · √8 / √2 = 12.7062047362 · 2
    #expect(abs(try #require(s.ci95) - 25.4124094724) < 1e-9)
  }

  /// A metric not applicable in some replication is not applicable: no mean, no spread.
  @Test func notApplicableValuesGiveANotApplicableSummary() {
    let s = Summary([1, .nan, 3])
    #expect(s.mean.isNaN)
    #expect(s.stddev == nil)
    #expect(s.ci95 == nil)
    #expect(s.n == 3)
  }

  @Test func singleValueHasNoSpread() {
    let s = Summary([0.25])
    #expect(s == Summary(mean: 0.25, stddev: nil, ci95: nil, n: 1))
  }

  @Test func noValues() {
    #expect(Summary([]) == Summary(mean: 0, stddev: nil, ci95: nil, n: 0))
  }

  @Test func equalValuesAreExact() {
    let s = Summary([0.1, 0.1, 0.1])
    #expect(s.mean == 0.1)
    #expect(s.stddev == 0)
    #expect(s.ci95 == 0)
  }

  /// Against the textbook two-pass formulas over seeded random samples.
  @Test func matchesNaiveFormulas() throws {
    var rng = SplitMix64(seed: 2024)
    for _ in 0..<500 {
      let n = Int(rng.next() % 40) + 2
      let values = (0..<n).map { _ in Double(rng.next() % 1_000_000) / 1000 }
      let mean = values.reduce(0, +) / Double(n)
      let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
      let s = Summary(values)
      #expect(abs(s.mean - mean) <= 1e-9 * max(1, mean))
      #expect(abs(try #require(s.stddev) - variance.squareRoot()) <= 1e-9 * max(1, variance.squareRoot()))
      let ci = StudentT.quantile975(df: n - 1) * variance.squareRoot() / Double(n).squareRoot()
      #expect(abs(try #require(s.ci95) - ci) <= 1e-9 * max(1, ci))
    }
  }

  /// A large offset must not destroy the variance (the corrected two-pass algorithm).
  @Test func largeOffsetKeepsPrecision() throws {
    let s = Summary([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, 1e9 + 5])
    #expect(s.mean == 1e9 + 3)
    #expect(abs(try #require(s.stddev) - 2.5.squareRoot()) < 1e-6)
  }
}
