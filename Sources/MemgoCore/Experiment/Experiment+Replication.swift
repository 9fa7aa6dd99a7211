/// One replication of one scenario point: the `Simulator` specialised for the point's allocation
/// scope and replacement policy, run to its end.
extension Experiment {
  /// Runs replication `replication` (0-based) of `scenario` without an event log.
  /// - Throws: what `run(_:replication:log:)` throws.
  public static func run(_ scenario: Scenario, replication: Int) throws(TraceError) -> RunResult {
    var log = NoEventLog()
    return try run(scenario, replication: replication, log: &log)
  }

  /// Runs replication `replication` of `scenario`, recording every access in `log`.
  /// - Throws: `TraceError` when a trace-driven process's trace cannot be opened or read to its
  ///   end (it changed or vanished since the scenario was loaded), and for a policy that needs the
  ///   future (OPT), when the next uses cannot be prepared or read back (`ProcessFutures.prepare`).
  public static func run<Log: EventLog>(_ scenario: Scenario, replication: Int, log: inout Log) throws(TraceError)
    -> RunResult
  {
    let visitor = Visitor(scenario: scenario, replication: replication, log: log)
    let (result, finalLog): (RunResult, Log)
    switch scenario.machine.replacement.scope {
    case .global, .local:
      do {
        (result, finalLog) = try scenario.machine.replacement.policy.dispatch(visitor)
      } catch let error as TraceError {
        throw error
      } catch {
        preconditionFailure("unexpected error \(error)")
      }
    case .workingset:
      (result, finalLog) = try visitor.run(WorkingSetAllocator.self)
    case .pff:
      (result, finalLog) = try visitor.run(PFFAllocator.self)
    }
    log = finalLog
    return result
  }

  /// Specialises `Simulator` for the scenario's scope and policy.
  struct Visitor<Log: EventLog>: PolicyVisitor {
    let scenario: Scenario
    let replication: Int
    let log: Log

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws(TraceError) -> (RunResult, Log) {
      scenario.machine.replacement.scope == .local
        ? try run(LocalAllocator<Policy>.self) : try run(GlobalAllocator<Policy>.self)
    }

    func run<Frames: FrameAllocator>(_ allocator: Frames.Type) throws(TraceError) -> (RunResult, Log) {
      let futures = Frames.needsFuture ? try ProcessFutures.prepare(scenario) : []
      let traces = try ProcessTraces.open(scenario)
      var simulator = Simulator<Frames, Log>(
        scenario: scenario, replication: replication, log: log, traces: traces, futures: futures)
      let result = simulator.run()
      if let failure = simulator.readFailure { throw failure }
      return (result, simulator.os.log)
    }
  }
}
