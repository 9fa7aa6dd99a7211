#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file-system reads the experiment commands need (writes go through `AtomicFile`).
public enum FileSystem {
  /// The bytes of the file at `path`, refusing directories and reading at most `limit` + 1 bytes
  /// (callers compare the count with their limit). Throws `.io` naming the file and the reason;
  /// `expected` says what the file should have been (`a partial result file`).
  public static func read(_ path: String, limit: Int, expected: String = "a file") throws(ScenarioLoadError)
    -> [UInt8]
  {
    var info = stat()
    if stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw .io("\(path): is a directory (expected \(expected))")
    }
    return try ScenarioLoader.readFile(path: path, limit: limit)
  }

  /// The names in `directory`, without `.` and `..`, sorted by their UTF-8 bytes; nil if it cannot
  /// be read.
  public static func list(_ directory: String) -> [String]? {
    guard let stream = opendir(directory) else { return nil }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// Whether `path` names an existing file or directory.
  public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  /// Removes the file `path`; returns whether it did.
  @discardableResult
  public static func remove(_ path: String) -> Bool { unlink(path) == 0 }

  /// Removes the empty directory `path`; returns whether it did.
  @discardableResult
  public static func removeDirectory(_ path: String) -> Bool { rmdir(path) == 0 }
}
