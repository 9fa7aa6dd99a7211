/// A loaded scenario file: its base scenario, its sweep axes, and every sweep point already
/// expanded and validated.
public struct ScenarioFile: Sendable {
  /// The path the file was read from, as given (used in error messages only, never in reports).
  public var path: String
  /// The file's raw JSON, in file order.
  public var json: JSONValue
  /// The scenario with no sweep applied.
  public var base: Scenario
  /// The sweep's axes in file order (empty without a sweep).
  public var axes: [SweepAxis]
  /// The cartesian product of the axes, last axis fastest; one point (no parameters) without a sweep.
  public var points: [SweepPoint]

  public init(path: String, json: JSONValue, base: Scenario, axes: [SweepAxis], points: [SweepPoint]) {
    self.path = path
    self.json = json
    self.base = base
    self.axes = axes
    self.points = points
  }
}

/// One swept parameter: a dotted path into the scenario (`machine.frames`, `processes[0].count`)
/// and the values it takes.
public struct SweepAxis: Sendable, Equatable {
  public var path: String
  public var values: [JSONValue]
  public init(path: String, values: [JSONValue]) {
    self.path = path
    self.values = values
  }
}

/// One point of a sweep: the value of each axis, and the scenario with those values applied.
public struct SweepPoint: Sendable {
  /// The point's index in enumeration order (0-based).
  public var index: Int
  /// One value per axis, in axis order.
  public var parameters: [JSONMember]
  /// The scenario at this point.
  public var scenario: Scenario

  public init(index: Int, parameters: [JSONMember], scenario: Scenario) {
    self.index = index
    self.parameters = parameters
    self.scenario = scenario
  }
}
