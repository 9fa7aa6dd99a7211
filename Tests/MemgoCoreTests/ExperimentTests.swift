import Synchronization
import Testing

@testable import MemgoCore

@Suite struct ExperimentTests {
  @Test func unitsArePointsTimesReplicationsInOrder() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    let units = Experiment.units(of: file)
    #expect(units.count == 12)
    #expect(units[0] == Experiment.WorkUnit(point: 0, replication: 0))
    #expect(units[1] == Experiment.WorkUnit(point: 0, replication: 1))
    #expect(units[11] == Experiment.WorkUnit(point: 5, replication: 1))
  }

  @Test func reportIsByteIdenticalForOneTwoAndThreeJobs() throws {
    let file = try ExperimentTestSupport.sweep()
    let renderings = try [1, 2, 3].map { jobs in
      ExperimentTestSupport.renderings(
        Report.build(file: file, results: try Experiment.run(file, jobs: jobs), version: "0.1.0"))
    }
    #expect(renderings[0] == renderings[1])
    #expect(renderings[0] == renderings[2])
  }

  @Test func resultsDependOnlyOnTheUnit() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    let units = Experiment.units(of: file)
    // Run a scattered selection in reverse order on three threads; each result equals a lone run.
    let selected = [11, 4, 7, 0]
    let results = Mutex<[Int: RunResult]>([:])
    let complete = try Experiment.run(file, selected: selected, jobs: 3) { index, result in
      results.withLock { $0[index] = result }
    }
    #expect(complete)
    let got = results.withLock { $0 }
    #expect(Set(got.keys) == Set(selected))
    for index in selected {
      let unit = units[index]
      let alone = try Experiment.run(file.points[unit.point].scenario, replication: unit.replication)
      #expect(got[index] == alone)
    }
  }

  @Test func stopsBetweenUnits() throws {
    let file = try ExperimentTestSupport.sweep(replications: 2)
    let count = Atomic<Int>(0)
    let complete = try Experiment.run(
      file, selected: Array(0..<12), jobs: 1, shouldStop: { count.load(ordering: .relaxed) >= 3 }
    ) { _, _ in count.wrappingAdd(1, ordering: .relaxed) }
    #expect(!complete)
    #expect(count.load(ordering: .relaxed) == 3)
  }
}
