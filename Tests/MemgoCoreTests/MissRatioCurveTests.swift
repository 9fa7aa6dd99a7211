import Foundation
import Testing

@testable import MemgoCore

@Suite struct MissRatioCurveTests {
  /// LRU faults with `frames` frames by direct simulation of the LRU stack (list-based, O(n) per
  /// reference): the reference the one-pass curve must match.
  static func naiveLRUFaults(_ pages: [UInt64], frames: Int) -> Int {
    var stack: [UInt64] = []  // most recent first
    var faults = 0
    for page in pages {
      if let position = stack.firstIndex(of: page) {
        stack.remove(at: position)
      } else {
        faults += 1
        if stack.count == frames { stack.removeLast() }
      }
      stack.insert(page, at: 0)
    }
    return faults
  }

  static func curve(_ pages: [UInt64], minimumSlotCapacity: Int = 1 << 12) -> MissRatioCurve {
    var curve = MissRatioCurve(sampler: SpatialSampler(rate: 1)!, minimumSlotCapacity: minimumSlotCapacity)
    for page in pages { curve.access(page) }
    return curve
  }

  /// Silberschatz, Galvin and Gagne, Operating System Concepts, 9.4.4: LRU on this string makes 12
  /// faults with 3 frames; with 4 it makes 8.
  @Test func textbookReferenceString() {
    let refs: [UInt64] = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1]
    let curve = Self.curve(refs)
    #expect(curve.accesses == 20)
    #expect(curve.distinctPages == 6)
    #expect(curve.faults(frames: 3) == 12)
    #expect(curve.faults(frames: 4) == 8)
    #expect(curve.faults(frames: 6) == 6)
    #expect(curve.faults(frames: 100) == 6)
    #expect(curve.faults(frames: 0) == 20)
    #expect(curve.faultCurve() == (1...6).map { Self.naiveLRUFaults(refs, frames: $0) })
    #expect(curve.faults(forFrames: [4, 3, 0, 1, 7]) == [8, 12, 20, 20, 6])  // no reference repeats its predecessor
  }

  /// Stack distances by hand: a b c a b c -> 3 cold, then three references at distance 3.
  @Test func distanceHistogram() {
    let curve = Self.curve([1, 2, 3, 1, 2, 3, 3])
    #expect(curve.sampledColdMisses == 3)
    #expect(curve.referenceCount(atDistance: 3) == 3)
    #expect(curve.referenceCount(atDistance: 1) == 1)
    #expect(curve.referenceCount(atDistance: 2) == 0)
    #expect(curve.faultCurve() == [6, 6, 3])
  }

  @Test func emptyTrace() {
    let curve = Self.curve([])
    #expect(curve.accesses == 0)
    #expect(curve.distinctPages == 0)
    #expect(curve.faultCurve() == [])
    #expect(curve.faults(frames: 4) == 0)
    #expect(curve.missRatio(frames: 4) == 0)
  }

  /// One pass equals the naive LRU simulation at every memory size, on seeded random traces with
  /// locality, and with a tiny slot table so that time compaction happens many times.
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func matchesNaiveLRUAtEverySize(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let universe = 5 + rng.next() % 60
    var pages: [UInt64] = []
    for _ in 0..<1500 {
      // Half the time revisit one of the last few pages, else pick any page (scattered numbers).
      if rng.next() % 2 == 0, let recent = pages.suffix(8).randomElement(using: &rng) {
        pages.append(recent)
      } else {
        pages.append((rng.next() % universe) &* 0x1234_5678_9ABC_DEF1)
      }
    }
    for capacity in [2, 3, 16, 1 << 12] {
      let curve = Self.curve(pages, minimumSlotCapacity: capacity)
      let expected = (1...curve.distinctPages).map { Self.naiveLRUFaults(pages, frames: $0) }
      #expect(curve.faultCurve() == expected, "seed \(seed), slot capacity \(capacity)")
      #expect(curve.distinctPages == Set(pages).count)
    }
  }

  @Test func invalidSamplingRatesAreRejected() {
    #expect(MissRatioCurve(samplingRate: 0) == nil)
    #expect(MissRatioCurve(samplingRate: 1.5) == nil)
    #expect(MissRatioCurve(samplingRate: 1)?.samplingRate == 1)
    #expect(MissRatioCurve(samplingRate: 0.25)?.samplingRate == 0.25)
  }

  /// A sampling rate of 1 is the exact curve.
  @Test func fullRateIsExact() throws {
    var rng = SplitMix64(seed: 77)
    let pages = (0..<3000).map { _ in rng.next() % 300 }
    var sampled = try #require(MissRatioCurve(samplingRate: 1))
    for page in pages { sampled.access(page) }
    #expect(sampled.faultCurve() == Self.curve(pages).faultCurve())
  }

  // MARK: - SHARDS

  /// Zipf-distributed page numbers over `universe` pages (inverse CDF by binary search).
  static func zipfTrace(seed: UInt64, universe: Int, exponent: Double, count: Int) -> [UInt64] {
    var cdf: [Double] = []
    var total = 0.0
    for rank in 1...universe {
      total += 1 / pow(Double(rank), exponent)
      cdf.append(total)
    }
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let u = Double(rng.next() >> 11) / Double(1 << 53) * total
      var low = 0
      var high = universe - 1
      while low < high {
        let mid = (low + high) / 2
        if cdf[mid] < u { low = mid + 1 } else { high = mid }
      }
      // Scatter the ranks so that each seed puts different hot pages into the sample.
      return UInt64(low) &* 0x9E37_79B9_7F4A_7C15 &+ seed &* 0x2545_F491_4F6C_DD1D
    }
  }

  /// Mean absolute error of the miss ratio over every memory size `1 ... exact distinct pages`.
  static func meanAbsoluteError(exact: MissRatioCurve, sampled: MissRatioCurve) -> Double {
    let truth = exact.faultCurve()
    var estimate = sampled.faultCurve()
    // Beyond its estimated distinct pages the sampled curve stays at its last value.
    estimate += Array(repeating: estimate.last ?? 0, count: max(0, truth.count - estimate.count))
    let n = Double(exact.accesses)
    return zip(truth, estimate).map { abs(Double($0) - Double($1)) / n }.reduce(0, +) / Double(truth.count)
  }

  /// SHARDS at R = 0.1 on zipf traces (20,000 pages, exponent 0.8, 200,000 references, hot pages
  /// scattered differently per seed) stays close to the exact curve. Measured mean absolute errors of
  /// the miss ratio over every size, seeds 1-6: 0.0032, 0.0055, 0.0223, 0.0059, 0.0038, 0.0075 (mean
  /// 0.008; without the SHARDS_adj normalisation: mean 0.019, worst 0.040). The worst seed is one
  /// where the hottest pages fall outside the sample. Asserted with margin: mean < 0.02, each < 0.04.
  @Test func shardsErrorBoundOnZipf() throws {
    var errors: [Double] = []
    for seed in 1...6 as ClosedRange<UInt64> {
      let pages = Self.zipfTrace(seed: seed, universe: 20_000, exponent: 0.8, count: 200_000)
      var exact = MissRatioCurve()
      var sampled = try #require(MissRatioCurve(samplingRate: 0.1))
      for page in pages {
        exact.access(page)
        sampled.access(page)
      }
      #expect(sampled.accesses == exact.accesses)
      #expect(abs(Double(sampled.sampledAccesses) / Double(sampled.accesses) - 0.1) < 0.05)
      errors.append(Self.meanAbsoluteError(exact: exact, sampled: sampled))
      let estimate = sampled.faultCurve()
      #expect(sampled.faults(forFrames: [1, 100, 5000]) == [1, 100, 5000].map { sampled.faults(frames: $0) })
      #expect(zip(estimate, estimate.dropFirst()).allSatisfy { $0 >= $1 })
      #expect(estimate.allSatisfy { $0 <= sampled.accesses })
      // The distinct-page estimate is within 5% here.
      #expect(abs(Double(sampled.distinctPages) / Double(exact.distinctPages) - 1) < 0.05)
    }
    #expect(errors.reduce(0, +) / Double(errors.count) < 0.02, "\(errors)")
    #expect(errors.allSatisfy { $0 < 0.04 }, "\(errors)")
  }
}
