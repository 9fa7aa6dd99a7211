import Testing

@testable import MemgoCore

@Suite struct ShardSpecTests {
  @Test func parsesKOverN() {
    #expect(ShardSpec(parsing: "2/3") == ShardSpec(index: 2, count: 3))
    #expect(ShardSpec(parsing: "1/1")?.description == "1/1")
    for bad in ["0/3", "4/3", "3", "/3", "2/", "a/b", "-1/3", "+1/3", "1/0", "1/3/4", " 1/3", "1/99999999", ""] {
      #expect(ShardSpec(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func shardsPartitionTheUnitsRoundRobin() throws {
    let shard = try #require(ShardSpec(index: 2, count: 3))
    #expect(shard.units(of: 10) == [1, 4, 7])
    #expect(try #require(ShardSpec(index: 5, count: 5)).units(of: 3) == [])
    for total in [0, 1, 7, 12, 100] {
      for n in 1...7 {
        var seen = Array(repeating: 0, count: total)
        for k in 1...n {
          let spec = try #require(ShardSpec(index: k, count: n))
          for u in spec.units(of: total) {
            #expect(spec.contains(unit: u))
            #expect(u % n == k - 1)
            seen[u] += 1
          }
        }
        #expect(seen.allSatisfy { $0 == 1 })
      }
    }
  }
}
