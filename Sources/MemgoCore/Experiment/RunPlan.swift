/// A run about to be made or collected: its identity, the scenario file it runs (overrides
/// applied) and its work units in index order.
public struct RunPlan: Sendable {
  /// What identifies the run in partial results.
  public var identity: RunIdentity
  /// The scenario file, with `--seed` and `--replications` applied.
  public var scenario: ScenarioFile
  /// The work units, in index order.
  public var units: [Experiment.WorkUnit]

  /// The plan of running `loaded` with the overrides, by memgo `version`.
  public init(loaded: ScenarioFile, seedOverride: UInt64?, replicationsOverride: Int?, version: String) {
    scenario = loaded.applying(seed: seedOverride, replications: replicationsOverride)
    identity = RunIdentity(
      file: scenario, seedOverride: seedOverride, replicationsOverride: replicationsOverride, version: version)
    units = Experiment.units(of: scenario)
  }

  /// The plan of an identity read from a partial result: its scenario loaded again from the
  /// definition it carries (see `RunIdentity.scenarioFile(file:)`).
  public init(identity: RunIdentity, file: String) throws(ScenarioError) {
    self.identity = identity
    scenario = try identity.scenarioFile(file: file)
    units = Experiment.units(of: scenario)
  }
}
