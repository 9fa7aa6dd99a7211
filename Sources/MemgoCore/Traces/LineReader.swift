#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams the lines of a file through one fixed buffer, in constant memory whatever the file size.
///
/// Lines end with `\n`; a `\r` before it (CRLF) is dropped, and a last line without a newline is
/// still a line. A line longer than `maximumLineLength` bytes throws a `TraceError` as soon as that
/// is known, without buffering the rest of it; the next call skips past its end, so a caller that
/// skips bad lines can simply call `next()` again. The buffer holds `bufferSize` bytes (1 MiB by
/// default), read with `read(2)`; no Foundation, no allocation per line.
public struct LineReader {
  /// The default size of the read buffer: 1 MiB.
  public static let defaultBufferSize = 1 << 20
  /// The default longest accepted line, in bytes (newline excluded): 64 KiB.
  public static let defaultMaximumLineLength = 1 << 16

  /// The file's name as given, used in errors.
  public let name: String
  /// The longest accepted line, in bytes, newline and carriage return excluded.
  public let maximumLineLength: Int
  /// The 1-based number of the line last returned (or rejected); 0 before the first.
  public private(set) var lineNumber = 0

  private let storage: Storage
  private let buffer: UnsafeMutablePointer<UInt8>
  private let capacity: Int
  private let fd: Int32
  /// The unread bytes are `buffer[start ..< end]`.
  private var start = 0
  private var end = 0
  private var atEndOfFile = false
  /// Set after an over-long line was reported: drop bytes up to and including the next newline.
  private var discarding = false

  /// Owns the descriptor and the buffer, releasing both when the last copy of the reader goes.
  private final class Storage {
    let fd: Int32
    let closesDescriptor: Bool
    let buffer: UnsafeMutablePointer<UInt8>
    init(fd: Int32, closesDescriptor: Bool, capacity: Int) {
      self.fd = fd
      self.closesDescriptor = closesDescriptor
      buffer = .allocate(capacity: capacity)
    }
    deinit {
      buffer.deallocate()
      if closesDescriptor { _ = close(fd) }
    }
  }

  /// Opens the file at `path` for reading.
  ///
  /// - Throws: `TraceError` of kind `io` if it cannot be opened, or is a directory.
  public init(
    path: String, maximumLineLength: Int = LineReader.defaultMaximumLineLength,
    bufferSize: Int = LineReader.defaultBufferSize
  ) throws(TraceError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw TraceError.io(file: path, message: "cannot open: \(LineReader.errnoText())") }
    var status = stat()
    if fstat(fd, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
      _ = close(fd)
      throw TraceError.io(file: path, message: "cannot read: is a directory")
    }
    self.init(
      fileDescriptor: fd, name: path, closesDescriptor: true, maximumLineLength: maximumLineLength,
      bufferSize: bufferSize)
  }

  /// Reads from an open descriptor (standard input, a pipe); `closesDescriptor` says whether the
  /// reader closes it when done. `bufferSize` is raised to `maximumLineLength + 2` if smaller.
  public init(
    fileDescriptor: Int32, name: String, closesDescriptor: Bool = false,
    maximumLineLength: Int = LineReader.defaultMaximumLineLength, bufferSize: Int = LineReader.defaultBufferSize
  ) {
    precondition(maximumLineLength >= 1, "the maximum line length must be positive")
    let capacity = max(bufferSize, maximumLineLength + 2)
    storage = Storage(fd: fileDescriptor, closesDescriptor: closesDescriptor, capacity: capacity)
    buffer = storage.buffer
    self.capacity = capacity
    self.fd = fileDescriptor
    self.name = name
    self.maximumLineLength = maximumLineLength
  }

  /// Returns the next line without its line terminator, or `nil` at the end of the file.
  ///
  /// The bytes stay valid until the next call. Copies of a reader share the descriptor and buffer:
  /// read through one copy only.
  /// - Throws: `TraceError` `syntax` for an over-long line (the next call resumes after it), `io`
  ///   if reading fails.
  /// - Complexity: amortized O(line length).
  @inline(__always)
  public mutating func next() throws(TraceError) -> UnsafeBufferPointer<UInt8>? {
    while true {
      if discarding {
        if let newline = newlineIndex() {
          start = newline + 1
          discarding = false
          continue
        }
        start = 0
        end = 0
        if atEndOfFile { return nil }
        try fill()
        continue
      }
      if let newline = newlineIndex() {
        lineNumber += 1
        let line = lineBytes(upTo: newline)
        start = newline + 1
        if line.count > maximumLineLength { throw tooLong(line) }
        return line
      }
      if atEndOfFile {
        if start == end { return nil }
        lineNumber += 1
        let line = lineBytes(upTo: end)
        start = end
        if line.count > maximumLineLength { throw tooLong(line) }
        return line
      }
      if end - start > maximumLineLength + 1 {
        // Too long whatever follows (one byte may be the `\r` of a CRLF): report, then drop the rest.
        lineNumber += 1
        let error = tooLong(UnsafeBufferPointer(start: buffer + start, count: end - start))
        start = end
        discarding = true
        throw error
      }
      try fill()
    }
  }

  // MARK: - Buffer management

  /// The index of the first `\n` in the unread bytes, if any.
  @inline(__always)
  private func newlineIndex() -> Int? {
    guard start < end, let found = memchr(buffer + start, 0x0A, end - start) else { return nil }
    return buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// The bytes from `start` up to `limit`, without a trailing `\r`.
  @inline(__always)
  private func lineBytes(upTo limit: Int) -> UnsafeBufferPointer<UInt8> {
    var stop = limit
    if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
    return UnsafeBufferPointer(start: buffer + start, count: stop - start)
  }

  private func tooLong(_ line: UnsafeBufferPointer<UInt8>) -> TraceError {
    .syntax(
      file: name, line: lineNumber, bytes: line, message: "line is longer than \(maximumLineLength) bytes")
  }

  /// Moves the unread bytes to the front and reads once into the free space after them.
  private mutating func fill() throws(TraceError) {
    if start > 0 {
      let unread = end - start
      if unread > 0 { memmove(buffer, buffer + start, unread) }
      start = 0
      end = unread
    }
    while true {
      let count = read(fd, buffer + end, capacity - end)
      if count > 0 {
        end += count
        return
      }
      if count == 0 {
        atEndOfFile = true
        return
      }
      if errno == EINTR { continue }
      throw TraceError.io(file: name, message: "cannot read: \(LineReader.errnoText())")
    }
  }

  private static func errnoText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
  }
}
