/// The trace file formats memgo reads (`--trace-format`), and detection of the format from a file's
/// first lines.
public enum TraceFormat: String, CaseIterable, Sendable {
  /// valgrind lackey `--trace-mem=yes` output (`LackeySyntax`).
  case lackey
  /// Dinero `din` (`DinSyntax`).
  case din
  /// One reference per line (`PlainSyntax`).
  case plain
  /// Detect one of the others from the first lines (`detect(firstLines:)`).
  case auto

  /// How many non-blank lines detection looks at.
  public static let detectionLineCount = 32

  /// The concrete formats, in the order detection prefers them.
  public static let concrete: [TraceFormat] = [.lackey, .din, .plain]

  /// Detects the format from a trace's first lines.
  ///
  /// Blank lines are ignored and at most `detectionLineCount` non-blank lines are examined. The
  /// result is the first of lackey, din, plain whose syntax accepts every examined line (as a
  /// reference or as a line it skips, such as valgrind's `==PID==` lines or a plain `#` comment).
  /// The order resolves the one ambiguity: lines like `0 8` read as din (label 0, address 8) before
  /// plain (address 0, size 8). `nil` if there is no non-blank line, or no format accepts them all.
  public static func detect(firstLines: [String]) -> TraceFormat? {
    var sample: [[UInt8]] = []
    for line in firstLines where sample.count < detectionLineCount {
      var bytes = Array(line.utf8)
      if bytes.last == 0x0D { bytes.removeLast() }
      if !isBlank(bytes) { sample.append(bytes) }
    }
    return detect(sample: sample)
  }

  /// The format to read `path` with: `self`, or for `auto` the format detected from the first lines.
  ///
  /// A trace with no non-blank line is read as `plain` (it is empty in every format).
  /// - Throws: `TraceError` `io` if the file cannot be read, `syntax` (naming the first non-blank
  ///   line) if no format accepts the first lines.
  public func resolved(forFile path: String, options: TraceReaderOptions = TraceReaderOptions()) throws(TraceError)
    -> TraceFormat
  {
    guard self == .auto else { return self }
    var lines = try LineReader(path: path, maximumLineLength: options.maximumLineLength, bufferSize: 1 << 16)
    var sample: [[UInt8]] = []
    var firstLine: (number: Int, bytes: [UInt8])?
    while sample.count < TraceFormat.detectionLineCount {
      let line: UnsafeBufferPointer<UInt8>?
      do {
        line = try lines.next()
      } catch {
        if error.kind == .syntax && options.skipBadLines { continue }
        throw error
      }
      guard let line else { break }
      if TraceFormat.isBlank(line) { continue }
      if firstLine == nil { firstLine = (lines.lineNumber, Array(line)) }
      sample.append(Array(line))
    }
    guard let first = firstLine else { return .plain }
    if let format = TraceFormat.detect(sample: sample) { return format }
    return try first.bytes.withUnsafeBufferPointer { (bytes) throws(TraceError) -> TraceFormat in
      throw TraceError.syntax(
        file: path, line: first.number, bytes: bytes,
        message: "cannot detect the trace format from the first lines "
          + "(expected lackey, din or plain; choose one with --trace-format)")
    }
  }

  /// The first concrete format whose syntax accepts every line of a non-empty sample.
  package static func detect(sample: [[UInt8]]) -> TraceFormat? {
    guard !sample.isEmpty else { return nil }
    return concrete.first { format in
      sample.allSatisfy { line in
        line.withUnsafeBufferPointer { bytes in
          if case .malformed = format.parse(bytes) { return false }
          return true
        }
      }
    }
  }

  /// Parses one line with this format's syntax (`auto` accepts nothing).
  package func parse(_ line: UnsafeBufferPointer<UInt8>) -> TraceLineParse {
    switch self {
    case .lackey: return LackeySyntax.parse(line)
    case .din: return DinSyntax.parse(line)
    case .plain: return PlainSyntax.parse(line)
    case .auto: return .malformed("no format")
    }
  }

  private static func isBlank<C: Collection<UInt8>>(_ bytes: C) -> Bool {
    bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
  }
}
