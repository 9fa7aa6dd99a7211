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
    // `visit` never throws; `dispatch` is declared throwing for visitors that do.
    guard let (result, finalLog) = try? scenario.machine.replacement.policy.dispatch(visitor) else {
      preconditionFailure("simulation visitor threw")
    }
    log = finalLog
    return result
  }

  /// Specialises `Simulator` for the scenario's policy.
  struct Visitor<Log: EventLog>: PolicyVisitor {
    let scenario: Scenario
    let replication: Int
    let log: Log

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> (RunResult, Log) {
      var simulator = Simulator<Policy, Log>(scenario: scenario, replication: replication, log: log)
      let result = simulator.run()
      return (result, simulator.log)
    }
  }
}
