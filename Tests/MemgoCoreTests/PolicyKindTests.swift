import Testing

@testable import MemgoCore

@Suite struct PolicyKindTests {
  @Test func rawValuesAreTheScenarioNames() {
    #expect(
      PolicyKind.allCases.map(\.rawValue)
        == ["fifo", "lru", "clock", "nru", "lfu", "random", "aging", "wsclock", "arc", "2q", "sieve", "opt"])
    #expect(PolicyKind(rawValue: "2q") == .twoQ)
    #expect(PolicyKind(rawValue: "twoQ") == nil)
  }

  @Test func onlyOPTNeedsTheFuture() {
    #expect(PolicyKind.allCases.filter(\.needsFuture) == [.opt])
  }

  @Test func dispatchPicksTheNamedType() throws {
    struct Name: PolicyVisitor {
      func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> String { "\(Policy.self)" }
    }
    let names = try PolicyKind.allCases.map { try $0.dispatch(Name()) }
    #expect(
      names == [
        "FIFOPolicy", "LRUPolicy", "ClockPolicy", "NRUPolicy", "LFUPolicy", "RandomPolicy", "AgingPolicy",
        "WSClockPolicy", "ARCPolicy", "TwoQPolicy", "SIEVEPolicy", "OPTPolicy",
      ])
    #expect(PolicyKind.allCases.map(\.displayName).contains("2Q"))
  }
}
