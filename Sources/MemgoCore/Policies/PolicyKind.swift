/// The replacement policies a scenario can name in `machine.replacement.policy`.
///
/// Adding a policy is one file, one case here, one line in `Simulation/RunSimulation.swift`'s switch, and its tests.
public enum PolicyKind: String, CaseIterable, Sendable {
  case fifo
  case lru
  case clock

  /// Whether the policy needs the future reference stream (OPT), so can run only where it is known.
  public var needsFuture: Bool { false }
}
