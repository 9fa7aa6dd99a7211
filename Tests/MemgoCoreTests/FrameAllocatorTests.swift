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
}
