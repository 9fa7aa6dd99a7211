import Testing

@testable import MemgoCore

@Suite struct StudentTTests {
  /// t_{0.975, df} from published tables (6 significant digits).
  @Test(arguments: [
    (1, 12.7062), (2, 4.30265), (3, 3.18245), (4, 2.77645), (5, 2.57058), (6, 2.44691), (7, 2.36462),
    (8, 2.30600), (9, 2.26216), (10, 2.22814), (15, 2.13145), (20, 2.08596), (25, 2.05954), (29, 2.04523),
    (30, 2.04227),
  ])
  func table(df: Int, expected: Double) {
    #expect(abs(StudentT.quantile975(df: df) - expected) <= 0.5e-5 * expected)
  }

  /// Beyond the table, the Cornish-Fisher expansion against known values (7 significant digits).
  @Test(arguments: [(31, 2.039513), (40, 2.021075), (60, 2.000298), (100, 1.983972), (120, 1.979930)])
  func expansion(df: Int, expected: Double) {
    #expect(abs(StudentT.quantile975(df: df) - expected) < 1e-6)
  }

  @Test func decreasesTowardsTheNormalQuantile() {
    var previous = Double.infinity
    for df in 1...2000 {
      let t = StudentT.quantile975(df: df)
      #expect(t < previous)
      #expect(t > 1.959963984540054)
      previous = t
    }
    #expect(abs(StudentT.quantile975(df: 1_000_000) - 1.959966) < 1e-6)
  }

  @Test func noDegreesOfFreedom() {
    #expect(StudentT.quantile975(df: 0) == .infinity)
    #expect(StudentT.quantile975(df: -3) == .infinity)
  }
}
