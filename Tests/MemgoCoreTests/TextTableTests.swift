import Testing

@testable import MemgoCore

@Suite struct TextTableTests {
  static func sample() -> TextTable {
    var table = TextTable(columns: [TextTable.Column("name", .left), TextTable.Column("lat (µs)", .right)])
    table.append(["lru", "1.5 ± 0.2"])
    table.append(["wsclock", "12"])
    return table
  }

  @Test func plainText() {
    let expected = """
      name      lat (µs)
      lru      1.5 ± 0.2
      wsclock         12

      """
    #expect(TextTableTests.sample().plainText() == expected)
    #expect(TextTableTests.sample().widths == [7, 9])
  }

  @Test func trailingSpacesAreTrimmed() {
    var table = TextTable(columns: [TextTable.Column("a", .left), TextTable.Column("long header", .left)])
    table.append(["x", ""])
    #expect(table.plainText(separator: " | ") == "a | long header\nx |\n")
  }

  @Test func rowsAreFittedToTheColumns() {
    var table = TextTable(columns: [TextTable.Column("a", .left), TextTable.Column("b", .left)])
    table.append(["1"])
    table.append(["1", "2", "3"])
    #expect(table.rows == [["1", ""], ["1", "2"]])
  }

  @Test func emptyTableIsTheHeader() {
    #expect(TextTable(columns: [TextTable.Column("x", .right)]).plainText() == "x\n")
  }
}
