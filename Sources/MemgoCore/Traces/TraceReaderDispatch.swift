/// Generic code to run with the concrete reader a `TraceFormat` names.
///
/// Swift closures cannot be generic, so callers that want their loop specialised for the reader
/// (as `PolicyVisitor` does for policies) implement this protocol; `TraceFormat.withReader` is the
/// one `switch` over formats.
public protocol TraceReaderVisitor {
  associatedtype Output
  /// Runs the caller's generic code on an opened reader.
  func visit<Reader: TraceReader>(_ reader: inout Reader) throws -> Output
}

extension TraceFormat {
  /// Opens `path` with this format (detected first if `auto`) and calls `visitor.visit` with the reader.
  /// - Throws: `TraceError` when the file cannot be opened or detected; whatever `visit` throws.
  public func withReader<Visitor: TraceReaderVisitor>(
    path: String, options: TraceReaderOptions = TraceReaderOptions(), _ visitor: Visitor
  ) throws -> Visitor.Output {
    switch try resolved(forFile: path, options: options) {
    case .lackey:
      var reader = try LackeyReader(path: path, options: options)
      return try visitor.visit(&reader)
    case .din:
      var reader = try DinReader(path: path, options: options)
      return try visitor.visit(&reader)
    case .plain, .auto:
      var reader = try PlainReader(path: path, options: options)
      return try visitor.visit(&reader)
    }
  }
}

/// A reader of any format chosen at run time, for code where a `switch` per reference costs nothing
/// that matters (tests, tools); loops over long traces should use `TraceFormat.withReader`.
public enum AnyTraceReader: TraceReader {
  case lackey(LackeyReader)
  case din(DinReader)
  case plain(PlainReader)

  /// Opens `path` with `format`, detecting it first if `auto`.
  /// - Throws: `TraceError` when the file cannot be opened or its format detected.
  public init(path: String, format: TraceFormat = .auto, options: TraceReaderOptions = TraceReaderOptions())
    throws(TraceError)
  {
    switch try format.resolved(forFile: path, options: options) {
    case .lackey: self = .lackey(try LackeyReader(path: path, options: options))
    case .din: self = .din(try DinReader(path: path, options: options))
    case .plain, .auto: self = .plain(try PlainReader(path: path, options: options))
    }
  }

  /// The concrete format being read.
  public var format: TraceFormat {
    switch self {
    case .lackey: return .lackey
    case .din: return .din
    case .plain: return .plain
    }
  }

  public mutating func next() throws(TraceError) -> TraceReference? {
    switch self {
    case .lackey(var reader):
      defer { self = .lackey(reader) }
      return try reader.next()
    case .din(var reader):
      defer { self = .din(reader) }
      return try reader.next()
    case .plain(var reader):
      defer { self = .plain(reader) }
      return try reader.next()
    }
  }

  public var skippedLineCount: Int {
    switch self {
    case .lackey(let reader): return reader.skippedLineCount
    case .din(let reader): return reader.skippedLineCount
    case .plain(let reader): return reader.skippedLineCount
    }
  }

  public var lineNumber: Int {
    switch self {
    case .lackey(let reader): return reader.lineNumber
    case .din(let reader): return reader.lineNumber
    case .plain(let reader): return reader.lineNumber
    }
  }
}
