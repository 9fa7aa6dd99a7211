import Testing

@testable import MemgoCore

/// Each allocator's constants agree with the scope it implements.
@Suite struct FrameAllocatorTests {
  @Test func constantsAgreeWithTheScope() {
    #expect(GlobalAllocator<FIFOPolicy>.scope == .global && !GlobalAllocator<FIFOPolicy>.controlsLoad)
    #expect(LocalAllocator<LRUPolicy>.scope == .local && !LocalAllocator<LRUPolicy>.controlsLoad)
    #expect(WorkingSetAllocator.scope == .workingset && WorkingSetAllocator.controlsLoad)
    #expect(PFFAllocator.scope == .pff && PFFAllocator.controlsLoad)
    for scope in AllocationScope.allCases { #expect(scope.controlsLoad == (scope == .workingset || scope == .pff)) }
  }

  /// Global and local scopes run the policy, so they need the future exactly when it does; the
  /// load-controlling scopes choose pages by their own rules.
  @Test func onlyScopesRunningOPTNeedTheFuture() {
    #expect(GlobalAllocator<OPTPolicy>.needsFuture && LocalAllocator<OPTPolicy>.needsFuture)
    #expect(!GlobalAllocator<LRUPolicy>.needsFuture && !LocalAllocator<FIFOPolicy>.needsFuture)
    #expect(!WorkingSetAllocator.needsFuture && !PFFAllocator.needsFuture)
    for scope in AllocationScope.allCases {
      #expect(ReplacementConfig(policy: .opt, scope: scope).needsFuture == !scope.controlsLoad)
      #expect(!ReplacementConfig(policy: .lru, scope: scope).needsFuture)
    }
  }
}
