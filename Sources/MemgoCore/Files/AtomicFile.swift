#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(fd, bytes, count)
  #elseif canImport(Musl)
    return Musl.write(fd, bytes, count)
  #else
    return Darwin.write(fd, bytes, count)
  #endif
}

/// Writes files atomically: readers see the old content or the new content, never a partial file.
///
/// The bytes go to a temporary file in the target's directory (`.NAME.tmp.PID.N`, created
/// exclusively), which is flushed to disk (`fsync`) and then renamed over the target (POSIX
/// `rename(2)` replaces atomically within one file system). On any failure the temporary file is
/// removed and an `AtomicFile.Error` names the path and the system's reason.
public enum AtomicFile {
  /// A file operation that failed: the path, what was being done, and the system's reason.
  public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
    /// The path the caller named.
    public var path: String
    /// What failed (`cannot write`, `cannot create directory`).
    public var operation: String
    /// The system's reason (`strerror`), e.g. `Permission denied`.
    public var reason: String
    /// The `errno` value, 0 if none.
    public var code: Int32

    public init(path: String, operation: String, reason: String, code: Int32 = 0) {
      self.path = path
      self.operation = operation
      self.reason = reason
      self.code = code
    }

    /// `PATH: OPERATION: REASON`, as the CLI prints after `memgo: `.
    public var description: String { "\(path): \(operation): \(reason)" }
  }

  /// Writes `text` (UTF-8) to `path`, replacing any existing file atomically.
  public static func write(_ text: String, to path: String) throws(AtomicFile.Error) {
    try write(Array(text.utf8), to: path)
  }

  /// Writes `bytes` to `path`, replacing any existing file atomically.
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.Error) {
    let pending = try openTemporary(for: path)
    do throws(AtomicFile.Error) {
      try writeAll(pending.descriptor, bytes, path: path)
    } catch {
      abandon(pending)
      throw error
    }
    try commit(pending)
  }

  /// A temporary file being written, to be renamed over `path` by `commit` or removed by `abandon`.
  public struct Pending: Sendable {
    /// The file the caller named.
    public var path: String
    /// The temporary file in the same directory.
    public var temporaryPath: String
    /// Its open descriptor, for writing.
    public var descriptor: Int32
  }

  /// Creates the temporary file for `path` (`.NAME.tmp.PID.N` beside it, created exclusively).
  /// Write to its descriptor, then `commit` or `abandon` it.
  public static func openTemporary(for path: String) throws(AtomicFile.Error) -> Pending {
    guard !path.isEmpty else { throw Error(path: path, operation: "cannot write", reason: "empty file name") }
    let (directory, name) = split(path)
    guard !name.isEmpty, name != ".", name != ".." else {
      throw Error(path: path, operation: "cannot write", reason: "not a file name")
    }
    let pid = getpid()
    var attempt = 0
    while true {
      let temporary = (directory.map { $0 + "/" } ?? "") + ".\(name).tmp.\(pid).\(attempt)"
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd >= 0 { return Pending(path: path, temporaryPath: temporary, descriptor: fd) }
      let code = errno
      guard code == EEXIST || code == EINTR, attempt < 10_000 else {
        throw failure(path, "cannot write (creating a temporary file)", code)
      }
      attempt += 1
    }
  }

  /// Appends `text` (UTF-8) to the temporary file of `pending` (for files written in pieces).
  public static func write(_ text: String, to pending: Pending) throws(AtomicFile.Error) {
    try writeAll(pending.descriptor, Array(text.utf8), path: pending.path)
  }

  /// Flushes, closes and renames the temporary file over its target; on failure removes it.
  public static func commit(_ pending: Pending) throws(AtomicFile.Error) {
    let path = pending.path
    var fd = pending.descriptor
    do throws(AtomicFile.Error) {
      if fsync(fd) != 0 { throw failure(path, "cannot write (fsync)", errno) }
      if close(fd) != 0 {
        fd = -1
        throw failure(path, "cannot write (close)", errno)
      }
      fd = -1
      if rename(pending.temporaryPath, path) != 0 { throw failure(path, "cannot write (rename)", errno) }
    } catch {
      if fd >= 0 { close(fd) }
      unlink(pending.temporaryPath)
      throw error
    }
    syncDirectory(split(path).directory ?? ".")
  }

  /// Closes and removes the temporary file, leaving the target untouched.
  public static func abandon(_ pending: Pending) {
    close(pending.descriptor)
    unlink(pending.temporaryPath)
  }

  /// Creates the directory `path` and any missing parents (`mkdir -p`); succeeds if it exists.
  /// Throws if a component exists and is not a directory, or cannot be created.
  public static func createDirectory(_ path: String) throws(AtomicFile.Error) {
    guard !path.isEmpty else {
      throw Error(path: path, operation: "cannot create directory", reason: "empty directory name")
    }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/", omittingEmptySubsequences: true) {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      if mkdir(prefix, 0o755) == 0 { continue }
      let code = errno
      if code == EEXIST || code == EISDIR || code == EROFS || code == EACCES {
        if isDirectory(prefix) { continue }
        if code == EEXIST {
          throw Error(
            path: path, operation: "cannot create directory", reason: "\(prefix) is not a directory", code: ENOTDIR)
        }
      }
      throw failure(path, "cannot create directory", code)
    }
  }

  // MARK: - Private

  /// (directory, file name) of `path`; the directory is nil for a bare name.
  static func split(_ path: String) -> (directory: String?, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (nil, path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(AtomicFile.Error) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return posixWrite(fd, base + offset, buffer.count - offset)
      }
      if written < 0 {
        let code = errno
        if code == EINTR { continue }
        throw failure(path, "cannot write", code)
      }
      offset += written
    }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Flushes the directory entry of a rename; failures are ignored (some file systems refuse).
  private static func syncDirectory(_ directory: String) {
    let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private static func failure(_ path: String, _ operation: String, _ code: Int32) -> AtomicFile.Error {
    Error(path: path, operation: operation, reason: String(cString: strerror(code)), code: code)
  }
}
