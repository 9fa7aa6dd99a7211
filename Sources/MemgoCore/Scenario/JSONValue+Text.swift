// MARK: - Writing JSON text

extension JSONValue {
  /// The value as compact JSON text: no whitespace, members in order, numbers as their literal.
  ///
  /// Parsing the result gives back an equal value.
  public func serialized() -> String {
    var output = ""
    write(to: &output, limit: .max)
    return output
  }

  /// A one-line rendering for error messages, cut after about `limit` characters with "...".
  func abbreviated(_ limit: Int = 60) -> String {
    var output = ""
    if !write(to: &output, limit: limit) || output.unicodeScalars.count > limit {
      return String(String.UnicodeScalarView(output.unicodeScalars.prefix(limit))) + "..."
    }
    return output
  }

  /// Appends the compact text to `output`; stops and returns false once it exceeds `limit` scalars.
  @discardableResult
  private func write(to output: inout String, limit: Int) -> Bool {
    if output.utf8.count > limit && output.unicodeScalars.count > limit { return false }
    switch self {
    case .null: output += "null"
    case .bool(let b): output += b ? "true" : "false"
    case .number(let literal): output += literal
    case .string(let s): writeString(s, to: &output, limit: limit)
    case .array(let elements):
      output += "["
      for (i, element) in elements.enumerated() {
        if i > 0 { output += "," }
        if !element.write(to: &output, limit: limit) { return false }
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (i, member) in members.enumerated() {
        if i > 0 { output += "," }
        writeString(member.key, to: &output, limit: limit)
        output += ":"
        if !member.value.write(to: &output, limit: limit) { return false }
      }
      output += "}"
    }
    return true
  }
}

/// Appends `s` as a JSON string literal, escaping quotes, backslashes and control characters.
private func writeString(_ s: String, to output: inout String, limit: Int) {
  output += "\""
  var written = 0
  for scalar in s.unicodeScalars {
    written += 1
    if written > limit { break }
    switch scalar {
    case "\"": output += "\\\""
    case "\\": output += "\\\\"
    case "\n": output += "\\n"
    case "\r": output += "\\r"
    case "\t": output += "\\t"
    case "\u{08}": output += "\\b"
    case "\u{0C}": output += "\\f"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
  }
  output += "\""
}

/// `text` as a JSON string literal for an error message, cut after about `limit` characters.
func quoted(_ text: String, limit: Int = 60) -> String {
  JSONValue.string(text).abbreviated(limit + 2)
}
