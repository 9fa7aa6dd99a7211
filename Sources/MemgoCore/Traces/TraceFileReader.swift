/// The result of parsing one trace line.
public enum TraceLineParse: Sendable, Equatable {
  /// The line is one reference.
  case reference(TraceReference)
  /// The line holds no reference and is allowed (blank, a comment, a line valgrind prints itself).
  case skip
  /// The line is malformed: what is wrong and what is expected.
  case malformed(String)
}

/// The line syntax of one text trace format: how a line becomes a reference.
///
/// Implementations parse the bytes in place (no `String`, no allocation except on error).
public protocol TraceLineSyntax {
  /// Parses one line, given without its line terminator.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceLineParse
}

/// A reader of a line-oriented text trace whose line syntax is `Syntax`.
///
/// `LackeyReader`, `DinReader` and `PlainReader` are this reader with their syntax. It streams the
/// file through a `LineReader`, so memory stays constant whatever the trace length.
public struct TraceFileReader<Syntax: TraceLineSyntax>: TraceReader {
  private var lines: LineReader
  /// Whether malformed lines are counted and skipped instead of thrown.
  public let skipsBadLines: Bool
  public private(set) var skippedLineCount = 0

  /// Opens the trace at `path`.
  /// - Throws: `TraceError` of kind `io` if the file cannot be opened.
  public init(path: String, options: TraceReaderOptions = TraceReaderOptions()) throws(TraceError) {
    let lines = try LineReader(
      path: path, maximumLineLength: options.maximumLineLength, bufferSize: options.bufferSize)
    self.init(lines: lines, skipBadLines: options.skipBadLines)
  }

  /// Reads the lines of an already open `LineReader`.
  public init(lines: LineReader, skipBadLines: Bool = false) {
    self.lines = lines
    self.skipsBadLines = skipBadLines
  }

  /// The trace's name, as given when it was opened.
  public var name: String { lines.name }

  public var lineNumber: Int { lines.lineNumber }

  /// - Complexity: O(length of the lines read), no allocation unless a line is malformed.
  @inline(__always)
  public mutating func next() throws(TraceError) -> TraceReference? {
    while true {
      let line: UnsafeBufferPointer<UInt8>
      do {
        guard let next = try lines.next() else { return nil }
        line = next
      } catch {
        if error.kind == .syntax && skipsBadLines {
          skippedLineCount += 1
          continue
        }
        throw error
      }
      switch Syntax.parse(line) {
      case .reference(let reference):
        return reference
      case .skip:
        continue
      case .malformed(let message):
        if skipsBadLines {
          skippedLineCount += 1
          continue
        }
        throw TraceError.syntax(file: lines.name, line: lines.lineNumber, bytes: line, message: message)
      }
    }
  }
}
