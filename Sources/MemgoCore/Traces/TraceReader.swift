/// A streaming source of trace references, one at a time, in file order.
///
/// Readers know trace formats and nothing about pages, policies or the simulator (libCacheSim keeps
/// its readers apart from its simulator the same way). Generic code over `TraceReader` is
/// specialised per format; `TraceFormat.withReader` picks the concrete reader once.
public protocol TraceReader {
  /// Returns the next reference, or `nil` at the end of the trace.
  /// - Throws: `TraceError` for a malformed line (unless bad lines are skipped) or a read failure.
  mutating func next() throws(TraceError) -> TraceReference?

  /// How many malformed lines were skipped (always 0 unless the reader skips bad lines).
  var skippedLineCount: Int { get }

  /// The 1-based number of the last line read; 0 before the first.
  var lineNumber: Int { get }
}

/// How a trace reader treats its input.
public struct TraceReaderOptions: Sendable, Equatable {
  /// Count and skip malformed lines instead of throwing (`--skip-bad-lines`). Over-long lines are
  /// skipped too; read failures are always thrown.
  public var skipBadLines: Bool
  /// The longest accepted line in bytes; longer lines are malformed.
  public var maximumLineLength: Int
  /// The size of the read buffer in bytes (raised to `maximumLineLength + 2` if smaller).
  public var bufferSize: Int

  public init(
    skipBadLines: Bool = false, maximumLineLength: Int = LineReader.defaultMaximumLineLength,
    bufferSize: Int = LineReader.defaultBufferSize
  ) {
    self.skipBadLines = skipBadLines
    self.maximumLineLength = maximumLineLength
    self.bufferSize = bufferSize
  }
}
