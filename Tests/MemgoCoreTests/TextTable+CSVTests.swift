import Testing

@testable import MemgoCore

@Suite struct TextTableCSVTests {
  @Test(arguments: [
    ("plain", "plain"), ("", ""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
    ("two\nlines", "\"two\nlines\""),
    ("cr\r", "\"cr\r\""), ("crlf\r\n", "\"crlf\r\n\""), (" spaced ", " spaced "), ("µs", "µs"),
  ])
  func fieldQuoting(text: String, expected: String) {
    #expect(TextTable.csvField(text) == expected)
  }

  @Test func csvText() {
    var table = TextTable(columns: [TextTable.Column("name", .left), TextTable.Column("value", .right)])
    table.append(["a,b", "1"])
    table.append(["", "\""])
    #expect(table.csvText() == "name,value\n\"a,b\",1\n,\"\"\"\"\n")
  }

  /// A naive RFC 4180 parser reads back every field, whatever it holds.
  @Test func roundTripsThroughAParser() {
    var rng = SplitMix64(seed: 11)
    let alphabet: [Character] = ["a", ",", "\"", "\n", "\r", " ", "µ"]
    for _ in 0..<500 {
      let fields = (0..<3).map { _ in String((0..<Int(rng.next() % 6)).map { _ in alphabet[Int(rng.next() % 7)] }) }
      var table = TextTable(columns: fields.indices.map { TextTable.Column("c\($0)", .left) })
      table.append(fields)
      let records = TextTableCSVTests.parse(table.csvText())
      #expect(records.count == 2)
      #expect(records.last == fields)
    }
  }

  /// Splits RFC 4180 text into records of fields (records end in LF outside quotes).
  static func parse(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let s = scalars.popFirst() {
      if quoted {
        if s == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(s)
        }
      } else if s == "\"" {
        quoted = true
      } else if s == "," {
        record.append(field)
        field = ""
      } else if s == "\n" {
        record.append(field)
        records.append(record)
        record = []
        field = ""
      } else {
        field.unicodeScalars.append(s)
      }
    }
    return records
  }
}
