import Testing

@testable import MemgoCore

@Suite struct SpatialSamplerTests {
  @Test func rateIsRoundedToMultiplesOfOneOverP() throws {
    #expect(try #require(SpatialSampler(rate: 1)).samplesAll)
    #expect(try #require(SpatialSampler(rate: 0.1)).threshold == 1_677_722)
    #expect(try #require(SpatialSampler(rate: 0.5)).rate == 0.5)
    #expect(try #require(SpatialSampler(rate: 1.0 / 16_777_216)).threshold == 1)
  }

  @Test(arguments: [0, -0.5, 1.0000001, 2, Double.nan, Double.infinity, 1e-9])
  func rejectsRatesOutsideTheRange(rate: Double) {
    #expect(SpatialSampler(rate: rate) == nil)
  }

  /// About `R` of the pages are sampled, for sequential and scattered page numbers alike.
  @Test func samplesAboutTheRateOfPages() throws {
    let sampler = try #require(SpatialSampler(rate: 0.1))
    let sequential = (0..<100_000 as Range<UInt64>).filter { sampler.samples($0) }.count
    let scattered = (0..<100_000 as Range<UInt64>).filter { sampler.samples($0 << 20 | 0x7) }.count
    // Binomial(100000, 0.1): standard deviation about 95, so 600 is more than 6 sigma.
    #expect(abs(sequential - 10_000) < 600)
    #expect(abs(scattered - 10_000) < 600)
  }
}
