/// A parsed JSON value that keeps object members in file order and numbers as their literal text.
///
/// Order matters to memgo (sweep axes are enumerated in file order, reports echo parameters as
/// written), and the literal keeps numbers exact (`42`, `0.30`) when echoed into reports.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// A number, as its literal text (valid JSON number syntax).
  case number(String)
  case string(String)
  case array([JSONValue])
  /// Members in file order; keys are unique (the parser rejects duplicates).
  case object([JSONMember])
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
  public var key: String
  public var value: JSONValue
  public init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}
