/// Entry points that run one replication of one scenario point with the policy it names.
public enum Simulation {
  /// Runs replication `replication` (0-based) of `scenario` without an event log.
  public static func run(_ scenario: Scenario, replication: Int) -> RunResult {
    var log = NoEventLog()
    return run(scenario, replication: replication, log: &log)
  }

  /// Runs replication `replication` of `scenario`, recording every access in `log`.
  public static func run<Log: EventLog>(_ scenario: Scenario, replication: Int, log: inout Log) -> RunResult {
    let visitor = Visitor(scenario: scenario, replication: replication, log: log)
    let (result, finalLog): (RunResult, Log)
    switch scenario.machine.replacement.scope {
    case .global, .local:
      // `visit` never throws; `dispatch` is declared throwing for visitors that do.
      guard let outcome = try? scenario.machine.replacement.policy.dispatch(visitor) else {
        preconditionFailure("simulation visitor threw")
      }
      (result, finalLog) = outcome
    case .workingset:
      (result, finalLog) = visitor.run(WorkingSetAllocator.self)
    case .pff:
      (result, finalLog) = visitor.run(PFFAllocator.self)
    }
    log = finalLog
    return result
  }

  /// Specialises `Simulator` for the scenario's scope and policy.
  struct Visitor<Log: EventLog>: PolicyVisitor {
    let scenario: Scenario
    let replication: Int
    let log: Log

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> (RunResult, Log) {
      scenario.machine.replacement.scope == .local
        ? run(LocalAllocator<Policy>.self) : run(GlobalAllocator<Policy>.self)
    }

    func run<Frames: FrameAllocator>(_ allocator: Frames.Type) -> (RunResult, Log) {
      var simulator = Simulator<Frames, Log>(scenario: scenario, replication: replication, log: log)
      let result = simulator.run()
      return (result, simulator.log)
    }
  }
}
