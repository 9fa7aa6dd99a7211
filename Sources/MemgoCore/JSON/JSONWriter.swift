/// Serialises `JSONValue` trees to JSON text (RFC 8259), deterministically: the same value always
/// gives the same bytes, on every machine.
///
/// Numbers (`JSONValue.number`) are written as their literal text; build them from doubles with
/// `JSONValue.double(_:)`, which uses `JSONWriter.number(_:)`.
public enum JSONWriter {
  /// 2^53: doubles below it in magnitude that are whole are printed as integers.
  static let exactIntegerLimit = 9_007_199_254_740_992.0

  /// The JSON text of `x`: a whole number below 2^53 in magnitude without a fraction (`42`, `0`
  /// for ±0), any other finite number in Swift's shortest round-trip form (`0.1`, `1e-05`,
  /// `1e+20`, all valid JSON), and `null` for NaN and infinities, which JSON cannot represent.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(.towardZero) && abs(x) < exactIntegerLimit { return String(Int64(x)) }
    return x.description
  }

  /// `s` as a JSON string literal: quoted, with `"`, `\` and control characters (and DEL) escaped
  /// (RFC 8259 §7: `\n`, `\t`, ... where short forms exist, else `\u00xx`). Other characters,
  /// including non-ASCII ones, are written as UTF-8.
  public static func string(_ s: String) -> String {
    var out = "\""
    out.reserveCapacity(s.utf8.count + 2)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }

  /// The compact text of `value`, on one line: `{"a": 1, "b": [true, null]}` (a space after each
  /// `:` and `,`).
  public static func compact(_ value: JSONValue) -> String {
    var out = ""
    writeCompact(value, to: &out)
    return out
  }

  /// The pretty text of `value`, indented by `indent` spaces per level, with a trailing newline.
  ///
  /// An array or object holding only scalars (no nested array or object) is written on one line,
  /// as by `compact(_:)`; others put one element per line. Empty containers are `[]` and `{}`.
  public static func pretty(_ value: JSONValue, indent: Int = 2) -> String {
    var out = ""
    writePretty(value, depth: 0, indent: indent, to: &out)
    out += "\n"
    return out
  }

  // MARK: - Private

  private static func isFlat(_ value: JSONValue) -> Bool {
    switch value {
    case .array(let items): return items.allSatisfy { !isContainer($0) }
    case .object(let members): return members.allSatisfy { !isContainer($0.value) }
    default: return true
    }
  }

  private static func isContainer(_ value: JSONValue) -> Bool {
    switch value {
    case .array, .object: return true
    default: return false
    }
  }

  private static func writeScalar(_ value: JSONValue, to out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let literal): out += literal
    case .string(let s): out += string(s)
    case .array, .object: writeCompact(value, to: &out)
    }
  }

  private static func writeCompact(_ value: JSONValue, to out: inout String) {
    switch value {
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += ", " }
        writeCompact(item, to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (i, member) in members.enumerated() {
        if i > 0 { out += ", " }
        out += string(member.key)
        out += ": "
        writeCompact(member.value, to: &out)
      }
      out += "}"
    default:
      writeScalar(value, to: &out)
    }
  }

  private static func writePretty(_ value: JSONValue, depth: Int, indent: Int, to out: inout String) {
    if isFlat(value) {
      writeCompact(value, to: &out)
      return
    }
    let inner = String(repeating: " ", count: (depth + 1) * indent)
    let outer = String(repeating: " ", count: depth * indent)
    switch value {
    case .array(let items):
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        writePretty(item, depth: depth + 1, indent: indent, to: &out)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      out += outer + "]"
    case .object(let members):
      out += "{\n"
      for (i, member) in members.enumerated() {
        out += inner + string(member.key) + ": "
        writePretty(member.value, depth: depth + 1, indent: indent, to: &out)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      out += outer + "}"
    default:
      writeScalar(value, to: &out)
    }
  }
}

extension JSONValue {
  /// A JSON number holding `x` as written by `JSONWriter.number(_:)`; `null` when `x` is `nil` or
  /// not finite.
  public static func double(_ x: Double?) -> JSONValue {
    guard let x, x.isFinite else { return .null }
    return .number(JSONWriter.number(x))
  }

  /// A JSON number holding the integer `x`.
  public static func integer<T: BinaryInteger>(_ x: T) -> JSONValue { .number(String(x)) }
}

extension JSONWriter {
  /// `value` as plain text for a table or CSV cell: a string without quotes, a number as its
  /// literal, `true`, `false`, `null`, and arrays and objects as compact JSON.
  public static func text(_ value: JSONValue) -> String {
    if case .string(let s) = value { return s }
    return compact(value)
  }
}
