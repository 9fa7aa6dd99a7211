import Testing

@testable import MemgoCore

@Suite struct JSONValueTextTests {
  @Test func serializesCompactlyInOrder() {
    let value = JSONValue.object([
      JSONMember(key: "b", value: .array([.number("1.50"), .null, .bool(false)])),
      JSONMember(key: "a\"", value: .string("x\n\u{01}")),
    ])
    #expect(value.serialized() == #"{"b":[1.50,null,false],"a\"":"x\n\u0001"}"#)
  }

  @Test func abbreviatesLongValues() {
    #expect(JSONValue.string(String(repeating: "a", count: 100)).abbreviated(10) == "\"aaaaaaaaa...")
    #expect(JSONValue.number("42").abbreviated(10) == "42")
    #expect(quoted("x\ny") == #""x\ny""#)
  }

  /// Serializing and re-parsing gives the same value (seeded random trees).
  @Test func serializationRoundTrips() throws {
    var rng = SplitMix64(seed: 11)
    func randomValue(depth: Int) -> JSONValue {
      switch rng.next() % (depth > 4 ? 4 : 6) {
      case 0: return .null
      case 1: return .bool(rng.next() % 2 == 0)
      case 2: return .number(["0", "-1.5e3", "42", "1E-7"][Int(rng.next() % 4)])
      case 3:
        let pool: [Character] = ["a", "\"", "\\", "\n", "\u{01}", "é", "😀", " "]
        return .string(String((0..<Int(rng.next() % 6)).map { _ in pool[Int(rng.next() % UInt64(pool.count))] }))
      case 4: return .array((0..<Int(rng.next() % 4)).map { _ in randomValue(depth: depth + 1) })
      default:
        return .object(
          (0..<Int(rng.next() % 4)).map { i in JSONMember(key: "k\(i)", value: randomValue(depth: depth + 1)) })
      }
    }
    for _ in 0..<500 {
      let value = randomValue(depth: 0)
      #expect(try JSONParser.parse(value.serialized()) == value)
    }
  }
}
