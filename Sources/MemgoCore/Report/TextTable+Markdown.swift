extension TextTable {
  /// The table as a GitHub-flavoured Markdown pipe table, cells padded so the source is aligned
  /// too; `|` in cells is escaped as `\|` and line breaks become spaces.
  public func markdownText() -> String {
    let header = columns.map { TextTable.markdownCell($0.header) }
    let body = rows.map { $0.map(TextTable.markdownCell) }
    let widths = columns.indices.map { c in body.reduce(max(3, header[c].count)) { max($0, $1[c].count) } }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { TextTable.pad($1, to: widths[$0], columns[$0].alignment) }
      return "| " + padded.joined(separator: " | ") + " |\n"
    }
    let rule = columns.indices.map { c in
      let dashes = String(repeating: "-", count: widths[c] - 1)
      return columns[c].alignment == .left ? ":" + dashes : dashes + ":"
    }
    var out = line(header)
    out += "| " + rule.joined(separator: " | ") + " |\n"
    for cells in body { out += line(cells) }
    return out
  }

  /// `text` made safe inside a Markdown table cell.
  static func markdownCell(_ text: String) -> String {
    var out = ""
    for ch in text {
      switch ch {
      case "|": out += "\\|"
      case "\n", "\r", "\r\n": out += " "
      default: out.append(ch)
      }
    }
    return out
  }
}
