import Testing

@testable import MemgoCore

// Helpers of the allocator tests: references by process and page, and hand-driven allocators.

/// A read of page `vpn` of process `process`.
func ref(_ process: Int, _ vpn: Int64) -> PageReference {
  PageReference(page: PageKey(process: process, vpn: vpn), isWrite: false, time: .zero)
}

/// Frame `n`.
func frame(_ n: Int) -> FrameNumber { FrameNumber(n) }

/// Expects `value == expected`; takes the value outside the `#expect` macro, so it may come from a
/// mutating call.
func check<T: Equatable>(
  _ value: T, _ expected: T, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(value == expected, sourceLocation: sourceLocation)
}

/// A walk-cache lookup as `[level, table]`, or `[]` on a miss.
func walkStart(_ hit: (level: Int, table: Int32)?) -> [Int] {
  hit.map { [$0.level, Int($0.table)] } ?? []
}
