/// A JSON value together with where it sits in the file: its path and its position in file order.
package struct JSONNode {
  var value: JSONValue
  var path: JSONPath
  /// Member or element index at each step of `path` (file order).
  var order: [Int]

  /// The root of a document.
  init(root: JSONValue) {
    value = root
    path = .root
    order = []
  }

  package init(value: JSONValue, path: JSONPath, order: [Int]) {
    self.value = value
    self.path = path
    self.order = order
  }

  /// The `index`-th element of this array node.
  func element(_ index: Int, _ value: JSONValue) -> JSONNode {
    JSONNode(value: value, path: path.appending(index: index), order: order + [index])
  }

  /// The name of the field this node holds, for messages (`entries` for `machine.tlb.entries`).
  var name: String { path.lastKey ?? "value" }
}

/// An object node's members, looked up by key.
struct JSONObjectView {
  let node: JSONNode
  let members: [JSONMember]
  /// Member index by key, built for large objects only (small ones are scanned).
  private let index: [String: Int]?

  init(node: JSONNode, members: [JSONMember]) {
    self.node = node
    self.members = members
    if members.count > 32 {
      var index: [String: Int] = [:]
      for (i, member) in members.enumerated() where index[member.key] == nil { index[member.key] = i }
      self.index = index
    } else {
      self.index = nil
    }
  }

  private func position(of key: String) -> Int? {
    if let index { return index[key] }
    return members.firstIndex { $0.key == key }
  }

  /// The member `key` as a node, or nil if absent.
  subscript(_ key: String) -> JSONNode? {
    guard let i = position(of: key) else { return nil }
    return JSONNode(value: members[i].value, path: node.path.appending(key: key), order: node.order + [i])
  }

  func has(_ key: String) -> Bool { position(of: key) != nil }
}

