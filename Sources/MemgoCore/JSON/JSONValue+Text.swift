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

/// Appends `s` as a JSON string literal (`JSONWriter.string`), cut after `limit` scalars.
private func writeString(_ s: String, to output: inout String, limit: Int) {
  let scalars = s.unicodeScalars
  output += JSONWriter.string(scalars.count <= limit ? s : String(String.UnicodeScalarView(scalars.prefix(limit))))
}

/// `text` as a JSON string literal for an error message, cut after about `limit` characters.
func quoted(_ text: String, limit: Int = 60) -> String {
  JSONValue.string(text).abbreviated(limit + 2)
}
