import Synchronization

/// One `memgo run` of a scenario file's work units: all of them or one shard's, on parallel
/// workers, storing each finished unit in a `UnitStore` when there is an output directory, skipping
/// the stored ones with `resume`, and stopping cleanly between units when asked to.
///
/// An unsharded session reduces each result to its metrics at once and summarises each point as
/// soon as its replications are in (`ReportBuilder`); a shard writes its part file from the store.
/// Either way a run never holds every `RunResult` of a sweep.
public struct ExperimentSession: Sendable {
  /// The run.
  public var plan: RunPlan
  /// Worker threads.
  public var jobs: Int
  /// The shard to run, if any (requires `store`).
  public var shard: ShardSpec?
  /// Where finished units are kept (`--out`), if anywhere.
  public var store: UnitStore?
  /// The directory a shard's part file goes to.
  public var outDirectory: String?
  /// Whether to reuse the units already in the store (`--resume`).
  public var resume: Bool
  /// The metric compared by the report's paired differences.
  public var primaryMetric: Metric

  /// How a session ended.
  public enum Outcome: Sendable {
    /// Every unit ran: the report (unsharded). Write it, then call `finish()`.
    case report(Report)
    /// Every unit of the shard ran and its part file was written at `path` (the store is removed).
    case part(path: String, units: Int)
    /// Stopped by `shouldStop`: `kept` units of `total` are finished (in the store, if any).
    case interrupted(kept: Int, total: Int)
  }

  /// A session; `store` and `outDirectory` are required for shards.
  public init(
    plan: RunPlan, jobs: Int, shard: ShardSpec? = nil, outDirectory: String? = nil, resume: Bool = false,
    primaryMetric: Metric = .faultRate
  ) {
    precondition(shard == nil || outDirectory != nil, "ExperimentSession: a shard needs an output directory")
    self.plan = plan
    self.jobs = jobs
    self.shard = shard
    self.outDirectory = outDirectory
    self.store = outDirectory.map { UnitStore(out: $0, scenario: plan.identity.scenario, shard: shard) }
    self.resume = resume
    self.primaryMetric = primaryMetric
  }

  /// The partial result header of this run.
  var header: PartialResult { PartialResult(identity: plan.identity, shard: shard) }

  /// Runs the session. Errors: `.io` for files that cannot be read or written (exit 1), `.invalid`
  /// for stored results that are not this run's or a trace found malformed by a run (exit 2).
  public func run(
    progress: ExperimentProgress = ExperimentProgress(), shouldStop: @escaping @Sendable () -> Bool = { false }
  ) throws(ScenarioLoadError) -> Outcome {
    let total = plan.units.count
    let selected = shard?.units(of: total) ?? Array(0..<total)
    let builder = Mutex(
      ReportBuilder(file: plan.scenario, version: plan.identity.version, primaryMetric: primaryMetric))

    // What a previous, interrupted session left.
    var done = Set<Int>()
    if let store {
      if resume {
        if let shard, let outDirectory, let finished = try finishedPart(out: outDirectory, shard: shard) {
          return .part(path: finished, units: selected.count)
        }
        let wanted = Set(selected)
        for unit in store.storedUnits() where wanted.contains(unit) {
          let entry = try store.read(unit: unit, plan: plan)
          if shard == nil { builder.withLock { _ = $0.add(unit: unit, result: entry.result) } }
          done.insert(unit)
        }
      } else {
        store.removeAll()
      }
      do { try store.create() } catch { throw .io(error.description) }
    }
    let remaining = selected.filter { !done.contains($0) }
    progress.start(total: selected.count, resumed: done.count)

    // Run the rest, storing each unit as it finishes.
    let failure = Mutex<String?>(nil)
    let stored = Atomic<Int>(done.count)
    let header = self.header
    let store = self.store
    let isShard = shard != nil
    let units = plan.units
    let finished: @Sendable (Int, RunResult) -> Void = { index, result in
      if let store {
        let unit = units[index]
        let entry = PartialResult.Entry(unit: index, point: unit.point, replication: unit.replication, result: result)
        do throws(AtomicFile.Error) {
          try store.save(entry, header: header)
          stored.wrappingAdd(1, ordering: .relaxed)
        } catch {
          let message = error.description
          failure.withLock { if $0 == nil { $0 = message } }
          return
        }
      }
      if !isShard {
        let metrics = RunMetrics(result)
        builder.withLock { _ = $0.add(unit: index, metrics: metrics) }
      }
      progress.unitFinished(events: result.events)
    }
    let completed: Bool
    do {
      completed = try Experiment.run(
        plan.scenario, selected: remaining, jobs: jobs,
        shouldStop: { shouldStop() || failure.withLock { $0 != nil } }, completed: finished)
    } catch {
      // A run failed (preparing OPT's future): finished units stay for --resume, an empty store goes.
      if let store { _ = FileSystem.removeDirectory(store.directory) }
      throw ScenarioLoadError(error)
    }
    if let message = failure.withLock({ $0 }) { throw .io(message) }
    guard completed else {
      return .interrupted(kept: store == nil ? 0 : stored.load(ordering: .relaxed), total: selected.count)
    }

    if let shard, let store, let outDirectory {
      let path = UnitStore.partPath(out: outDirectory, scenario: plan.identity.scenario, shard: shard)
      try writePart(to: path, units: selected, from: store)
      store.removeAll()
      return .part(path: path, units: selected.count)
    }
    guard let report = builder.withLock({ $0.report() }) else {
      preconditionFailure("ExperimentSession: every unit ran but the report is incomplete")
    }
    return .report(report)
  }

