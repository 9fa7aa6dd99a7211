import Foundation
import Synchronization
import Testing

@testable import MemgoCore

@Suite struct ExperimentSessionTests {
  static func report(_ outcome: ExperimentSession.Outcome) throws -> Report {
    guard case .report(let report) = outcome else {
      Issue.record("expected a report, got \(outcome)")
      throw CancellationError()
    }
    return report
  }

  @Test func interruptedThenResumedEqualsUninterrupted() throws {
    let plan = try ExperimentTestSupport.plan()
    let expected = ExperimentTestSupport.renderings(
      try Self.report(ExperimentSession(plan: plan, jobs: 1).run()))
    try ExperimentTestSupport.withTemporaryDirectory { dir in
      let session = ExperimentSession(plan: plan, jobs: 2, outDirectory: dir)
      let progress = ExperimentProgress()
      let outcome = try session.run(progress: progress, shouldStop: { progress.finished >= 5 })
      guard case .interrupted(let kept, let total) = outcome else {
        Issue.record("not interrupted: \(outcome)")
        return
      }
      #expect(total == 18)
      #expect(kept >= 5 && kept < 18)
      let store = try #require(session.store)
      #expect(store.storedUnits().count == kept)
      #expect(!(FileSystem.list(store.directory) ?? []).contains { $0.hasPrefix(".") })

      var resumed = session
      resumed.resume = true
      let again = ExperimentProgress()
      let report = try Self.report(resumed.run(progress: again))
      #expect(again.resumed == kept)
      #expect(again.finished == 18 - kept)
      #expect(ExperimentTestSupport.renderings(report) == expected)
      resumed.finish()
      #expect(FileSystem.list(dir) == [])
    }
  }

  @Test func aRunWithoutResumeStartsAfresh() throws {
    let plan = try ExperimentTestSupport.plan(replications: 1)
    try ExperimentTestSupport.withTemporaryDirectory { dir in
      let session = ExperimentSession(plan: plan, jobs: 1, outDirectory: dir)
      _ = try session.run(shouldStop: { true })
      let progress = ExperimentProgress()
      _ = try session.run(progress: progress)
      #expect(progress.resumed == 0)
      #expect(progress.finished == 6)
    }
  }

  @Test func resumeRefusesAnotherRunsStore() throws {
    let plan = try ExperimentTestSupport.plan(replications: 1)
    try ExperimentTestSupport.withTemporaryDirectory { dir in
      let progress = ExperimentProgress()
      _ = try ExperimentSession(plan: plan, jobs: 1, outDirectory: dir).run(
        progress: progress, shouldStop: { progress.finished >= 1 })
      let other = try ExperimentTestSupport.plan(seed: 7, replications: 1)
      let session = ExperimentSession(plan: other, jobs: 1, outDirectory: dir, resume: true)
      #expect(throws: ScenarioLoadError.self) { try session.run() }
    }
  }

  @Test func shardsWritePartsThatMergeIntoTheUnshardedReport() throws {
    let plan = try ExperimentTestSupport.plan()
    let expected = ExperimentTestSupport.renderings(
      try Self.report(ExperimentSession(plan: plan, jobs: 2).run()))
    try ExperimentTestSupport.withTemporaryDirectory { dir in
      var paths: [String] = []
      for k in [3, 1, 2] {
        let shard = try #require(ShardSpec(index: k, count: 3))
        let outcome = try ExperimentSession(plan: plan, jobs: 2, shard: shard, outDirectory: dir).run()
        guard case .part(let path, let units) = outcome else {
          Issue.record("no part: \(outcome)")
          return
        }
        #expect(path == "\(dir)/tiny-sweep.shard-\(k)-of-3.json")
        #expect(units == 6)
        paths.append(path)
      }
      #expect(FileSystem.list(dir)?.count == 3)  // the stores are gone
      let merged = try PartialResultMerge.merge(paths: paths, version: "0.1.0") { path throws(ScenarioLoadError) in
        try FileSystem.read(path, limit: PartialResult.maximumFileSize)
      }
      #expect(ExperimentTestSupport.renderings(merged) == expected)

      // Resuming a finished shard finds its part and runs nothing.
      let shard = try #require(ShardSpec(index: 1, count: 3))
      let progress = ExperimentProgress()
      let again = try ExperimentSession(plan: plan, jobs: 1, shard: shard, outDirectory: dir, resume: true).run(
        progress: progress)
      guard case .part = again else {
        Issue.record("expected the finished part")
        return
      }
      #expect(progress.finished == 0)
    }
  }
}
