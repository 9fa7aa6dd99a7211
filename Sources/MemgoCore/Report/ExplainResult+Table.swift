/// The plain-text rendering of an explain run, in the textbook layout.
extension ExplainResult {
  /// The widest a table line may be before its columns wrap into another block.
  public static let tableWidth = 100

  /// The table's rows: a label and one cell per reference (empty strings for blanks).
  var rows: [(label: String, cells: [String])] {
    var rows: [(label: String, cells: [String])] = [("reference", steps.map(\.reference.label))]
    for slot in 0..<frames {
      rows.append(("frame \(slot)", steps.map { $0.frames[slot].map(String.init) ?? "" }))
    }
    rows.append(("fault", steps.map { $0.fault ? "F" : "" }))
    rows.append(("victim", steps.map { $0.victim.map(String.init) ?? "" }))
    return rows
  }

  /// The title line: the policy's name, its parameters, the frames and the references.
  var title: String {
    let detail = parameters.drop { $0 != " " }.drop { $0 == " " }
    let name = detail.isEmpty ? policy.displayName : "\(policy.displayName) \(detail)"
    return "\(name), \(frames) frame\(frames == 1 ? "" : "s"), \(steps.count) reference\(steps.count == 1 ? "" : "s")"
  }

  /// The closing line: faults, references, fault rate, hits.
  var summary: String {
    "faults: \(faults) of \(steps.count) references (fault rate \(faultPercentage)); hits: \(hits)"
  }

  /// The textbook table: one column per reference, one row per frame slot showing its page after
  /// the reference, a row marking faults with `F` and a row naming victims. Cells are right-aligned
  /// to a common width; when a line would exceed `tableWidth` columns the references wrap into
  /// blocks, each repeating the row labels. A title line comes first and the fault count last.
  public func table() -> String {
    let rows = self.rows
    let labelWidth = rows.map(\.label.count).max() ?? 0
    let cellWidth = max(1, rows.flatMap(\.cells).map(\.count).max() ?? 1)
    let perBlock = max(1, (ExplainResult.tableWidth - labelWidth - 2 + 1) / (cellWidth + 1))
    var lines = [title, ""]
    var start = 0
    repeat {
      let end = min(steps.count, start + perBlock)
      if start > 0 { lines.append("") }
      for row in rows {
        var line = row.label + String(repeating: " ", count: labelWidth - row.label.count + 2)
        for (k, cell) in row.cells[start..<end].enumerated() {
          if k > 0 { line += " " }
          line += String(repeating: " ", count: cellWidth - cell.count) + cell
        }
        while line.last == " " { line.removeLast() }
        lines.append(line)
      }
      start = end
    } while start < steps.count
    lines.append("")
    lines.append(summary)
    return lines.joined(separator: "\n") + "\n"
  }
}
