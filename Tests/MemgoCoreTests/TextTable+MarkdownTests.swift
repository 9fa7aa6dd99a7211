import Testing

@testable import MemgoCore

@Suite struct TextTableMarkdownTests {
  @Test func alignedPipeTable() {
    let expected = """
      | name    |  lat (µs) |
      | :------ | --------: |
      | lru     | 1.5 ± 0.2 |
      | wsclock |        12 |

      """
    #expect(TextTableTests.sample().markdownText() == expected)
  }

  @Test func cellsAreEscaped() {
    var table = TextTable(columns: [TextTable.Column("a|b", .left)])
    table.append(["x|y\nz"])
    #expect(table.markdownText() == "| a\\|b   |\n| :----- |\n| x\\|y z |\n")
  }

  @Test func separatorIsAtLeastThreeWide() {
    var table = TextTable(columns: [TextTable.Column("n", .right)])
    table.append(["1"])
    #expect(table.markdownText() == "|   n |\n| --: |\n|   1 |\n")
  }
}
