import Testing

@testable import MemgoCore

@Suite struct TraceProfileTests {
  typealias S = TraceTestSupport
  static let lackeyTrace = S.dataDirectory.appendingPathComponent("lackey-matmul.trace").path

  /// The real lackey trace (counts from Tests/data/README.md, computed independently).
  @Test func profilesTheRealLackeyTrace() throws {
    let profile = try TraceProfile(path: Self.lackeyTrace)
    #expect(profile.format == .lackey)
    #expect(profile.references == 17_603)
    #expect(profile.pageAccesses == 18_791)
    #expect(profile.writes == 384 + 1_188)
    #expect(profile.skippedLines == 0)
    #expect(profile.droppedInstructions == 0)
    #expect(profile.curve.distinctPages == 12)
    #expect(profile.curve.faultCurve().last == 12)

    let data = try TraceProfile(path: Self.lackeyTrace, noInstructions: true)
    #expect(data.references == 17_603)
    #expect(data.droppedInstructions == 11_391)
    #expect(data.pageAccesses == 18_791 - 11_391)
    #expect(data.curve.distinctPages == 11)
  }

  /// A small hand-checked trace: LRU with 1 frame faults on R1, W2, R1, W3 (W1 hits).
  @Test func countsPagesWritesAndFaultsByHand() throws {
    let path = S.temporaryFile("R 0x1000\nW 0x1ffe 4\n# comment\nR 0x1001\nW 0x3000\n")
    defer { S.remove(path) }
    let profile = try TraceProfile(path: path, pageSize: 4096)
    #expect(profile.format == .plain)
    #expect(profile.references == 4)
    // Page accesses: R1, W1, W2, R1, W3.
    #expect(profile.pageAccesses == 5)
    #expect(profile.writes == 3)
    #expect(profile.curve.distinctPages == 3)
    #expect(profile.curve.faultCurve() == [4, 3, 3])
  }

  @Test func skipsBadLinesWhenAsked() throws {
    let path = S.temporaryFile("0 1000\n9 1000\n1 2000\n")
    defer { S.remove(path) }
    #expect(throws: TraceError.self) { _ = try TraceProfile(path: path, format: .din) }
    let profile = try TraceProfile(path: path, format: .din, options: TraceReaderOptions(skipBadLines: true))
    #expect(profile.skippedLines == 1)
    #expect(profile.references == 2)
  }

  @Test func emptyTraceHasNoFaults() throws {
    let path = S.temporaryFile("")
    defer { S.remove(path) }
    let profile = try TraceProfile(path: path)
    #expect(profile.references == 0)
    #expect(profile.pageAccesses == 0)
    #expect(profile.curve.faults(frames: 64) == 0)
  }

  @Test func samplesWithShards() throws {
    let sampler = try #require(SpatialSampler(rate: 0.5))
    let profile = try TraceProfile(path: Self.lackeyTrace, sampler: sampler)
    #expect(profile.curve.samplingRate == 0.5)
    #expect(profile.pageAccesses == 18_791)
    #expect(profile.curve.sampledAccesses < profile.pageAccesses)
  }
}
