import Testing

@testable import MemgoCore

@Suite struct CompactPageStreamTests {
  /// Records `ids` (with write bits) and reads them back with their next uses.
  static func roundTrip(_ ids: [Int], writes: [Bool], blockLength: Int, maximumDelta: UInt32) throws -> [FutureAccess] {
    var stream = try CompactPageStream(blockLength: blockLength)
    for (id, write) in zip(ids, writes) { try stream.append(id: id, isWrite: write) }
    #expect(stream.count == Int64(ids.count))
    var future = try stream.nextUses(blockLength: blockLength, maximumDelta: maximumDelta)
    var out: [FutureAccess] = []
    while let access = try future.next() { out.append(access) }
    return out
  }

  /// Dense ids in first-touch order, as the forward pass assigns them.
  static func denseIDs(_ pages: [UInt64]) -> [Int] {
    var ids: [UInt64: Int] = [:]
    return pages.map { page in
      if let id = ids[page] { return id }
      ids[page] = ids.count
      return ids.count - 1
    }
  }

  @Test func textbookNextUses() throws {
    let pages: [UInt64] = [7, 0, 1, 2, 0, 3, 0]
    let ids = Self.denseIDs(pages)
    #expect(ids == [0, 1, 2, 3, 1, 4, 1])
    let out = try Self.roundTrip(
      ids, writes: [false, true, false, false, true, false, false], blockLength: 3, maximumDelta: 100)
    #expect(out.map(\.nextUse) == [.max, 4, .max, .max, 6, .max, .max])
    #expect(out.map(\.id) == [0, 1, 2, 3, 1, 4, 1])
    #expect(out.map(\.isWrite) == [false, true, false, false, true, false, false])
  }

  /// `append(page:)` numbers pages in first-touch order, as `denseIDs` does.
  @Test func pagesAreNumberedInFirstTouchOrder() throws {
    let pages: [UInt64] = [7, 0, 1, 2, 0, 3, 0, 1 << 60]
    var stream = try CompactPageStream(blockLength: 3)
    for page in pages { #expect(try stream.append(page: page, isWrite: false)) }
    #expect(stream.distinctPages == 6)
    var future = try stream.nextUses(blockLength: 3)
    var ids: [Int] = []
    while let access = try future.next() { ids.append(Int(access.id)) }
    #expect(ids == Self.denseIDs(pages))
  }

  /// The backward pass over the scratch file equals the in-memory `NextUse` on seeded random
  /// streams, across block boundaries, with distances past `maximumDelta` taking the far file.
  @Test func matchesInMemoryNextUse() throws {
    var rng = SplitMix64(seed: 11)
    for round in 0..<60 {
      let n = Int(rng.next() % 400)
      let universe = 1 + rng.next() % 50
      let pages = (0..<n).map { _ in rng.next() % universe }
      let writes = (0..<n).map { _ in rng.next() % 3 == 0 }
      let expected = NextUse.indices(for: pages.map { PageKey(rawValue: $0) })
      let maximumDelta: UInt32 = round % 2 == 0 ? 5 : FuturePageStream.escape - 1
      let out = try Self.roundTrip(
        Self.denseIDs(pages), writes: writes, blockLength: 1 + Int(rng.next() % 17), maximumDelta: maximumDelta)
      #expect(out.map(\.nextUse) == expected)
      #expect(out.map(\.isWrite) == writes)
      #expect(out.map { Int($0.id) } == Self.denseIDs(pages))
    }
  }

  @Test func emptyStream() throws {
    #expect(try Self.roundTrip([], writes: [], blockLength: 4, maximumDelta: 10).isEmpty)
  }
}
