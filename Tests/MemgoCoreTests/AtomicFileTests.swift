import Foundation
import Testing

@testable import MemgoCore

@Suite struct AtomicFileTests {
  /// A fresh empty directory under /tmp, removed when `body` returns.
  static func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
    var template = Array("/tmp/memgo-atomic-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let directory = try #require(made.map { String(cString: $0) })
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try body(directory)
  }

  static func contents(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test func writesAndLeavesNoTemporaryFile() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let path = dir + "/report.json"
      try AtomicFile.write("{\"a\": 1}\n", to: path)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"a\": 1}\n")
      try AtomicFile.write([0xC2, 0xB5], to: path)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "µ")
      try AtomicFile.write("", to: path)
      #expect(FileManager.default.contents(atPath: path) == Data())
      #expect(try AtomicFileTests.contents(dir) == ["report.json"])
    }
  }

  @Test func largeContentIsWrittenWhole() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let bytes = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
      try AtomicFile.write(bytes, to: dir + "/big")
      #expect(FileManager.default.contents(atPath: dir + "/big") == Data(bytes))
    }
  }

  /// The rename fails (the target is a directory) after the temporary file was written: it is
  /// removed, the error names the path and the reason, and the target is untouched.
  @Test func failedRenameRemovesTheTemporaryFile() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let target = dir + "/out"
      try FileManager.default.createDirectory(atPath: target + "/inside", withIntermediateDirectories: true)
      #expect {
        try AtomicFile.write("data", to: target)
      } throws: { error in
        guard let error = error as? AtomicFile.Error else { return false }
        return error.path == target && error.description.hasPrefix(target + ": ") && !error.reason.isEmpty
          && (error.code == EISDIR || error.code == ENOTEMPTY || error.code == EEXIST)
      }
      #expect(try AtomicFileTests.contents(dir) == ["out"])
      #expect(try AtomicFileTests.contents(target) == ["inside"])
    }
  }

  @Test func missingDirectoryIsReported() throws {
    try AtomicFileTests.withTemporaryDirectory { (dir: String) throws(any Error) in
      let path = dir + "/no/such/dir/x.csv"
      do throws(AtomicFile.Error) {
        try AtomicFile.write("x", to: path)
        Issue.record("write into a missing directory succeeded")
      } catch {
        #expect(error.code == ENOENT)
        #expect(error.description == "\(path): cannot write (creating a temporary file): No such file or directory")
      }
      #expect(try AtomicFileTests.contents(dir) == [])
    }
  }

  /// An unwritable directory (skipped as root, who may write anywhere).
  @Test(.enabled(if: geteuid() != 0)) func unwritableDirectoryIsReported() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let locked = dir + "/locked"
      try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
      chmod(locked, 0o500)
      defer { chmod(locked, 0o700) }
      #expect(throws: AtomicFile.Error.self) { try AtomicFile.write("x", to: locked + "/r.md") }
      #expect(try AtomicFileTests.contents(locked) == [])
    }
  }

  /// A directory no one may create files in, root included (procfs).
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self"))) func systemDirectoryIsReported() {
    #expect(throws: AtomicFile.Error.self) { try AtomicFile.write("x", to: "/proc/memgo-report.json") }
    #expect(!FileManager.default.fileExists(atPath: "/proc/memgo-report.json"))
  }

  /// A file standing where the directory should be: refused as root too.
  @Test func fileAsDirectoryIsReported() throws {
    try AtomicFileTests.withTemporaryDirectory { (dir: String) throws(any Error) in
      try AtomicFile.write("x", to: dir + "/file")
      do throws(AtomicFile.Error) {
        try AtomicFile.write("y", to: dir + "/file/r.md")
        Issue.record("write under a file succeeded")
      } catch {
        #expect(error.code == ENOTDIR)
        #expect(error.description.contains("Not a directory"))
      }
      #expect(try AtomicFileTests.contents(dir) == ["file"])
    }
  }

  @Test func badNames() {
    #expect(throws: AtomicFile.Error.self) { try AtomicFile.write("x", to: "") }
    #expect(throws: AtomicFile.Error.self) { try AtomicFile.write("x", to: "dir/") }
    #expect(throws: AtomicFile.Error.self) { try AtomicFile.write("x", to: "dir/..") }
  }

  @Test func createDirectoryMakesParents() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let nested = dir + "/a/b//c/"
      try AtomicFile.createDirectory(nested)
      try AtomicFile.createDirectory(nested)  // existing: fine
      var isDirectory: ObjCBool = false
      #expect(
        FileManager.default.fileExists(atPath: dir + "/a/b/c", isDirectory: &isDirectory) && isDirectory.boolValue)
      try AtomicFile.write("z", to: dir + "/a/b/c/f.txt")
      #expect(try AtomicFileTests.contents(dir + "/a/b/c") == ["f.txt"])
    }
  }

  @Test func createDirectoryRefusesAFile() throws {
    try AtomicFileTests.withTemporaryDirectory { (dir: String) throws(any Error) in
      try AtomicFile.write("x", to: dir + "/plain")
      do throws(AtomicFile.Error) {
        try AtomicFile.createDirectory(dir + "/plain/sub")
        Issue.record("created a directory under a file")
      } catch {
        #expect(error.description == "\(dir)/plain/sub: cannot create directory: \(dir)/plain is not a directory")
      }
      #expect(throws: AtomicFile.Error.self) { try AtomicFile.createDirectory("") }
    }
  }

  @Test func relativePaths() throws {
    try AtomicFileTests.withTemporaryDirectory { dir in
      let previous = FileManager.default.currentDirectoryPath
      #expect(FileManager.default.changeCurrentDirectoryPath(dir))
      defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
      try AtomicFile.write("bare", to: "bare.txt")
      try AtomicFile.createDirectory("rel/sub")
      try AtomicFile.write("nested", to: "rel/sub/n.txt")
      #expect(try String(contentsOfFile: dir + "/bare.txt", encoding: .utf8) == "bare")
      #expect(try String(contentsOfFile: dir + "/rel/sub/n.txt", encoding: .utf8) == "nested")
    }
  }
}
