/// The Markdown rendering of an explain run.
extension ExplainResult {
  /// A GitHub pipe table with the textbook layout (a header row of references, one row per frame
  /// slot, a fault row marked `F`, a victim row), preceded by a title line and followed by the fault
  /// count. Blank cells are empty; page columns are right-aligned. The table never wraps.
  public func markdown() -> String {
    let rows = self.rows
    var lines = ["**\(title)**", ""]
    func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    lines.append(line([rows[0].label] + rows[0].cells))
    lines.append("|" + ([" --- "] + Array(repeating: " ---: ", count: steps.count)).joined(separator: "|") + "|")
    for row in rows.dropFirst() {
      lines.append(line([row.label] + row.cells))
    }
    lines.append("")
    lines.append(summary)
    return lines.joined(separator: "\n") + "\n"
  }
}
