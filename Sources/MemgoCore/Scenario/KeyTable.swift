/// The state of decoding one object by its `KeyTable`: the value being filled in (its defaults at
/// first), the object's members, and the keys whose values were invalid.
struct ObjectDecoding<Target> {
  var target: Target
  let object: JSONObjectView
  /// Keys that were present and invalid, or required and missing.
  var failed: Set<String> = []
  /// Whether the table's cross-field check found a problem.
  var checkFailed = false

  /// Whether `key` holds a usable value (given and valid, or absent with its default).
  func isClean(_ key: String) -> Bool { !failed.contains(key) }
  /// Whether every key holds a usable value.
  var allClean: Bool { failed.isEmpty }
  /// Whether the object is valid: every key usable and the cross-field check passed.
  var isValid: Bool { failed.isEmpty && !checkFailed }
}

/// One key of an object: its declaration, and how its value is read and stored into `Target`.
struct ScenarioKey<Target>: Sendable {
  /// Reads the value at the node into the decoding's target; false after reporting why it is
  /// invalid (the target then holds only the valid parts: the fields of an object that decoded).
  typealias Store = @Sendable (inout ScenarioDecoder, JSONNode, inout ObjectDecoding<Target>) -> Bool
  /// Runs when the key is absent; false after reporting that this is a problem.
  typealias Absent = @Sendable (inout ScenarioDecoder, inout ObjectDecoding<Target>) -> Bool

  var declaration: KeyDeclaration
  /// How a given value is stored; nil when the table's cross-field check reads it (`frames` or
  /// `memory`, exactly one of which must be given).
  var store: Store?
  /// What happens when the key is absent (nil: its default stands).
  var absent: Absent?

  init(_ declaration: KeyDeclaration, store: Store?, absent: Absent? = nil) {
    self.declaration = declaration
    self.store = store
    self.absent = absent
  }

  /// The key, required: when absent it is reported missing (`expected` says what to write).
  func required(_ expected: String) -> ScenarioKey {
    var key = self
    key.declaration.required = true
    key.declaration.expected = expected
    let name = declaration.name
    key.absent = { decoder, decoding in
      decoder.reportMissing(name, in: decoding.object, expected: expected)
      return false
    }
    return key
  }

  /// The key with `absent` run when it is missing.
  func whenAbsent(_ absent: @escaping Absent) -> ScenarioKey {
    var key = self
    key.absent = absent
    return key
  }

  /// The key, which a sweep may not name.
  var unsweepable: ScenarioKey {
    var key = self
    key.declaration.sweepable = false
    return key
  }
}

/// The keys of one kind of object, declared once, and its cross-field check. Decoding walks it
/// (`ScenarioDecoder.decode(_:_:from:)`); its `shape` feeds the sweep-path check, the JSON Schema
/// and the README's key table.
struct KeyTable<Target>: Sendable {
  /// Checks that compare fields, run after every key was read; false after reporting a problem.
  /// Each check looks only at fields that decoded cleanly (`ObjectDecoding.isClean`).
  typealias Check = @Sendable (inout ScenarioDecoder, inout ObjectDecoding<Target>) -> Bool

  var keys: [ScenarioKey<Target>]
  var check: Check?

  init(_ keys: [ScenarioKey<Target>], check: Check? = nil) {
    self.keys = keys
    self.check = check
  }

  /// The declarations, for everything but decoding.
  var shape: ObjectShape { ObjectShape(keys: keys.map(\.declaration)) }
}

// MARK: - Keys stored through key paths

extension ScenarioKey {
  /// A key whose value is read by `read` and stored at `path`.
  static func reading<Value>(
    _ name: String, _ kind: ValueKind, _ path: WritableKeyPath<Target, Value> & Sendable, default defaultValue: String,
    _ meaning: String, read: @escaping @Sendable (inout ScenarioDecoder, JSONNode) -> Value?
  ) -> ScenarioKey {
    ScenarioKey(KeyDeclaration(name: name, kind: kind, defaultValue: defaultValue, meaning: meaning)) {
      decoder, node, decoding in
      guard let value = read(&decoder, node) else { return false }
      decoding.target[keyPath: path] = value
      return true
    }
  }

  /// An integer in `range`.
  static func integer(
    _ name: String, _ range: ClosedRange<Int>, _ path: WritableKeyPath<Target, Int> & Sendable,
    default defaultValue: String, _ meaning: String
  ) -> ScenarioKey {
    reading(name, .integer(range), path, default: defaultValue, meaning) { $0.int($1, range) }
  }

  /// An optional integer in `range` (absent: nil).
  static func integer(
    _ name: String, _ range: ClosedRange<Int>, _ path: WritableKeyPath<Target, Int?> & Sendable,
    default defaultValue: String, _ meaning: String
  ) -> ScenarioKey {
    reading(name, .integer(range), path, default: defaultValue, meaning) { $0.int($1, range).map { $0 } }
  }

  /// An integer in `range`, stored as an `Int64`.
  static func integer(
    _ name: String, _ range: ClosedRange<Int>, _ path: WritableKeyPath<Target, Int64> & Sendable,
    default defaultValue: String, _ meaning: String
  ) -> ScenarioKey {
    reading(name, .integer(range), path, default: defaultValue, meaning) { $0.int($1, range).map(Int64.init) }
  }

