/// One reference of an `explain` reference string: a page number, read or written.
///
/// In text a reference is a page number, optionally prefixed by `R` (read, the default) or `W`
/// (write), as in the plain trace format: `7`, `W7`, `r0`.
public struct ExplainReference: Sendable, Equatable {
  /// The page number (a virtual page number of process 0).
  public var page: Int64
  /// Whether the reference writes the page.
  public var isWrite: Bool

  /// Creates a reference to `page`, a read unless `isWrite`.
  public init(page: Int64, isWrite: Bool = false) {
    self.page = page
    self.isWrite = isWrite
  }

  /// The largest page number: a `PageKey` holds 40 bits of page number.
  public static let maximumPage: Int64 = (1 << 40) - 1

  /// The reference as written in tables: `7`, or `W7` for a write.
  public var label: String { isWrite ? "W\(page)" : "\(page)" }

  /// Parses a comma-separated list such as `7,0,1,W2, 0` (spaces around items are ignored).
  ///
  /// - Throws: `ExplainError` naming the first item that is not a page number in
  ///   0...`maximumPage`, optionally prefixed by R or W.
  public static func parseList(_ text: String) throws -> [ExplainReference] {
    var result: [ExplainReference] = []
    for (position, rawItem) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
      let item = rawItem.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
      let text = String(item)
      guard let reference = parse(text) else {
        let shown = text.isEmpty ? "an empty item" : "\"\(text)\""
        throw ExplainError(
          "refs: item \(position + 1): \(shown) is not a page number "
            + "(expected a number in 0...\(maximumPage), optionally prefixed by R or W, e.g. 7 or W7)")
      }
      result.append(reference)
    }
    return result
  }

  /// Parses one item, or `nil`.
  static func parse(_ text: String) -> ExplainReference? {
    var digits = Substring(text)
    var isWrite = false
    if let first = digits.first, "RrWw".contains(first) {
      isWrite = first == "W" || first == "w"
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.count <= 13, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }),
      let page = Int64(digits), page <= maximumPage
    else { return nil }
    return ExplainReference(page: page, isWrite: isWrite)
  }
}

/// Why an `explain` request cannot run: one line, `what: what is wrong (what is expected)`.
public struct ExplainError: Error, Equatable, CustomStringConvertible {
  /// The problem, e.g. `frames: 0 is out of range (expected a number of frames in 1...64)`.
  public var message: String
  /// Creates an error with `message`.
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