/// Decodes JSON into scenario types, collecting every problem instead of stopping at the first.
///
/// Each reader returns nil when its value is invalid (after recording why), and callers keep
/// decoding sibling fields, so one pass reports all problems. Cross-field checks run only when the
/// fields they compare decoded cleanly, so one mistake is reported once.
package struct ScenarioDecoder {
  /// The file name used in every error.
  let file: String
  /// The problems recorded, at most `maximumKeptErrors` (the first found).
  package private(set) var errors: [ScenarioError] = []
  /// Problems found beyond `maximumKeptErrors`, counted but not kept (bounds memory on huge files).
  private(set) var omitted = 0
  /// The most problems kept in `errors`.
  static let maximumKeptErrors = 1000
  /// Trace files already checked during this load, shared by the decoders of every sweep point.
  let traceChecks: TraceCheckCache

  package init(file: String, traceChecks: TraceCheckCache = TraceCheckCache()) {
    self.file = file
    self.traceChecks = traceChecks
  }

  /// Every problem found, kept or not.
  package var problemCount: Int { errors.count + omitted }

  // MARK: - Reporting

  /// Records a problem at `node`; the message is built only if the problem is kept.
  mutating func report(_ node: JSONNode, _ message: @autoclosure () -> String) {
    report(path: node.path, order: node.order, message())
  }

  mutating func report(path: JSONPath, order: [Int], _ message: @autoclosure () -> String) {
    if errors.count < Self.maximumKeptErrors {
      errors.append(ScenarioError(file: file, path: path, order: order, message: message()))
    } else {
      omitted += 1
    }
  }

  /// Reports a problem with a container as a whole, placed after its members in file order.
  mutating func reportAfterMembers(_ node: JSONNode, _ message: String) {
    report(path: node.path, order: node.order + [Int.max], message)
  }

  /// Reports that `key` is missing from `object`; `expected` says what to write.
  mutating func reportMissing(_ key: String, in object: JSONObjectView, expected: String) {
    report(
      path: object.node.path.appending(key: key), order: object.node.order + [Int.max],
      "missing required key (expected \(expected))")
  }

  /// How a value appears in a message: literals as written, containers by kind.
  static func found(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number, .string: return value.abbreviated()
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  mutating func reportType(_ node: JSONNode, expected: String) {
    report(node, "expected \(expected), found \(Self.found(node.value))")
  }

  /// `unknown WHAT "x" (did you mean "y"? expected one of a, b, c)`.
  static func unknownName(_ what: String, _ name: String, valid: [String]) -> String {
    let list = "expected one of " + valid.joined(separator: ", ")
    if let guess = nearestName(name, in: valid) {
      return "unknown \(what) \(quoted(name)) (did you mean \(quoted(guess))? \(list))"
    }
    return "unknown \(what) \(quoted(name)) (\(list))"
  }

  // MARK: - Objects

  /// `unknown key "x" (did you mean "y"?)`, or the list of `keys` when none is close; `suggesting`
  /// (default `keys`) are the names a guess may be.
  static func unknownKeyMessage(_ key: String, keys: [String], suggesting: [String]? = nil) -> String {
    if let guess = nearestName(key, in: suggesting ?? keys) {
      return "unknown key \(quoted(key)) (did you mean \(quoted(guess))?)"
    }
    return "unknown key \(quoted(key)) (expected one of \(keys.joined(separator: ", ")))"
  }

  /// The message for `key` outside `allowed` (the first allowed key names the kind, e.g. "dist"):
  /// a parameter of another kind (`otherKindsKeys`) says so, anything else is an unknown key.
  static func foreignKeyMessage(_ key: String, allowed: [String], kind: String?, otherKindsKeys: [String]) -> String {
    guard let kind, otherKindsKeys.contains(key) else { return unknownKeyMessage(key, keys: allowed) }
    let own = allowed.dropFirst()
    return "\(quoted(key)) is not a parameter of \(kind) (expected "
      + (own.isEmpty ? "no parameters" : own.joined(separator: ", ")) + ")"
  }

  // MARK: - Scalars

  /// An exact integer within `range`.
  mutating func int(_ node: JSONNode, _ range: ClosedRange<Int>, name: String? = nil) -> Int? {
    let expectedRange =
      "expected \(Self.formatLimit(range.lowerBound)) <= \(name ?? node.name) <= "
      + Self.formatLimit(range.upperBound)
    do throws(JSONNumberError) {
      let value = try node.value.intValue()
      guard range.contains(value) else {
        report(node, "\(Self.found(node.value)) is out of range (\(expectedRange))")
        return nil
      }
      return value
    } catch {
      switch error {
      case .notANumber: reportType(node, expected: "an integer")
      case .notAnInteger: report(node, "\(Self.found(node.value)) is not an integer (expected a whole number)")
      case .tooSmall, .tooLarge: report(node, "\(Self.found(node.value)) is out of range (\(expectedRange))")
      }
      return nil
    }
  }

  /// An exact integer in 0...2^64-1.
  mutating func uint64(_ node: JSONNode) -> UInt64? {
    do throws(JSONNumberError) {
      return try node.value.uint64Value()
    } catch {
      switch error {
      case .notANumber: reportType(node, expected: "an integer")
      case .notAnInteger: report(node, "\(Self.found(node.value)) is not an integer (expected a whole number)")
      case .tooSmall, .tooLarge:
        report(node, "\(Self.found(node.value)) is out of range (expected 0 <= \(node.name) <= 2^64-1)")
      }
      return nil
    }
  }

  /// A bound of a real-valued parameter: the number and whether it is itself allowed.
  struct Bound {
    var value: Double
    var inclusive: Bool
    static func atLeast(_ v: Double) -> Bound { Bound(value: v, inclusive: true) }
    static func above(_ v: Double) -> Bound { Bound(value: v, inclusive: false) }
    static func atMost(_ v: Double) -> Bound { Bound(value: v, inclusive: true) }
    static func below(_ v: Double) -> Bound { Bound(value: v, inclusive: false) }
  }

  /// A finite number within the bounds.
  mutating func double(_ node: JSONNode, min: Bound? = nil, max: Bound? = nil, name: String? = nil) -> Double? {
    let value: Double
    do throws(JSONNumberError) {
      value = try node.value.doubleValue()
    } catch {
      if error == .notANumber {
        reportType(node, expected: "a number")
      } else {
        report(node, "\(Self.found(node.value)) is out of range (expected a finite number)")
      }
      return nil
    }
    let tooLow = min.map { $0.inclusive ? value < $0.value : value <= $0.value } ?? false
    let tooHigh = max.map { $0.inclusive ? value > $0.value : value >= $0.value } ?? false
    if tooLow || tooHigh {
      report(
        node, "\(Self.found(node.value)) is out of range (expected \(Self.rangeText(name ?? node.name, min, max)))")
      return nil
    }
    return value
  }

  /// `0 < x <= 1`, `x >= 0`, `x < 10`.
  static func rangeText(_ name: String, _ min: Bound?, _ max: Bound?) -> String {
    func number(_ v: Double) -> String {
      v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)"
    }
    switch (min, max) {
    case (let lo?, let hi?):
      return "\(number(lo.value)) \(lo.inclusive ? "<=" : "<") \(name) \(hi.inclusive ? "<=" : "<") \(number(hi.value))"
    case (let lo?, nil): return "\(name) \(lo.inclusive ? ">=" : ">") \(number(lo.value))"
    case (nil, let hi?): return "\(name) \(hi.inclusive ? "<=" : "<") \(number(hi.value))"
    case (nil, nil): return "a number"
    }
  }

  /// A limit for a message: `2^31`, `10^6`, or plain digits.
  static func formatLimit(_ n: Int) -> String {
    if n >= 1 << 16 && n & (n - 1) == 0 { return "2^\(n.trailingZeroBitCount)" }
    if n >= 10_000 {
      var m = n
      var power = 0
      while m % 10 == 0 {
        m /= 10
        power += 1
      }
      if m == 1 { return "10^\(power)" }
    }
    return String(n)
  }

  mutating func bool(_ node: JSONNode) -> Bool? {
    guard case .bool(let b) = node.value else {
      reportType(node, expected: "true or false")
      return nil
    }
    return b
  }

  mutating func string(_ node: JSONNode) -> String? {
    guard case .string(let s) = node.value else {
      reportType(node, expected: "a string")
      return nil
    }
    return s
  }

  // MARK: - Durations and sizes

  /// A duration string such as `"5ms"`.
  mutating func duration(_ node: JSONNode) -> SimTime? {
    switch node.value {
    case .string(let text):
      do throws(UnitError) {
        return try Units.parseDuration(text)
      } catch {
        report(node, error.message)
        return nil
      }
    case .number(let literal):
      report(node, Self.bareNumberMessage(literal, kind: .duration))
      return nil
    default:
      reportType(node, expected: "a duration string such as \"5ms\"")
      return nil
    }
  }

  /// A size string such as `"4KiB"`, in bytes.
  mutating func size(_ node: JSONNode) -> Int64? {
    switch node.value {
    case .string(let text):
      do throws(UnitError) {
        return try Units.parseSize(text)
      } catch {
        report(node, error.message)
        return nil
      }
    case .number(let literal):
      report(node, Self.bareNumberMessage(literal, kind: .size))
      return nil
    default:
      reportType(node, expected: "a size string such as \"4KiB\"")
      return nil
    }
  }

  /// The message for a bare number where a duration or size is expected, showing the fix:
  /// `expected a duration string with a unit, e.g. "5000ns" or "5us"`.
  package static func bareNumberMessage(_ literal: String, kind: QuantityKind) -> String {
    let shown = JSONValue.number(literal).abbreviated(30)
    let n = try? JSONValue.number(literal).intValue()
    switch kind {
    case .duration:
      var second = "\(shown)us"
      if let n, n > 0, n <= 1_000_000_000_000_000 {
        let alternative = Units.formatDuration(SimTime(picoseconds: Int64(n) * 1_000))
        if alternative != "\(n)ns" { second = alternative }
      }
      return "expected a duration string with a unit, e.g. \"\(shown)ns\" or \"\(second)\""
    case .size:
      var second = "\(shown)KiB"
      if let n, n > 0, n <= Units.maximumSize {
        let alternative = Units.formatSize(Int64(n))
        if alternative != "\(n)B" { second = alternative }
      }
      return "expected a size string with a unit, e.g. \"\(shown)B\" or \"\(second)\""
    case .number:
      return "expected a number"
    }
  }
}

/// What a distribution's values measure.
package enum QuantityKind {
  /// Picoseconds, written as duration strings.
  case duration
  /// Bytes, written as size strings.
  case size
  /// A plain number.
  case number

  var noun: String {
    switch self {
    case .duration: return "duration"
    case .size: return "size"
    case .number: return "number"
    }
  }
}
