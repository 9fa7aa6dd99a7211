import Testing

@testable import MemgoCore

@Suite struct WalkCacheTests {
  @Test func lowestCachedLevelWins() {
    var c = WalkCache(levels: 4, ways: 2)
    check(walkStart(c.lookup(vpn: 0, asid: 0)), [])
    c.insert(level: 4, vpn: 0, asid: 0, table: 7)
    check(walkStart(c.lookup(vpn: 5, asid: 0)), [3, 7])  // same 512 GiB region: start at level 3
    c.insert(level: 3, vpn: 0, asid: 0, table: 8)
    c.insert(level: 2, vpn: 0, asid: 0, table: 9)
    check(walkStart(c.lookup(vpn: 511, asid: 0)), [1, 9])  // same leaf table: read the leaf only
    check(walkStart(c.lookup(vpn: 512, asid: 0)), [2, 8])  // next 2 MiB region: its level-2 entry is not cached
    check(walkStart(c.lookup(vpn: 512 * 512, asid: 0)), [3, 7])  // next 1 GiB region
    check(walkStart(c.lookup(vpn: 512 * 512 * 512, asid: 0)), [])  // next 512 GiB region
    check(walkStart(c.lookup(vpn: 0, asid: 1)), [])  // another address space
  }

  @Test func eachLevelIsLRU() {
    var c = WalkCache(levels: 2, ways: 2)
    c.insert(level: 2, vpn: 0, asid: 0, table: 1)
    c.insert(level: 2, vpn: 512, asid: 0, table: 2)
    check(walkStart(c.lookup(vpn: 0, asid: 0)), [1, 1])  // region 0 is now the most recent
    c.insert(level: 2, vpn: 1024, asid: 0, table: 3)  // evicts region 1
    check(walkStart(c.lookup(vpn: 512, asid: 0)), [])
    check(walkStart(c.lookup(vpn: 0, asid: 0)), [1, 1])
    check(walkStart(c.lookup(vpn: 1024, asid: 0)), [1, 3])
    c.insert(level: 2, vpn: 1024, asid: 0, table: 4)  // an update keeps one entry
    check(walkStart(c.lookup(vpn: 0, asid: 0)), [1, 1])
    check(walkStart(c.lookup(vpn: 1024, asid: 0)), [1, 4])
    c.flush()
    check(walkStart(c.lookup(vpn: 0, asid: 0)), [])
  }

  @Test func oneLevelTablesHaveNoCache() {
    var c = WalkCache(levels: 1, ways: 4)
    #expect(c.entries.isEmpty)
    check(walkStart(c.lookup(vpn: 3, asid: 0)), [])
  }
}
