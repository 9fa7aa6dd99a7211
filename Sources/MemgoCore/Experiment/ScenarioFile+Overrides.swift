/// Command-line overrides of a scenario file (`memgo run --seed N --replications R`).
extension ScenarioFile {
  /// This file with the base seed and the replications per point replaced where given, in the
  /// base scenario and in every sweep point.
  public func applying(seed: UInt64?, replications: Int?) -> ScenarioFile {
    var file = self
    for i in file.points.indices {
      if let seed { file.points[i].scenario.seed = seed }
      if let replications { file.points[i].scenario.replications = replications }
    }
    if let seed { file.base.seed = seed }
    if let replications { file.base.replications = replications }
    return file
  }
}
