/// The replacement policies a scenario can name in `machine.replacement.policy`.
///
/// Adding a policy is one file, one case here, one line in `PolicyKind.dispatch` (PolicyDispatch.swift), and its tests.
public enum PolicyKind: String, CaseIterable, Sendable {
  case fifo

  /// Whether the policy needs the future reference stream (OPT), so can run only where it is known.
  public var needsFuture: Bool { false }
}
