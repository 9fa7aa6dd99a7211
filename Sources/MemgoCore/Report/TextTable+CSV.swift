extension TextTable {
  /// The table as CSV (RFC 4180 quoting): the header row then the rows, fields separated by
  /// commas, each record ending in `\n` (LF, not RFC 4180's CRLF, so committed reports stay
  /// byte-identical under git's line-ending conversions). Alignment is ignored.
  public func csvText() -> String {
    var out = ""
    for cells in [columns.map(\.header)] + rows {
      out += cells.map(TextTable.csvField).joined(separator: ",") + "\n"
    }
    return out
  }

  /// `text` as one CSV field: quoted, with `"` doubled, when it holds a comma, a quote, CR or LF
  /// (RFC 4180 §2.6-2.7); otherwise as is.
  public static func csvField(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
    }
    return out + "\""
  }
}
