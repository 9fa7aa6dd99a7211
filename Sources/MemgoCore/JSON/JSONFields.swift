/// The members of one JSON object read strictly, for files memgo writes and reads back (partial
/// results): every key must be known, required keys present, numbers in range; each problem is a
/// `ScenarioError` naming the file and the JSON path, so the CLI prints
/// `memgo: FILE: PATH: what is wrong (what is expected)`.
struct JSONFields {
  let file: String
  let path: JSONPath
  let members: [JSONMember]

  /// Reads `value` at `path` as an object whose keys are all among `known`.
  init(_ value: JSONValue, at path: JSONPath, file: String, known: [String]) throws(ScenarioError) {
    self.file = file
    self.path = path
    guard case .object(let members) = value else {
      throw ScenarioError(file: file, path: path, message: "expected an object, found \(JSONFields.kind(value))")
    }
    for member in members where !known.contains(member.key) {
      let hint = nearestName(member.key, in: known).map { "; did you mean '\($0)'?" } ?? ""
      throw ScenarioError(
        file: file, path: path.appending(key: member.key),
        message: "unknown key (expected one of \(known.joined(separator: ", "))\(hint))")
    }
    self.members = members
  }

  /// A problem at `key` of this object.
  func problem(_ key: String, _ message: String) -> ScenarioError {
    ScenarioError(file: file, path: path.appending(key: key), message: message)
  }

  /// The value of the required member `key`.
  func value(_ key: String) throws(ScenarioError) -> JSONValue {
    guard let member = members.first(where: { $0.key == key }) else {
      throw ScenarioError(file: file, path: path, message: "missing key '\(key)'")
    }
    return member.value
  }

  /// Whether the object has the member `key`.
  func has(_ key: String) -> Bool { members.contains { $0.key == key } }

  /// The required member `key` as a whole number in `range`.
  func integer(_ key: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
    let value = try value(key)
    guard let n = try? value.intValue(), range.contains(n) else {
      throw problem(
        key, "expected a whole number in \(range.lowerBound)...\(range.upperBound), found \(JSONFields.kind(value))")
    }
    return n
  }

  /// The required member `key` as a whole number that is not negative.
  func count(_ key: String) throws(ScenarioError) -> Int64 {
    Int64(try integer(key, in: 0...Int.max))
  }

  /// The required member `key` as an unsigned 64-bit number.
  func uint64(_ key: String) throws(ScenarioError) -> UInt64 {
    let value = try value(key)
    guard let n = try? value.uint64Value() else {
      throw problem(key, "expected a whole number in 0...\(UInt64.max), found \(JSONFields.kind(value))")
    }
    return n
  }

  /// The required member `key` as a finite number that is not negative.
  func nonNegative(_ key: String) throws(ScenarioError) -> Double {
    let value = try value(key)
    guard let x = try? value.doubleValue(), x.isFinite, x >= 0 else {
      throw problem(key, "expected a finite number ≥ 0, found \(JSONFields.kind(value))")
    }
    return x
  }

  /// The required member `key` as `true` or `false`.
  func bool(_ key: String) throws(ScenarioError) -> Bool {
    let value = try value(key)
    guard case .bool(let b) = value else { throw problem(key, "expected true or false, found \(JSONFields.kind(value))") }
    return b
  }

  /// The required member `key` as a string.
  func string(_ key: String) throws(ScenarioError) -> String {
    let value = try value(key)
    guard case .string(let s) = value else { throw problem(key, "expected a string, found \(JSONFields.kind(value))") }
    return s
  }

  /// The required member `key` as an array.
  func array(_ key: String) throws(ScenarioError) -> [JSONValue] {
    let value = try value(key)
    guard case .array(let items) = value else {
      throw problem(key, "expected an array, found \(JSONFields.kind(value))")
    }
    return items
  }

  /// A short description of `value` for messages: its literal for scalars, its kind for containers.
  static func kind(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let literal): return literal.count <= 30 ? literal : String(literal.prefix(27)) + "..."
    case .string(let s): return JSONWriter.string(s.count <= 30 ? s : String(s.prefix(27)) + "...")
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