  /// An integer in 0...2^64-1.
  static func unsigned(
    _ name: String, _ path: WritableKeyPath<Target, UInt64> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey {
    reading(name, .unsignedInteger, path, default: defaultValue, meaning) { $0.uint64($1) }
  }

  /// A finite number within the bounds.
  static func number(
    _ name: String, min: ScenarioDecoder.Bound?, max: ScenarioDecoder.Bound?,
    _ path: WritableKeyPath<Target, Double> & Sendable, default defaultValue: String, _ meaning: String
  ) -> ScenarioKey {
    reading(name, .number(min: min, max: max), path, default: defaultValue, meaning) {
      $0.double($1, min: min, max: max, name: name)
    }
  }

  /// A duration string.
  static func duration(
    _ name: String, _ path: WritableKeyPath<Target, SimTime> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey {
    reading(name, .duration, path, default: defaultValue, meaning) { $0.duration($1) }
  }

  /// An optional duration string (absent: nil).
  static func duration(
    _ name: String, _ path: WritableKeyPath<Target, SimTime?> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey {
    reading(name, .duration, path, default: defaultValue, meaning) { $0.duration($1).map { $0 } }
  }

  static func boolean(
    _ name: String, _ path: WritableKeyPath<Target, Bool> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey {
    reading(name, .boolean, path, default: defaultValue, meaning) { $0.bool($1) }
  }

  static func string(
    _ name: String, _ path: WritableKeyPath<Target, String> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey {
    reading(name, .string, path, default: defaultValue, meaning) { $0.string($1) }
  }

  /// One of the names of `Choice`; an unknown one is reported as `unknown WHAT "x" (did you mean ...)`.
  static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
    _ name: String, what: String, _ path: WritableKeyPath<Target, Choice> & Sendable, default defaultValue: String,
    _ meaning: String
  ) -> ScenarioKey where Choice.RawValue == String {
    let names = Choice.allCases.map(\.rawValue)
    return reading(name, .choice(names), path, default: defaultValue, meaning) { decoder, node in
      guard let text = decoder.string(node) else { return nil }
      guard let choice = Choice(rawValue: text) else {
        decoder.report(node, ScenarioDecoder.unknownName(what, text, valid: names))
        return nil
      }
      return choice
    }
  }

  /// A constant or a distribution of `quantity`.
  static func distribution(
    _ name: String, of quantity: QuantityKind, _ path: WritableKeyPath<Target, Distribution> & Sendable,
    default defaultValue: String, _ meaning: String
  ) -> ScenarioKey {
    reading(name, .distribution(quantity), path, default: defaultValue, meaning) { $0.distribution($1, of: quantity) }
  }

  /// An object decoded by `table` into the value at `path`. Valid fields are stored even when
  /// others are not (a check may compare them: `warmup` with `stop.time`).
  static func object<Inner>(
    _ name: String, _ table: KeyTable<Inner>, _ path: WritableKeyPath<Target, Inner> & Sendable, _ meaning: String
  ) -> ScenarioKey {
    ScenarioKey(KeyDeclaration(name: name, kind: .object(table.shape), defaultValue: "", meaning: meaning)) {
      decoder, node, decoding in
      guard let inner = decoder.decode(node, table, from: decoding.target[keyPath: path]) else { return false }
      decoding.target[keyPath: path] = inner.target
      return inner.isValid
    }
  }

  /// A key stored by hand-written code (`store`), or read by the table's check when `store` is nil.
  static func custom(
    _ name: String, _ kind: ValueKind, default defaultValue: String, _ meaning: String, store: Store?
  ) -> ScenarioKey {
    ScenarioKey(KeyDeclaration(name: name, kind: kind, defaultValue: defaultValue, meaning: meaning), store: store)
  }
}

// MARK: - Walking a table

extension ScenarioDecoder {
  /// Decodes the object at `node` by `table`, starting from `target` (the defaults): reports every
  /// unknown key (with the nearest known one), stores each declared key that is present (in
  /// declaration order), runs the absent-key rules (required keys), then the cross-field check.
  /// Nil when the node is not an object (reported).
  mutating func decode<Target>(_ node: JSONNode, _ table: KeyTable<Target>, from target: Target)
    -> ObjectDecoding<Target>?
  {
    guard let object = object(node, shape: table.shape) else { return nil }
    var decoding = ObjectDecoding(target: target, object: object)
    for key in table.keys {
      let name = key.declaration.name
      if let child = object[name] {
        if let store = key.store, !store(&self, child, &decoding) { decoding.failed.insert(name) }
      } else if let absent = key.absent, !absent(&self, &decoding) {
        decoding.failed.insert(name)
      }
    }
    if let check = table.check, !check(&self, &decoding) { decoding.checkFailed = true }
    return decoding
  }

  /// An integer in the range `key` declares (a parameter of a distribution kind or access pattern).
  mutating func int(_ node: JSONNode, declaredBy key: KeyDeclaration?) -> Int? {
    guard case .integer(let range)? = key?.kind else { preconditionFailure("\(node.path) is not declared an integer") }
    return int(node, range)
  }

  /// A number within the bounds `key` declares.
  mutating func double(_ node: JSONNode, declaredBy key: KeyDeclaration?) -> Double? {
    guard case .number(let min, let max)? = key?.kind else {
      preconditionFailure("\(node.path) is not declared a number")
    }
    return double(node, min: min, max: max)
  }

  /// The node as an object whose keys must all be in `shape`; each unknown key is reported at the
  /// object's path with the nearest known key suggested (or the list of known keys).
  mutating func object(_ node: JSONNode, shape: ObjectShape) -> JSONObjectView? {
    guard case .object(let members) = node.value else {
      reportType(node, expected: "an object")
      return nil
    }
    let names = shape.names
    for (i, member) in members.enumerated() where !names.contains(member.key) {
      report(
        path: node.path, order: node.order + [i],
        Self.unknownKeyMessage(member.key, keys: shape.listedNames, suggesting: shape.suggestedNames))
    }
    return JSONObjectView(node: node, members: members)
  }
}
