/// A malformed JSON text: where the problem is (1-based line and column, 0-based byte offset) and
/// what was expected there.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Byte offset of the problem in the input.
  public var offset: Int
  /// 1-based line number (lines end at LF).
  public var line: Int
  /// 1-based column, counted in Unicode scalars from the start of the line.
  public var column: Int
  /// What is wrong, e.g. `expected ',' or '}' after object member`.
  public var message: String

  /// Creates an error at `offset` (line `line`, column `column`) saying `message`.
  public init(offset: Int, line: Int, column: Int, message: String) {
    self.offset = offset
    self.line = line
    self.column = column
    self.message = message
  }

  /// `line L, column C: message`.
  public var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 JSON parser from bytes to `JSONValue`.
///
/// Strict means: exactly one value surrounded by optional whitespace (a leading UTF-8 byte order
/// mark is ignored, as RFC 8259 §8.1 allows); no comments, trailing commas, single quotes, NaN or
/// leading zeros; strings must be valid UTF-8 with no unescaped control characters and no unpaired
/// surrogate escapes; object keys must be unique. Objects keep their members in input order and
/// numbers keep their literal text.
///
/// The parser is iterative (an explicit container stack, no recursion), so nesting is limited by
/// `maximumDepth` and never by the thread's stack; no input traps.
///
/// - Complexity: O(n) time in the input length.
public enum JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  public static let maximumDepth = 512

  /// Parses `bytes` as one JSON text.
  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    let result: Result<JSONValue, ParseFailure> = bytes.withUnsafeBufferPointer { buffer in
      var parser = Parser(bytes: buffer)
      do throws(ParseFailure) {
        return .success(try parser.parseDocument())
      } catch {
        return .failure(error)
      }
    }
    switch result {
    case .success(let value): return value
    case .failure(let failure):
      let (line, column) = lineAndColumn(of: failure.offset, in: bytes)
      throw JSONParseError(offset: failure.offset, line: line, column: column, message: failure.message)
    }
  }

  /// Parses the UTF-8 encoding of `text`.
  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  /// The 1-based line and column of byte `offset`; columns count Unicode scalars (UTF-8 lead bytes).
  static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    let end = min(max(offset, 0), bytes.count)
    var i = 0
    while i < end {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }
}

/// A parse failure before line and column are computed.
private struct ParseFailure: Error {
  var offset: Int
  var message: String
}

// MARK: - Parser

private struct Parser {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0

  /// An array or object being filled. Kept in a struct mutated in place on `stack` (never copied
  /// out and back), so appending stays amortized O(1).
  struct Container {
    var isObject: Bool
    var elements: [JSONValue] = []
    var members: [JSONMember] = []
    var keys: Set<String> = []
    var pendingKey = ""
  }
  var stack: [Container] = []

  init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  // MARK: Helpers

  func fail(_ message: String, at offset: Int) -> ParseFailure {
    ParseFailure(offset: offset, message: message)
  }

  /// "unexpected end of input (expected X)" at the end, or "expected X" at a wrong byte.
  func expected(_ what: String) -> ParseFailure {
    if index >= bytes.count { return fail("unexpected end of input (expected \(what))", at: index) }
    return fail("expected \(what)", at: index)
  }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  var current: UInt8? { index < bytes.count ? bytes[index] : nil }

  // MARK: Document and values

  mutating func parseDocument() throws(ParseFailure) -> JSONValue {
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    skipWhitespace()
    if index >= bytes.count { throw fail("empty input (expected a JSON value)", at: index) }
    let value = try parseValue()
    skipWhitespace()
    if index < bytes.count { throw fail("unexpected content after the JSON value", at: index) }
    return value
  }

