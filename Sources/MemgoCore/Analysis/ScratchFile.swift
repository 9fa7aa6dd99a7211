#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An anonymous temporary file for data too long to keep in memory (OPT's encoded page stream).
///
/// It is created with `mkstemp` in `$TMPDIR` (or `/tmp`) and unlinked at once, so it has no name
/// while memgo uses it and the kernel frees its blocks when the descriptor closes: on success, on a
/// thrown error, and even if the process is killed. Reads and writes are whole blocks through
/// `pread`/`write`, never one record at a time.
package final class ScratchFile {
  /// The open descriptor.
  let descriptor: Int32
  /// The path the file had before it was unlinked, for error messages.
  let path: String
  /// Bytes appended so far (the file's length).
  private(set) var length: Int64 = 0

  /// Creates and unlinks a temporary file in `directory`, or in `$TMPDIR` (else `/tmp`) when nil.
  /// - Throws: `TraceError` of kind `io` if the file cannot be created.
  init(directory: String? = nil, purpose: String) throws(TraceError) {
    let base = directory ?? ScratchFile.temporaryDirectory()
    var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
    template += Array("memgo-\(purpose)-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw TraceError.io(
        file: base, message: "cannot create a temporary file for \(purpose): \(ScratchFile.errnoText())")
    }
    let created = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    _ = unlink(created)
    descriptor = fd
    path = created
  }

  deinit { _ = close(descriptor) }

  /// `$TMPDIR` if set and non-empty, else `/tmp`.
  package static func temporaryDirectory() -> String {
    if let value = getenv("TMPDIR") {
      let text = String(cString: value)
      if !text.isEmpty { return text }
    }
    return "/tmp"
  }

  /// Appends `count` bytes at `bytes` to the end of the file.
  /// - Throws: `TraceError` `io` if the write fails (a full disk, say).
  func append(_ bytes: UnsafeRawPointer, count: Int) throws(TraceError) {
    var done = 0
    while done < count {
      let n = write(descriptor, bytes + done, count - done)
      if n < 0 {
        if errno == EINTR { continue }
        throw failure("cannot write")
      }
      done += n
    }
    length += Int64(count)
  }

  /// Reads exactly `count` bytes at `offset` into `buffer`.
  /// - Throws: `TraceError` `io` if the read fails or the file is shorter than expected.
  func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws(TraceError) {
    var done = 0
    while done < count {
      let n = pread(descriptor, buffer + done, count - done, off_t(offset) + off_t(done))
      if n < 0 {
        if errno == EINTR { continue }
        throw failure("cannot read")
      }
      if n == 0 { throw TraceError.io(file: path, message: "cannot read: the temporary file is shorter than written") }
      done += n
    }
  }

  private func failure(_ operation: String) -> TraceError {
    TraceError.io(file: path, message: "\(operation) the temporary file: \(ScratchFile.errnoText())")
  }

  package static func errnoText() -> String {
    guard let text = strerror(errno) else { return "error \(errno)" }
    return String(cString: text)
  }
}
