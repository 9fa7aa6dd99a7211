import Testing

@testable import MemgoCore

@Suite struct FuturePageStreamTests {
  /// Distance 0 is never, the escape code takes the next far value (both files read from their
  /// ends), anything else is relative to the access's index.
  @Test func decodesDistancesAndEscapes() throws {
    let ids = try ScratchFile(purpose: "test")
    let deltas = try ScratchFile(purpose: "test")
    let far = try ScratchFile(purpose: "test")
    var idWriter = ScratchWriter<UInt32>(file: ids)
    for record: UInt32 in [0 << 1, 1 << 1 | 1, 0 << 1, 1 << 1] { try idWriter.append(record) }
    try idWriter.flush()
    // Next uses 2, 3 (escaped), never, never; written in reverse order as the backward pass does.
    var deltaWriter = ScratchWriter<UInt32>(file: deltas)
    for code in [0, 0, FuturePageStream.escape, 2] as [UInt32] { try deltaWriter.append(code) }
    try deltaWriter.flush()
    var farWriter = ScratchWriter<UInt64>(file: far)
    try farWriter.append(3)
    try farWriter.flush()
    var stream = FuturePageStream(ids: ids, deltas: deltas, far: far, count: 4, farCount: 1, blockLength: 3)
    var out: [FutureAccess] = []
    while let access = try stream.next() { out.append(access) }
    #expect(
      out == [
        FutureAccess(id: 0, isWrite: false, nextUse: 2), FutureAccess(id: 1, isWrite: true, nextUse: 3),
        FutureAccess(id: 0, isWrite: false, nextUse: .max), FutureAccess(id: 1, isWrite: false, nextUse: .max),
      ])
  }

  /// A rewound stream reads the same files from the first access, the escape file included,
  /// whatever the original has read.
  @Test func rewoundReadsFromTheStart() throws {
    let pages: [UInt64] = [3, 9, 3, 3, 9, 4, 9]
    var recorder = try CompactPageStream(blockLength: 2)
    for page in pages { #expect(try recorder.append(page: page, isWrite: false)) }
    var stream = try recorder.nextUses(blockLength: 2, maximumDelta: 1)
    let first = try #require(try stream.next())
    _ = try stream.next()
    var again = stream.rewound()
    var rest: [Int64] = []
    while let access = try stream.next() { rest.append(access.nextUse) }
    var all: [Int64] = []
    while let access = try again.next() { all.append(access.nextUse) }
    #expect(all == [2, 4, 3, .max, 6, .max, .max])
    #expect(first.nextUse == all[0] && rest == Array(all[2...]))
  }
}
