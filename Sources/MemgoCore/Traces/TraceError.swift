/// A trace file that cannot be read (`io`) or holds a line that is not a reference (`syntax`).
///
/// `description` is `FILE: line N: message: "text"` for a bad line and `FILE: message` for an I/O
/// failure; the CLI prefixes `memgo: ` and exits with 2 for `syntax`, 1 for `io` (SPEC.md).
public struct TraceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Whether the file is unreadable or its content is malformed.
  public enum Kind: Sendable, Equatable {
    /// The file cannot be opened or read (missing, a directory, no permission, read failure).
    case io
    /// A line is malformed, too long, or the format cannot be detected.
    case syntax
  }

  /// The longest excerpt of an offending line kept in `text`, in bytes.
  public static let maximumTextLength = 80

  public var kind: Kind
  /// The trace's name as the user gave it.
  public var file: String
  /// The 1-based line number of the offending line; 0 when the error is not about one line.
  public var line: Int
  /// The offending line, truncated to `maximumTextLength` bytes (with `...` appended when cut).
  public var text: String
  /// What is wrong and, where it helps, what is expected.
  public var message: String

  public init(kind: Kind, file: String, line: Int, text: String, message: String) {
    self.kind = kind
    self.file = file
    self.line = line
    self.text = text
    self.message = message
  }

  /// A malformed line: keeps at most `maximumTextLength` bytes of it.
  static func syntax(file: String, line: Int, bytes: UnsafeBufferPointer<UInt8>, message: String) -> TraceError {
    TraceError(kind: .syntax, file: file, line: line, text: excerpt(bytes), message: message)
  }

  /// A failure to open or read `file`.
  static func io(file: String, message: String) -> TraceError {
    TraceError(kind: .io, file: file, line: 0, text: "", message: message)
  }

  /// The first `maximumTextLength` bytes of `bytes` as text, control characters shown as `?`.
  static func excerpt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let cut = bytes.count > maximumTextLength
    let kept = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, maximumTextLength)])
    let printable = kept.map { $0 < 0x20 || $0 == 0x7F ? UInt8(ascii: "?") : $0 }
    return String(decoding: printable, as: UTF8.self) + (cut ? "..." : "")
  }

  public var description: String { file + ": " + detail }

  /// The description after `FILE: `: `line N: message: "text"` for a bad line, else the message.
  public var detail: String {
    line > 0 ? "line \(line): \(message): \"\(text)\"" : message
  }
}
