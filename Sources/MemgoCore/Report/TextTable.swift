/// A table of text cells with a header row and per-column alignment, rendered as aligned plain
/// text (here), as a GitHub Markdown table (`TextTable+Markdown`) or as CSV (`TextTable+CSV`).
///
/// Widths count `Character`s, which is the terminal width for the text memgo prints (ASCII, `µ`,
/// `±`).
public struct TextTable: Sendable, Equatable {
  /// How a column's cells are padded.
  public enum Alignment: Sendable, Equatable {
    case left
    case right
  }

  /// A column: its header and alignment.
  public struct Column: Sendable, Equatable {
    public var header: String
    public var alignment: Alignment
    public init(_ header: String, _ alignment: Alignment) {
      self.header = header
      self.alignment = alignment
    }
  }

  /// The columns, left to right.
  public var columns: [Column]
  /// The rows; each has one cell per column.
  public private(set) var rows: [[String]] = []

  /// Creates an empty table with `columns`.
  public init(columns: [Column]) { self.columns = columns }

  /// Appends a row; missing cells are empty and extra cells are dropped.
  public mutating func append(_ row: [String]) {
    var cells = Array(row.prefix(columns.count))
    while cells.count < columns.count { cells.append("") }
    rows.append(cells)
  }

  /// Each column's width: its widest cell or header.
  public var widths: [Int] {
    columns.indices.map { c in rows.reduce(columns[c].header.count) { max($0, $1[c].count) } }
  }

  /// The aligned plain-text rendering: the header then one line per row, columns separated by
  /// `separator`, trailing spaces removed, each line ending in a newline.
  public func plainText(separator: String = "  ") -> String {
    let widths = widths
    var out = ""
    for cells in [columns.map(\.header)] + rows {
      var line = ""
      for (c, cell) in cells.enumerated() {
        if c > 0 { line += separator }
        line += TextTable.pad(cell, to: widths[c], columns[c].alignment)
      }
      while line.last == " " { line.removeLast() }
      out += line + "\n"
    }
    return out
  }

  /// `text` padded with spaces to `width` characters on the side `alignment` leaves free.
  static func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return alignment == .left ? text + fill : fill + text
  }
}