  /// Parses one value, iteratively: containers are pushed on `stack` and completed values are
  /// attached to the innermost open container until the outermost one closes.
  mutating func parseValue() throws(ParseFailure) -> JSONValue {
    while true {
      // Read the start of a value; containers that are not empty are opened and we loop.
      skipWhitespace()
      guard let byte = current else { throw expected("a JSON value") }
      var value: JSONValue
      switch byte {
      case UInt8(ascii: "{"):
        try checkDepth()
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
          index += 1
          value = .object([])
        } else {
          let key = try parseKey(after: "'{'")
          stack.append(Container(isObject: true, keys: [key], pendingKey: key))
          continue
        }
      case UInt8(ascii: "["):
        try checkDepth()
        index += 1
        skipWhitespace()
        if current == UInt8(ascii: "]") {
          index += 1
          value = .array([])
        } else {
          stack.append(Container(isObject: false))
          continue
        }
      case UInt8(ascii: "\""):
        value = .string(try parseString())
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        value = .number(try parseNumber())
      default:
        value = try parseLiteral()
      }

      // Attach the completed value to open containers, closing them as their ends arrive.
      attach: while !stack.isEmpty {
        let top = stack.count - 1
        if !stack[top].isObject {
          stack[top].elements.append(value)
          skipWhitespace()
          if current == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw fail("trailing comma before ']' is not allowed", at: index) }
            break attach  // parse the next element
          } else if current == UInt8(ascii: "]") {
            index += 1
            value = .array(stack.removeLast().elements)
          } else {
            throw expected("',' or ']' after array element")
          }
        } else {
          stack[top].members.append(JSONMember(key: stack[top].pendingKey, value: value))
          skipWhitespace()
          if current == UInt8(ascii: ",") {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { throw fail("trailing comma before '}' is not allowed", at: index) }
            let keyOffset = index
            let key = try parseKey(after: "','")
            if !stack[top].keys.insert(key).inserted {
              throw fail("duplicate key \(quoted(key)) in object", at: keyOffset)
            }
            stack[top].pendingKey = key
            break attach  // parse the next member's value
          } else if current == UInt8(ascii: "}") {
            index += 1
            value = .object(stack.removeLast().members)
          } else {
            throw expected("',' or '}' after object member")
          }
        }
      }
      if stack.isEmpty { return value }
    }
  }

  mutating func checkDepth() throws(ParseFailure) {
    if stack.count >= JSONParser.maximumDepth {
      throw fail("nesting deeper than \(JSONParser.maximumDepth) levels", at: index)
    }
  }

  /// Parses `"key"` then `:`; the cursor is at the key's opening quote (or what stands there).
  mutating func parseKey(after what: String) throws(ParseFailure) -> String {
    guard current == UInt8(ascii: "\"") else {
      if current == UInt8(ascii: "'") { throw fail("object keys must use double quotes, not '", at: index) }
      throw expected("a string key after \(what)")
    }
    let key = try parseString()
    skipWhitespace()
    guard current == UInt8(ascii: ":") else { throw expected("':' after object key") }
    index += 1
    return key
  }

  mutating func parseLiteral() throws(ParseFailure) -> JSONValue {
    let start = index
    let byte = bytes[index]
    func isWordByte(_ b: UInt8) -> Bool {
      (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }
    if isWordByte(byte) {
      var end = start
      while end < bytes.count && isWordByte(bytes[end]) && end - start < 32 { end += 1 }
      let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      switch word {
      case "true":
        index = end
        return .bool(true)
      case "false":
        index = end
        return .bool(false)
      case "null":
        index = end
        return .null
      default:
        throw fail(
          "invalid literal '\(word)' (expected true, false, null, a number, or a string in double quotes)",
          at: start)
      }
    }
    switch byte {
    case UInt8(ascii: "'"): throw fail("strings must use double quotes, not '", at: start)
    case UInt8(ascii: "/"): throw fail("comments are not allowed in JSON", at: start)
    case UInt8(ascii: "+"), UInt8(ascii: "."):
      throw fail("numbers cannot start with '\(Character(Unicode.Scalar(byte)))' (expected a JSON value)", at: start)
    case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"):
      throw fail("unexpected '\(Character(Unicode.Scalar(byte)))' (expected a JSON value)", at: start)
    default:
      if byte >= 0x21 && byte < 0x7F {
        throw fail("unexpected character '\(Character(Unicode.Scalar(byte)))' (expected a JSON value)", at: start)
      }
      throw fail("unexpected byte \(hexByte(byte)) (expected a JSON value)", at: start)
    }
  }

  // MARK: Numbers

  /// Parses a number per RFC 8259 §6 and returns its literal text.
  mutating func parseNumber() throws(ParseFailure) -> String {
    let start = index
    func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
    if current == UInt8(ascii: "-") { index += 1 }
    guard isDigit(current) else { throw expected("a digit after '-'") }
    if current == UInt8(ascii: "0") {
      index += 1
      if isDigit(current) { throw fail("leading zeros are not allowed in numbers", at: start) }
    } else {
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard isDigit(current) else { throw expected("a digit after the decimal point") }
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard isDigit(current) else { throw expected("a digit in the exponent") }
      while isDigit(current) { index += 1 }
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  // MARK: Strings

  /// Parses a string; the cursor is at its opening quote.
  mutating func parseString() throws(ParseFailure) -> String {
    index += 1
    let start = index
    // Fast path: no escapes. Validate UTF-8 while scanning for the closing quote.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        index += 1
        return text
      } else if byte == UInt8(ascii: "\\") {
        break
      } else if byte < 0x20 {
        throw controlCharacter(byte)
      } else if byte < 0x80 {
        index += 1
      } else {
        try skipUTF8Sequence()
      }
    }
    if index >= bytes.count { throw fail("unterminated string (expected '\"')", at: index) }

    // Slow path: unescape into a byte buffer.
    var buffer = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: buffer, as: UTF8.self)
      } else if byte == UInt8(ascii: "\\") {
        try parseEscape(into: &buffer)
      } else if byte < 0x20 {
        throw controlCharacter(byte)
      } else if byte < 0x80 {
        buffer.append(byte)
        index += 1
      } else {
        let sequenceStart = index
        try skipUTF8Sequence()
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<index]))
      }
    }
    throw fail("unterminated string (expected '\"')", at: index)
  }

  func controlCharacter(_ byte: UInt8) -> ParseFailure {
    let hex = String(byte, radix: 16, uppercase: true)
    let code = String(repeating: "0", count: 4 - hex.count) + hex
    let hint = byte == 0x0A ? "; strings cannot span lines, write \\n" : " (write it as an escape such as \\u\(code))"
    return fail("unescaped control character U+\(code) in string\(hint)", at: index)
  }

  /// Validates one multi-byte UTF-8 sequence at the cursor (RFC 3629 §4) and steps over it.
  mutating func skipUTF8Sequence() throws(ParseFailure) {
    let lead = bytes[index]
    var length = 0
    var secondRange: ClosedRange<UInt8> = 0x80...0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      secondRange = 0xA0...0xBF
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      secondRange = 0x80...0x9F
    case 0xF0:
      length = 4
      secondRange = 0x90...0xBF
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      secondRange = 0x80...0x8F
    default: throw fail("invalid UTF-8 byte \(hexByte(lead))", at: index)
    }
    for k in 1..<length {
      let position = index + k
      guard position < bytes.count else { throw fail("truncated UTF-8 sequence at end of input", at: index) }
      let range: ClosedRange<UInt8> = k == 1 ? secondRange : 0x80...0xBF
      if !range.contains(bytes[position]) {
        throw fail("invalid UTF-8 sequence starting with byte \(hexByte(lead))", at: index)
      }
    }
    index += length
  }

  /// Parses one escape sequence (the cursor is at the backslash) and appends its UTF-8 encoding.
  mutating func parseEscape(into buffer: inout [UInt8]) throws(ParseFailure) {
    let escapeStart = index
    index += 1
    guard let byte = current else { throw fail("unterminated string (expected '\"')", at: index) }
    index += 1
    switch byte {
    case UInt8(ascii: "\""): buffer.append(0x22)
    case UInt8(ascii: "\\"): buffer.append(0x5C)
    case UInt8(ascii: "/"): buffer.append(0x2F)
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "u"):
      var scalarValue = try parseHex4(escapeStart: escapeStart)
      if scalarValue >= 0xD800 && scalarValue <= 0xDBFF {
        // A high surrogate must be followed by an escaped low surrogate.
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
          throw fail(
            "unpaired surrogate \\u\(hex4(scalarValue)) (expected a low surrogate \\uDC00-\\uDFFF to follow)",
            at: escapeStart)
        }
        let lowStart = index
        index += 2
        let low = try parseHex4(escapeStart: lowStart)
        guard low >= 0xDC00 && low <= 0xDFFF else {
          throw fail(
            "unpaired surrogate \\u\(hex4(scalarValue)) (expected a low surrogate \\uDC00-\\uDFFF to follow)",
            at: escapeStart)
        }
        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
      } else if scalarValue >= 0xDC00 && scalarValue <= 0xDFFF {
        throw fail(
          "unpaired surrogate \\u\(hex4(scalarValue)) (a low surrogate must follow a high one)",
          at: escapeStart)
      }
      guard let scalar = Unicode.Scalar(scalarValue) else {
        throw fail("invalid \\u escape", at: escapeStart)
      }
      buffer.append(contentsOf: String(Character(scalar)).utf8)
    default:
      let shown =
        byte >= 0x21 && byte < 0x7F ? "\\\(Character(Unicode.Scalar(byte)))" : "\\ followed by \(hexByte(byte))"
      throw fail(
        "invalid escape '\(shown)' in string (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
        at: escapeStart)
    }
  }

  /// Parses the four hex digits of a `\u` escape (the cursor is just after the `u`).
  mutating func parseHex4(escapeStart: Int) throws(ParseFailure) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw fail("incomplete \\u escape (expected 4 hex digits)", at: escapeStart) }
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw fail("incomplete \\u escape (expected 4 hex digits)", at: escapeStart)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }
}

private func hexByte(_ byte: UInt8) -> String {
  let hex = String(byte, radix: 16, uppercase: true)
  return "0x" + (hex.count < 2 ? "0" : "") + hex
}

private func hex4(_ value: UInt32) -> String {
  let hex = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
