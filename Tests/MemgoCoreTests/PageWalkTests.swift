import Testing

@testable import MemgoCore

/// The one page-table walk (`PageWalk`) and the tables' operations built on it, by hand on a
/// three-level table: 9 index bits per level, top level first.
@Suite struct PageWalkTests {
  /// Page 0x40201 has indices 1 (level 3: bits 18-26), 1 (level 2: bits 9-17) and 1 (leaf: bits
  /// 0-8). Process 0's root is table 0 and process 1's table 1; the fault handler allocates table 2
  /// (level 2) and table 3 (the leaf table), so the leaf entry is 3 × 512 + 1.
  @Test func allocatingWalkThenReadingWalk() {
    var tables = PageTable(levels: 3, processCount: 2, physicalBase: 1 << 20)
    let vpn: Int64 = 0x40201
    #expect(tables.existingLeafEntry(process: 0, vpn: vpn) == nil)
    let leaf = tables.leafEntry(process: 0, vpn: vpn)
    #expect(leaf == 3 * 512 + 1)
    #expect(tables.tableCount == 4)
    #expect(tables.existingLeafEntry(process: 0, vpn: vpn) == leaf)
    #expect(tables.leafEntry(process: 0, vpn: vpn) == leaf)  // nothing more allocated
    #expect(tables.tableCount == 4)
    #expect(!tables.isPresent(process: 0, vpn: vpn))
    tables.entries[leaf] = PageTable.present
    #expect(tables.isPresent(process: 0, vpn: vpn))
    #expect(!tables.isPresent(process: 1, vpn: vpn))

    // The steps: the level-3 entry (table 0, index 1), then the level-2 entry (table 2, index 1),
    // each pointing to the next table; then the leaf's index, which the walk does not read.
    var walk = PageWalk(vpn: vpn, from: tables.roots[0], level: 3)
    var steps: [(Int, Int)] = []
    while let step = walk.next(in: tables) {
      #expect(step.value & PageTable.present != 0)
      steps.append((step.level, step.entry))
    }
    #expect(steps.map(\.0) == [3, 2] && steps.map(\.1) == [1, 2 * 512 + 1])
    #expect(walk.leaf == leaf)
    #expect(walk.next(in: tables) == nil)

    // Process 1's walk stops at its root's entry 1, which is not present.
    var other = PageWalk(vpn: vpn, from: tables.roots[1], level: 3)
    let first = other.next(in: tables)
    #expect(first?.entry == 512 + 1 && first?.value == 0)
    #expect(other.next(in: tables) == nil)
    #expect(other.leaf == nil && other.stop.entry == 512 + 1 && other.stop.level == 3)
  }
}
