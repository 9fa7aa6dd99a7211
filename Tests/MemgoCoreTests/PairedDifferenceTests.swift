import Testing

@testable import MemgoCore

@Suite struct PairedDifferenceTests {
  static let frames = SweepAxis(path: "machine.frames", values: [.number("16"), .number("32"), .number("64")])
  static let policy = SweepAxis(path: "machine.replacement.policy", values: [.string("lru"), .string("clock")])

  /// Four replications; point (f, lru) and (f, clock) differ by 1, 2, 3, 4 in replications 0...3
  /// at frames 16, and by a constant 0.5 at frames 64.
  static let samples: [[Double]] = [
    [10, 20, 30, 40], [9, 18, 27, 36],  // frames 16: differences 1, 2, 3, 4
    [5, 5, 5, 5], [5, 5, 5, 5],  // frames 32: no difference
    [2, 4, 6, 8], [1.5, 3.5, 5.5, 7.5],  // frames 64: 0.5 each time
  ]

  @Test func halfWidthMatchesAHandComputation() throws {
    let all = PairedDifference.all(axes: [Self.frames, Self.policy], samples: Self.samples, metric: .faults)
    #expect(all.count == 3)
    let first = all[0]
    #expect(first.axis == "machine.replacement.policy")
    #expect(first.minuend == .string("lru"))
    #expect(first.subtrahend == .string("clock"))
    #expect(first.parameters == [JSONMember(key: "machine.frames", value: .number("16"))])
    #expect(first.metric == .faults)
    // d = 1, 2, 3, 4: mean 2.5, s² = (2.25 + 0.25 + 0.25 + 2.25) / 3 = 5/3,
    // half-width = t(0.975, 3) · s / √4 = 3.1824463053 · 1.2909944487 / 2 = 2.0542602568
    #expect(first.difference.mean == 2.5)
    #expect(abs(try #require(first.difference.stddev) - (5.0 / 3).squareRoot()) < 1e-15)
    let expected = 3.1824463053 * (5.0 / 3).squareRoot() / 2
    #expect(abs(try #require(first.difference.ci95) - expected) < 1e-12)
    #expect(abs(expected - 2.0542602568) < 1e-9)
    #expect(all[1].difference == Summary(mean: 0, stddev: 0, ci95: 0, n: 4))
    #expect(all[2].difference.mean == 0.5)
    #expect(all[2].difference.ci95 == 0)
    #expect(all[2].parameters == [JSONMember(key: "machine.frames", value: .number("64"))])
  }

  @Test func pairingRemovesTheCommonVariation() {
    // The unpaired intervals of frames 16 are wide (values 10...40); the paired one is not.
    let all = PairedDifference.all(axes: [Self.frames, Self.policy], samples: Self.samples, metric: .faults)
    let unpaired = Summary(Self.samples[0])
    #expect((unpaired.ci95 ?? 0) > 8 * (all[0].difference.ci95 ?? .infinity))
  }

  @Test func everyTwoValuedAxisIsCompared() {
    let size = SweepAxis(path: "processes[0].count", values: [.number("1"), .number("2")])
    // size (first, slower) × policy: point p = 2·size + policy.
    let samples: [[Double]] = [[1], [2], [4], [8]]
    let all = PairedDifference.all(axes: [size, Self.policy], samples: samples, metric: .faults)
    let axes = ["processes[0].count", "processes[0].count", "machine.replacement.policy", "machine.replacement.policy"]
    #expect(all.map(\.axis) == axes)
    let means: [Double] = [-3, -6, -1, -4]  // 1 − 4, 2 − 8, 1 − 2, 4 − 8
    #expect(all.map(\.difference.mean) == means)
    #expect(all[0].parameters == [JSONMember(key: "machine.replacement.policy", value: .string("lru"))])
    #expect(all.allSatisfy { $0.difference.ci95 == nil && $0.difference.n == 1 })
  }

  @Test func noTwoValuedAxisOrMismatchedSamplesGiveNothing() {
    #expect(PairedDifference.all(axes: [Self.frames], samples: [[1], [2], [3]], metric: .faults).isEmpty)
    #expect(PairedDifference.all(axes: [], samples: [[1]], metric: .faults).isEmpty)
    #expect(PairedDifference.all(axes: [Self.policy], samples: [[1]], metric: .faults).isEmpty)
  }

  @Test func unequalReplicationsPairTheCommonOnes() {
    let all = PairedDifference.all(axes: [Self.policy], samples: [[3, 5, 7], [1, 2]], metric: .faults)
    #expect(all.count == 1)
    #expect(all[0].difference.n == 2)
    #expect(all[0].difference.mean == 2.5)
  }
}
