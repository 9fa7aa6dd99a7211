import Foundation
import Testing

@testable import MemgoCore

@Suite struct UnitStoreTests {
  @Test func namesFilesAndDirectories() throws {
    #expect(UnitStore.fileName(ofUnit: 42) == "unit-000042.json")
    #expect(UnitStore.fileName(ofUnit: 1_234_567) == "unit-1234567.json")
    #expect(UnitStore.unit(fromFileName: "unit-000042.json") == 42)
    for name in ["unit-.json", "unit-12.jsonx", ".unit-000001.json.tmp.5.0", "unit-1a.json", "x.json"] {
      #expect(UnitStore.unit(fromFileName: name) == nil, "\(name)")
    }
    #expect(UnitStore(out: "out", scenario: "s", shard: nil).directory == "out/s.units")
    let shard = try #require(ShardSpec(index: 3, count: 8))
    #expect(UnitStore(out: "out", scenario: "s", shard: shard).directory == "out/s.shard-3-of-8.units")
    #expect(UnitStore.partPath(out: "o", scenario: "s", shard: shard) == "o/s.shard-3-of-8.json")
  }

  @Test func savesListsReadsAndRemoves() throws {
    try ExperimentTestSupport.withTemporaryDirectory { dir in
      let plan = try ExperimentTestSupport.plan()
      let store = UnitStore(out: dir, scenario: plan.identity.scenario, shard: nil)
      #expect(store.storedUnits().isEmpty)
      try store.create()
      let header = PartialResult(identity: plan.identity, shard: nil)
      let entries = try PartialResultTests.entries(plan, units: [7, 2])
      for entry in entries { try store.save(entry, header: header) }
      #expect(store.storedUnits() == [2, 7])
      #expect(try store.read(unit: 7, plan: plan).result == entries[0].result)
      // A unit of another run (another seed) is refused, naming the store.
      let other = try ExperimentTestSupport.plan(seed: 6)
      do throws(ScenarioLoadError) {
        _ = try store.read(unit: 7, plan: other)
        Issue.record("read a unit of another run")
      } catch {
        #expect(error.lines.first?.contains("left by a different run: seed 5, not 6") == true)
        #expect(error.exitStatus == 2)
      }
      store.removeAll()
      #expect(!FileManager.default.fileExists(atPath: store.directory))
    }
  }
}
