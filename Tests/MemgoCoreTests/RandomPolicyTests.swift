import Testing

@testable import MemgoCore

@Suite struct RandomPolicyTests {
  func victims(seed: UInt64, workload: UInt64) -> [PageKey?] {
    let w = RandomWorkload(seed: workload)
    var r = PolicyReplay<RandomPolicy>(frames: w.frames, configuration: w.configuration, seed: seed)
    var out: [PageKey?] = []
    for op in w.ops {
      if case .reference(let p, let isWrite) = op { out.append(r.reference(p, isWrite: isWrite).victim) }
    }
    return out
  }

  @Test func sameSeedSameVictims() {
    for workload in UInt64(0)..<50 {
      #expect(victims(seed: 42, workload: workload) == victims(seed: 42, workload: workload))
    }
  }

  @Test func differentSeedsDifferentVictims() {
    var eligible = 0
    var differing = 0
    for workload in UInt64(0)..<200 {
      let a = victims(seed: 1, workload: workload)
      // Enough draws among enough frames to tell (one frame leaves no choice).
      guard RandomWorkload(seed: workload).frames >= 3, a.compactMap({ $0 }).count >= 4 else { continue }
      eligible += 1
      if a != victims(seed: 2, workload: workload) { differing += 1 }
    }
    #expect(eligible >= 20)
    #expect(differing * 10 >= eligible * 9, "\(differing) of \(eligible)")
  }

  /// Victims are uniform over the resident frames: 80,000 draws over 8 frames, each drawn frame
  /// put back. Expected 10,000 each, standard deviation ≈ 94; chi-square with 7 degrees of freedom.
  @Test func uniformOverFrames() {
    var policy = RandomPolicy(frameCount: 8, configuration: ReplacementConfig(), seed: 2024)
    for f in 0..<8 { policy.didLoad(FrameNumber(f), ref(Int64(f))) }
    var counts = Array(repeating: 0, count: 8)
    for i in 0..<80_000 {
      guard let v = policy.selectVictim(at: .zero) else {
        Issue.record("no victim")
        return
      }
      counts[v.index] += 1
      policy.didLoad(v, ref(Int64(i)))
    }
    let chiSquare = counts.reduce(0.0) { $0 + Double(($1 - 10_000) * ($1 - 10_000)) / 10_000 }
    #expect(counts.allSatisfy { abs($0 - 10_000) < 500 }, "\(counts)")
    #expect(chiSquare < 24.3, "chi-square \(chiSquare) for \(counts)")  // p = 0.001
  }

  @Test func freedFramesAreNeverChosen() {
    var policy = RandomPolicy(frameCount: 3, configuration: ReplacementConfig(), seed: 5)
    for f in 0..<3 { policy.didLoad(FrameNumber(f), ref(Int64(f))) }
    policy.didFree(FrameNumber(1))
    policy.didFree(FrameNumber(1))  // a second free is harmless
    let a = policy.selectVictim(at: .zero)
    let b = policy.selectVictim(at: .zero)
    #expect(Set([a, b]) == Set([FrameNumber(0), FrameNumber(2)]))
    #expect(policy.selectVictim(at: .zero) == nil)
    let out = victimsAroundExit(RandomPolicy.self)
    #expect(out.freedFrameReused)
    #expect(out.victims.count >= 2)
  }
}
