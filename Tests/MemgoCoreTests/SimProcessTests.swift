import Testing

@testable import MemgoCore

@Suite struct SimProcessTests {
  /// The per-process state the access path indexes stays within 512 bytes (a power of two, so an
  /// index is a shift; eight cache lines), which the field order arranges.
  @Test func stateFitsFiveHundredTwelveBytes() {
    #expect(MemoryLayout<SimProcess>.stride <= 512)
  }
}
