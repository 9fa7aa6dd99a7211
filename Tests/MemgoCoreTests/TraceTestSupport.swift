import Foundation

@testable import MemgoCore

/// Helpers shared by the trace tests: temporary files and the checked-in test data.
enum TraceTestSupport {
  /// `Tests/data`, found from this file's path (no test-target resources needed).
  static let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data")

  /// Writes `bytes` to a fresh temporary file and returns its path.
  static func temporaryFile(_ bytes: [UInt8], name: String = "trace") -> String {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("memgo-\(name)-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url.path
  }

  static func temporaryFile(_ text: String, name: String = "trace") -> String {
    temporaryFile(Array(text.utf8), name: name)
  }

  static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

  /// Every reference of a trace file read with `Reader`, plus the skipped-line count.
  static func readAll<Syntax: TraceLineSyntax>(
    _: Syntax.Type, path: String, options: TraceReaderOptions = TraceReaderOptions()
  ) throws -> (references: [TraceReference], skipped: Int) {
    var reader = try TraceFileReader<Syntax>(path: path, options: options)
    var out: [TraceReference] = []
    while let reference = try reader.next() { out.append(reference) }
    return (out, reader.skippedLineCount)
  }

  /// Parses text in `Syntax`, writing it to a temporary file first.
  static func read<Syntax: TraceLineSyntax>(
    _ syntax: Syntax.Type, _ text: String, options: TraceReaderOptions = TraceReaderOptions()
  ) throws -> (references: [TraceReference], skipped: Int) {
    let path = temporaryFile(text)
    defer { remove(path) }
    return try readAll(syntax, path: path, options: options)
  }

  /// The error reading `text` in `Syntax` throws, or nil.
  static func error<Syntax: TraceLineSyntax>(_ syntax: Syntax.Type, _ text: String) -> TraceError? {
    do {
      _ = try read(syntax, text)
      return nil
    } catch let error as TraceError {
      return error
    } catch {
      return nil
    }
  }

  /// Parses one line with `Syntax` directly.
  static func parse<Syntax: TraceLineSyntax>(_: Syntax.Type, _ line: String) -> TraceLineParse {
    Array(line.utf8).withUnsafeBufferPointer { Syntax.parse($0) }
  }
}
