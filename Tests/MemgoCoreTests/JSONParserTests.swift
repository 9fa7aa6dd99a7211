import Testing

@testable import MemgoCore

@Suite struct JSONParserTests {
  /// Parses `text`, returning the error's `line L, column C: message` or nil on success.
  func failure(_ text: String) -> String? {
    do {
      _ = try JSONParser.parse(text)
      return nil
    } catch {
      return error.description
    }
  }

  func failure(bytes: [UInt8]) -> String? {
    do {
      _ = try JSONParser.parse(bytes)
      return nil
    } catch {
      return error.description
    }
  }

  // MARK: - Accepted input

  @Test func parsesScalarsAndKeepsNumberLiterals() throws {
    #expect(try JSONParser.parse("null") == .null)
    #expect(try JSONParser.parse(" true ") == .bool(true))
    #expect(try JSONParser.parse("false") == .bool(false))
    #expect(try JSONParser.parse("-0.30e+02") == .number("-0.30e+02"))
    #expect(try JSONParser.parse("0") == .number("0"))
    #expect(try JSONParser.parse("\"\"") == .string(""))
  }

  @Test func objectsKeepMemberOrder() throws {
    let value = try JSONParser.parse(#"{"b": 1, "a": [true, null], "c": {}}"#)
    #expect(
      value
        == .object([
          JSONMember(key: "b", value: .number("1")),
          JSONMember(key: "a", value: .array([.bool(true), .null])),
          JSONMember(key: "c", value: .object([])),
        ]))
  }

