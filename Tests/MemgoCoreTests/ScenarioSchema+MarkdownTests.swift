import Foundation
import Testing

@testable import MemgoCore

/// The README's scenario key table is the one generated from the key declarations.
@Suite struct ScenarioSchemaMarkdownTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("README.md")

  /// The text between `<!-- scenario-keys:begin -->` and `<!-- scenario-keys:end -->` (regenerate
  /// with `memgo schema --format markdown`).
  @Test func readmeTableIsGenerated() throws {
    let text = try String(contentsOf: Self.readme, encoding: .utf8)
    let begin = try #require(text.range(of: "<!-- scenario-keys:begin -->\n"))
    let end = try #require(text.range(of: "<!-- scenario-keys:end -->"))
    #expect(String(text[begin.upperBound..<end.lowerBound]) == ScenarioSchema.markdownKeyTable)
  }

  /// Every declared key has a row, and every row a meaning and a default.
  @Test func everyKeyHasARow() {
    let table = ScenarioSchema.markdownKeyTable
    for path in [
      "`$schema`", "`machine.pageTable.walkCache`", "`machine.replacement.pffLower`", "`machine.memory`",
      "`processes[i].access.phaseLength`", "`processes[i].access.format`", "`sweep`", "`stop.time`",
    ] {
      #expect(table.contains("| \(path) |"), "\(path)")
    }
    let rows = ScenarioSchema.rows(Scenario.keyTable.shape, prefix: "")
    for row in rows {
      #expect(!row.meaning.isEmpty && !row.defaultValue.isEmpty && !row.values.isEmpty, "\(row.path)")
      #expect(!row.meaning.contains("|") && !row.values.contains("|"), "\(row.path)")
    }
    #expect(Set(rows.map(\.path)).count == rows.count)
    #expect(table.split(separator: "\n").count == rows.count + 2)
  }

  @Test func valuesByKind() {
    #expect(ScenarioSchema.values(.integer(1...(1 << 31)), name: "frames") == "1 … 2^31")
    #expect(ScenarioSchema.values(.number(min: .above(0), max: .atMost(1)), name: "p") == "0 < p <= 1")
    #expect(ScenarioSchema.values(.choice(["a", "b"]), name: "x") == "`a`, `b`")
    #expect(ScenarioSchema.values(.distribution(.duration), name: "x") == "duration or distribution")
  }
}
