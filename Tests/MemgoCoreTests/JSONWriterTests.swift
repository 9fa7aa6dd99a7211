import Testing

@testable import MemgoCore

@Suite struct JSONWriterTests {
  @Test(arguments: [
    (0.0, "0"), (-0.0, "0"), (42, "42"), (-7, "-7"), (1e15, "1000000000000000"),
    (9_007_199_254_740_991, "9007199254740991"),  // 2^53 − 1: still an integer
    (9_007_199_254_740_992, "9007199254740992.0"),  // 2^53: Swift's shortest round-trip form
    (1e16, "1e+16"), (1.5e300, "1.5e+300"),
    (0.1, "0.1"), (0.15000000000000002, "0.15000000000000002"), (2.5, "2.5"), (-0.001, "-0.001"),
    (1e-05, "1e-05"), (1.5e-07, "1.5e-07"), (1e20, "1e+20"), (Double.leastNonzeroMagnitude, "5e-324"),
    (Double.nan, "null"), (Double.infinity, "null"), (-Double.infinity, "null"),
  ])
  func numbers(value: Double, expected: String) {
    #expect(JSONWriter.number(value) == expected)
  }

  /// Every finite output parses back to the same double (round trip).
  @Test func numbersRoundTrip() {
    var rng = SplitMix64(seed: 99)
    for _ in 0..<10_000 {
      let x = Double(bitPattern: rng.next())
      guard x.isFinite else { continue }
      #expect(Double(JSONWriter.number(x)) == x)
    }
  }

  @Test func stringEscapes() {
    #expect(JSONWriter.string("plain") == "\"plain\"")
    #expect(JSONWriter.string("a\"b\\c/d") == #""a\"b\\c/d""#)
    #expect(JSONWriter.string("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
    #expect(JSONWriter.string("\u{00}\u{1F}\u{7F}") == "\"\\u0000\\u001f\\u007f\"")
    #expect(JSONWriter.string("µs ± 1 — 日本") == "\"µs ± 1 — 日本\"")
    #expect(JSONWriter.string("e\u{301}") == "\"e\u{301}\"")
  }

  @Test func compact() {
    let value = JSONValue.object([
      JSONMember(key: "a", value: .number("1")),
      JSONMember(key: "b", value: .array([.bool(true), .null, .string("x")])),
      JSONMember(key: "c", value: .object([])),
    ])
    #expect(JSONWriter.compact(value) == #"{"a": 1, "b": [true, null, "x"], "c": {}}"#)
  }

  @Test func prettyPutsFlatContainersOnOneLine() {
    let value = JSONValue.object([
      JSONMember(key: "name", value: .string("x")),
      JSONMember(key: "values", value: .array([.number("1"), .number("2")])),
      JSONMember(key: "empty", value: .array([])),
      JSONMember(
        key: "nested",
        value: .array([.object([JSONMember(key: "k", value: .double(0.5)), JSONMember(key: "n", value: .double(nil))])])
      ),
    ])
    let expected = """
      {
        "name": "x",
        "values": [1, 2],
        "empty": [],
        "nested": [
          {"k": 0.5, "n": null}
        ]
      }

      """
    #expect(JSONWriter.pretty(value) == expected)
    #expect(JSONWriter.pretty(.number("3")) == "3\n")
    #expect(JSONWriter.pretty(.array([.array([])]), indent: 4) == "[\n    []\n]\n")
  }

  @Test func valueHelpers() {
    #expect(JSONValue.double(3) == .number("3"))
    #expect(JSONValue.double(.nan) == .null)
    #expect(JSONValue.double(nil) == .null)
    #expect(JSONValue.integer(UInt64.max) == .number("18446744073709551615"))
  }

  @Test func plainText() {
    #expect(JSONWriter.text(.string("lru")) == "lru")
    #expect(JSONWriter.text(.number("0.30")) == "0.30")
    #expect(JSONWriter.text(.bool(false)) == "false")
    #expect(JSONWriter.text(.null) == "null")
    #expect(JSONWriter.text(.object([JSONMember(key: "dist", value: .string("c"))])) == #"{"dist": "c"}"#)
  }
}
