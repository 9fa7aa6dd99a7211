import Testing

@testable import MemgoCore

@Suite struct LatencyHistogramTests {
  @Test func rebuildsFromItsNonEmptyBuckets() throws {
    var rng = SplitMix64(seed: 3)
    for n in [0, 1, 2, 10, 1000] {
      var h = LatencyHistogram()
      for _ in 0..<n { h.record(Int64(rng.next() >> UInt64(20 + rng.next() % 40))) }
      let rebuilt = try #require(LatencyHistogram(buckets: h.nonEmptyBuckets, min: h.min, max: h.max))
      #expect(rebuilt == h)
      #expect(rebuilt.quantile(0.99) == h.quantile(0.99))
    }
  }

  @Test func refusesInconsistentParts() {
    #expect(LatencyHistogram(buckets: [], min: 1, max: 1) == nil)
    #expect(LatencyHistogram(buckets: [(3, 1)], min: 3, max: 2) == nil)
    #expect(LatencyHistogram(buckets: [(3, 1)], min: -3, max: 3) == nil)
    #expect(LatencyHistogram(buckets: [(3, 1), (3, 1)], min: 3, max: 3) == nil)
    #expect(LatencyHistogram(buckets: [(3, -1)], min: 3, max: 3) == nil)
    #expect(LatencyHistogram(buckets: [(3, Int64.max), (4, 1)], min: 3, max: 4) == nil)
    #expect(LatencyHistogram(buckets: [(LatencyHistogram.bucketCount, 1)], min: 3, max: 3) == nil)
    #expect(LatencyHistogram(buckets: [(3, 2), (4, 1)], min: 3, max: 4)?.count == 3)
  }
}
