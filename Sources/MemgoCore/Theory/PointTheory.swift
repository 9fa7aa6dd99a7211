/// The analytical cross-checks of one sweep point (machine-wide): the effective-access-time
/// formula always, and mean-value analysis when the point is a closed product-form network.
/// See `AccessTimeCheck`, `QueueingCheck` and docs/validation.md.
public struct PointTheory: Sendable, Equatable {
  /// Measured versus predicted effective access time.
  public var effectiveAccessTime: AccessTimeCheck
  /// The MVA cross-check, `nil` when it does not apply (`mvaInapplicability` says why).
  public var mva: QueueingCheck?
  /// Why MVA does not apply, `nil` when it does.
  public var mvaInapplicability: String?

  /// Creates the cross-checks from their parts.
  public init(effectiveAccessTime: AccessTimeCheck, mva: QueueingCheck?, mvaInapplicability: String?) {
    self.effectiveAccessTime = effectiveAccessTime
    self.mva = mva
    self.mvaInapplicability = mvaInapplicability
  }

  /// The cross-checks of the replications `runs` of `scenario`.
  public init(scenario: Scenario, runs: [RunResult]) {
    effectiveAccessTime = AccessTimeCheck(runs: runs, machine: scenario.machine)
    let reason = QueueingCheck.inapplicability(of: scenario)
    mva = reason == nil ? QueueingCheck(scenario: scenario, runs: runs) : nil
    mvaInapplicability = mva == nil ? (reason ?? "some replication completed no request") : nil
  }
}