  @Test func decodesEscapesAndUnicode() throws {
    let value = try JSONParser.parse(#""a\"\\\/\b\f\n\r\t\u0041\u00e9\ud83d\ude00 é😀""#)
    #expect(value == .string("a\"\\/\u{08}\u{0C}\n\r\tAé😀 é😀"))
    #expect(try JSONParser.parse(#""\u0000""#) == .string("\u{0}"))
  }

  @Test func ignoresLeadingByteOrderMark() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number("1")]))
  }

  @Test func acceptsNestingUpToTheLimit() throws {
    let depth = JSONParser.maximumDepth
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try JSONParser.parse(text)
    var levels = 0
    while case .array(let elements) = value {
      levels += 1
      guard let first = elements.first else { break }
      value = first
    }
    #expect(levels == depth)
  }

  // MARK: - Rejected input, with line and column

  @Test func reportsWhatWasExpectedWithLineAndColumn() {
    #expect(
      failure("{\n  \"a\": 1,\n  \"b\": 2 \"c\": 3\n}") == "line 3, column 10: expected ',' or '}' after object member")
    #expect(failure("[1 2]") == "line 1, column 4: expected ',' or ']' after array element")
    #expect(failure("{\"a\" 1}") == "line 1, column 6: expected ':' after object key")
    #expect(failure("{1: 2}") == "line 1, column 2: expected a string key after '{'")
    #expect(failure("{\"a\": 1, 2}") == "line 1, column 10: expected a string key after ','")
    #expect(failure("{\"a\": }") == "line 1, column 7: unexpected '}' (expected a JSON value)")
  }

  @Test func columnsCountCharactersNotBytes() {
    #expect(
      failure("[\"é\", x]")
        == "line 1, column 7: invalid literal 'x' (expected true, false, null, a number, or a string in double quotes)")
  }

  @Test func rejectsEmptyInputAndTrailingContent() {
    #expect(failure("") == "line 1, column 1: empty input (expected a JSON value)")
    #expect(failure("  \n ") == "line 2, column 2: empty input (expected a JSON value)")
    #expect(failure("{} {}") == "line 1, column 4: unexpected content after the JSON value")
    #expect(failure("1 2") == "line 1, column 3: unexpected content after the JSON value")
    #expect(failure("[1,") == "line 1, column 4: unexpected end of input (expected a JSON value)")
    #expect(
      failure("{\"a\": 1") == "line 1, column 8: unexpected end of input (expected ',' or '}' after object member)")
  }

  @Test func rejectsDuplicateKeys() {
    #expect(failure("{\"a\": 1,\n \"a\": 2}") == "line 2, column 2: duplicate key \"a\" in object")
  }

  @Test func rejectsNonStandardSyntax() {
    #expect(failure("[1,]") == "line 1, column 4: trailing comma before ']' is not allowed")
    #expect(failure("{\"a\":1,}") == "line 1, column 8: trailing comma before '}' is not allowed")
    #expect(failure("['a']") == "line 1, column 2: strings must use double quotes, not '")
    #expect(failure("{'a': 1}") == "line 1, column 2: object keys must use double quotes, not '")
    #expect(failure("// c\n1") == "line 1, column 1: comments are not allowed in JSON")
    #expect(
      failure("NaN")
        == "line 1, column 1: invalid literal 'NaN' "
        + "(expected true, false, null, a number, or a string in double quotes)"
    )
    #expect(
      failure("True")
        == "line 1, column 1: invalid literal 'True' "
        + "(expected true, false, null, a number, or a string in double quotes)"
    )
    #expect(failure("+1") == "line 1, column 1: numbers cannot start with '+' (expected a JSON value)")
  }

  @Test func rejectsMalformedNumbers() {
    #expect(failure("01") == "line 1, column 1: leading zeros are not allowed in numbers")
    #expect(failure("-") == "line 1, column 2: unexpected end of input (expected a digit after '-')")
    #expect(failure("-a") == "line 1, column 2: expected a digit after '-'")
    #expect(failure("1.") == "line 1, column 3: unexpected end of input (expected a digit after the decimal point)")
    #expect(failure("1.e3") == "line 1, column 3: expected a digit after the decimal point")
    #expect(failure("1e+") == "line 1, column 4: unexpected end of input (expected a digit in the exponent)")
  }

  @Test func rejectsMalformedStrings() {
    #expect(failure("\"abc") == "line 1, column 5: unterminated string (expected '\"')")
    #expect(
      failure("\"a\nb\"")
        == "line 1, column 3: unescaped control character U+000A in string; strings cannot span lines, write \\n")
    #expect(
      failure("\"a\tb\"")
        == "line 1, column 3: unescaped control character U+0009 in string (write it as an escape such as \\u0009)")
    #expect(
      failure(#""\x""#)
        == #"line 1, column 2: invalid escape '\x' in string (expected one of \" \\ \/ \b \f \n \r \t \uXXXX)"#)
    #expect(failure(#""\u12G4""#) == "line 1, column 2: incomplete \\u escape (expected 4 hex digits)")
    #expect(
      failure(#""\ud800""#)
        == "line 1, column 2: unpaired surrogate \\uD800 (expected a low surrogate \\uDC00-\\uDFFF to follow)")
    #expect(
      failure(#""\ud800\u0041""#)
        == "line 1, column 2: unpaired surrogate \\uD800 (expected a low surrogate \\uDC00-\\uDFFF to follow)")
    #expect(
      failure(#""\udc00""#) == "line 1, column 2: unpaired surrogate \\uDC00 (a low surrogate must follow a high one)")
  }

  @Test func rejectsInvalidUTF8() {
    let q = UInt8(ascii: "\"")
    #expect(failure(bytes: [q, 0xFF, q]) == "line 1, column 2: invalid UTF-8 byte 0xFF")
    #expect(failure(bytes: [q, 0xC3, q]) == "line 1, column 2: invalid UTF-8 sequence starting with byte 0xC3")
    // Overlong encoding of '/' and an encoded surrogate (U+D800) are invalid (RFC 3629).
    #expect(failure(bytes: [q, 0xC0, 0xAF, q]) == "line 1, column 2: invalid UTF-8 byte 0xC0")
    #expect(
      failure(bytes: [q, 0xED, 0xA0, 0x80, q]) == "line 1, column 2: invalid UTF-8 sequence starting with byte 0xED")
    #expect(failure(bytes: [q, 0xF0, 0x9F]) == "line 1, column 2: truncated UTF-8 sequence at end of input")
    #expect(failure(bytes: [0xFF]) == "line 1, column 1: unexpected byte 0xFF (expected a JSON value)")
    // Also inside a string that needs unescaping.
    #expect(
      failure(bytes: [q, UInt8(ascii: "\\"), UInt8(ascii: "n"), 0xFE, q]) == "line 1, column 4: invalid UTF-8 byte 0xFE"
    )
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let depth = JSONParser.maximumDepth + 1
    #expect(failure(String(repeating: "[", count: depth)) == "line 1, column \(depth): nesting deeper than 512 levels")
    let huge = String(repeating: "[", count: 100_000)
    #expect(failure(huge) == "line 1, column 513: nesting deeper than 512 levels")
    let objects = String(repeating: "{\"a\":", count: 100_000)
    #expect(failure(objects) == "line 1, column \(512 * 5 + 1): nesting deeper than 512 levels")
  }

  /// The parser runs in linear time: a few megabytes on one line parse quickly even in debug builds.
  @Test func parsesLargeSingleLineInput() throws {
    let count = 200_000
    var text = "["
    for i in 0..<count { text += i == 0 ? "{\"k\":\(i)}" : ",{\"k\":\(i)}" }
    text += "," + "\"" + String(repeating: "x", count: 2_000_000) + "\"]"
    let value = try JSONParser.parse(text)
    guard case .array(let elements) = value else {
      Issue.record("not an array")
      return
    }
    #expect(elements.count == count + 1)
    #expect(elements[count - 1] == .object([JSONMember(key: "k", value: .number("\(count - 1)"))]))
  }
}