  /// Removes the unit store once the report files are written.
  public func finish() {
    store?.removeAll()
  }

  /// The path of this shard's part file if it exists and is this run's (a resumed shard that had
  /// already finished), nil if there is none. Throws if it is another run's.
  func finishedPart(out: String, shard: ShardSpec) throws(ScenarioLoadError) -> String? {
    let path = UnitStore.partPath(out: out, scenario: plan.identity.scenario, shard: shard)
    guard FileSystem.exists(path) else { return nil }
    let bytes = try FileSystem.read(path, limit: PartialResult.maximumFileSize)
    var count = 0
    do throws(ScenarioError) {
      let (header, _) = try PartialResult.read(bytes: bytes, file: path, known: plan) { _ throws(ScenarioError) in
        count += 1
      }
      let differences = header.identity.differences(from: plan.identity)
      guard differences.isEmpty, header.shard == shard else {
        let reasons = differences.isEmpty ? ["shard \(header.shard?.description ?? "none"), not \(shard)"] : differences
        throw ScenarioError(
          file: path, path: .root,
          message: "left by a different run: \(reasons.joined(separator: "; ")) (remove it or run without --resume)")
      }
    } catch {
      throw .invalid([error])
    }
    return count == shard.units(of: plan.units.count).count ? path : nil
  }

  /// Writes the part file of `units` from the store, one result line at a time, atomically.
  func writePart(to path: String, units: [Int], from store: UnitStore) throws(ScenarioLoadError) {
    let pending: AtomicFile.Pending
    do { pending = try AtomicFile.openTemporary(for: path) } catch { throw .io(error.description) }
    do throws(ScenarioLoadError) {
      var chunk = header.headerText()
      for (i, unit) in units.enumerated() {
        let entry = try store.read(unit: unit, plan: plan)
        chunk += "    " + PartialResult.entryText(entry) + (i + 1 < units.count ? ",\n" : "\n")
        if chunk.utf8.count >= 1 << 20 {
          do { try AtomicFile.write(chunk, to: pending) } catch { throw .io(error.description) }
          chunk = ""
        }
      }
      chunk += "  ]\n}\n"
      do { try AtomicFile.write(chunk, to: pending) } catch { throw .io(error.description) }
    } catch {
      AtomicFile.abandon(pending)
      throw error
    }
    do { try AtomicFile.commit(pending) } catch { throw .io(error.description) }
  }
}
