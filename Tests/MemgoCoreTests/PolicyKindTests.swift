import Testing

@testable import MemgoCore

@Suite struct PolicyKindTests {
  @Test func rawValuesAreTheScenarioNames() {
    #expect(
      PolicyKind.allCases.map(\.rawValue)
        == [
          "fifo", "lru", "clock", "nru", "lfu", "random", "aging", "wsclock", "arc", "2q", "sieve", "s3fifo", "lirs",
          "mglru", "clockpro", "opt",
        ])
    #expect(PolicyKind(rawValue: "2q") == .twoQ)
    #expect(PolicyKind(rawValue: "twoQ") == nil)
  }

  @Test func onlyOPTNeedsTheFuture() throws {
    #expect(PolicyKind.allCases.filter(\.needsFuture) == [.opt])
    struct NeedsFuture: PolicyVisitor {
      func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> Bool { Policy.needsFuture }
    }
    for kind in PolicyKind.allCases { #expect(try kind.dispatch(NeedsFuture()) == kind.needsFuture, "\(kind)") }
  }

  @Test func dispatchPicksTheNamedType() throws {
    struct Name: PolicyVisitor {
      func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> String { "\(Policy.self)" }
    }
    let names = try PolicyKind.allCases.map { try $0.dispatch(Name()) }
    #expect(
      names == [
        "FIFOPolicy", "LRUPolicy", "ClockPolicy", "NRUPolicy", "LFUPolicy", "RandomPolicy", "AgingPolicy",
        "WSClockPolicy", "ARCPolicy", "TwoQPolicy", "SIEVEPolicy", "S3FIFOPolicy", "LIRSPolicy", "MGLRUPolicy",
        "ClockProPolicy", "OPTPolicy",
      ])
    #expect(PolicyKind.allCases.map(\.displayName).contains("2Q"))
  }
}

@Suite struct EmptyPolicyTests {
  /// With no frames, or with every frame freed, no policy has a victim, and none traps.
  @Test(arguments: PolicyKind.allCases)
  func noCandidatesNoVictim(kind: PolicyKind) throws {
    struct Probe: PolicyVisitor {
      func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> Bool {
        var none = Policy(frameCount: 0, configuration: ReplacementConfig(), seed: 1)
        guard none.selectVictim(at: .zero) == nil, none.selectVictim(for: ref(1)) == nil else { return false }
        var some = Policy(frameCount: 4, configuration: ReplacementConfig(), seed: 1)
        guard some.selectVictim(at: .zero) == nil else { return false }
        some.didLoad(FrameNumber(1), ref(1, at: 0))
        some.didLoad(FrameNumber(3), ref(2, write: true, at: 1))
        some.didAccess(FrameNumber(3), ref(2, at: 2))
        some.didFree(FrameNumber(1))
        some.didFree(FrameNumber(1))
        some.didFree(FrameNumber(0))  // never loaded
        guard some.selectVictim(for: ref(5, at: 3)) == FrameNumber(3) else { return false }
        return some.selectVictim(at: SimTime(picoseconds: 4)) == nil
      }
    }
    #expect(try kind.dispatch(Probe()))
  }
}
