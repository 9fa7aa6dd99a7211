import Foundation
import Testing

@testable import MemgoCore

@Suite struct LineReaderTests {
  /// All lines of `bytes` read through a `LineReader`, as strings.
  static func lines(_ bytes: [UInt8], maximumLineLength: Int = 1 << 16, bufferSize: Int = 1 << 20) throws
    -> [String]
  {
    let path = TraceTestSupport.temporaryFile(bytes)
    defer { TraceTestSupport.remove(path) }
    var reader = try LineReader(path: path, maximumLineLength: maximumLineLength, bufferSize: bufferSize)
    var out: [String] = []
    while let line = try reader.next() { out.append(String(decoding: line, as: UTF8.self)) }
    return out
  }

  /// The reference splitter: lines end with LF, one CR before it is dropped, a final unterminated
  /// line counts, and a file ending in LF has no extra empty line.
  static func naiveLines(_ bytes: [UInt8]) -> [String] {
    var parts = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    if parts.last?.isEmpty == true { parts.removeLast() }
    return parts.map { part in
      var line = part
      if line.last == 0x0D { line.removeLast() }
      return String(decoding: line, as: UTF8.self)
    }
  }

  @Test func splitsLinesWithCRLFAndWithoutFinalNewline() throws {
    #expect(try Self.lines(Array("a\nbb\r\n\nccc".utf8)) == ["a", "bb", "", "ccc"])
    #expect(try Self.lines(Array("a\n".utf8)) == ["a"])
    #expect(try Self.lines(Array("\n".utf8)) == [""])
    #expect(try Self.lines(Array("x\r".utf8)) == ["x"])
    #expect(try Self.lines([]) == [])
  }

  @Test func countsLineNumbers() throws {
    let path = TraceTestSupport.temporaryFile("one\ntwo\r\nthree")
    defer { TraceTestSupport.remove(path) }
    var reader = try LineReader(path: path)
    #expect(reader.lineNumber == 0)
    var numbers: [Int] = []
    while try reader.next() != nil { numbers.append(reader.lineNumber) }
    #expect(numbers == [1, 2, 3])
  }

  /// Random files through a tiny buffer, so lines straddle every possible refill boundary.
  @Test func matchesNaiveSplitAcrossBufferBoundaries() throws {
    var rng = SplitMix64(seed: 11)
    for _ in 0..<200 {
      var bytes: [UInt8] = []
      let length = Int(rng.next() % 200)
      var lineLength = 0
      for _ in 0..<length {
        let r = rng.next() % 10
        var byte: UInt8 = r == 0 ? 0x0A : r == 1 ? 0x0D : UInt8(ascii: "a") + UInt8(r)
        if lineLength >= 9 && byte != 0x0A { byte = 0x0A }  // keep lines within the limit (10 with CR)
        lineLength = byte == 0x0A ? 0 : lineLength + 1
        bytes.append(byte)
      }
      let got = try Self.lines(bytes, maximumLineLength: 10, bufferSize: 13)
      #expect(got == Self.naiveLines(bytes), "input \(bytes)")
    }
  }

  @Test func acceptsLineOfExactlyMaximumLengthEvenWithCR() throws {
    let line = String(repeating: "x", count: 16)
    #expect(
      try Self.lines(Array((line + "\r\n" + line + "\n" + line).utf8), maximumLineLength: 16, bufferSize: 18)
        == [line, line, line])
  }

  @Test func overLongLineThrowsWithLineNumberThenResumes() throws {
    let long = String(repeating: "y", count: 300)
    let text = "ok\n" + long + "\nafter\n" + long
    let path = TraceTestSupport.temporaryFile(text)
    defer { TraceTestSupport.remove(path) }
    // A small buffer: the long lines never fit, so they are reported before their end is read.
    var reader = try LineReader(path: path, maximumLineLength: 100, bufferSize: 128)
    #expect(try reader.next().map { String(decoding: $0, as: UTF8.self) } == "ok")
    do {
      _ = try reader.next()
      Issue.record("expected an over-long line error")
    } catch {
      #expect(error.kind == .syntax)
      #expect(error.line == 2)
      #expect(error.message == "line is longer than 100 bytes")
      #expect(error.text == String(repeating: "y", count: 80) + "...")
      #expect(error.description.hasPrefix("\(path): line 2: line is longer than 100 bytes: \"yyy"))
    }
    #expect(try reader.next().map { String(decoding: $0, as: UTF8.self) } == "after")
    #expect(reader.lineNumber == 3)
    #expect(throws: TraceError.self) { _ = try reader.next() }
    #expect(reader.lineNumber == 4)
    #expect(try reader.next() == nil)
  }

  @Test func overLongLineFoundWithinOneBufferAlsoThrows() throws {
    let text = "a\n" + String(repeating: "z", count: 50) + "\nb\n"
    let path = TraceTestSupport.temporaryFile(text)
    defer { TraceTestSupport.remove(path) }
    var reader = try LineReader(path: path, maximumLineLength: 20, bufferSize: 1 << 20)
    _ = try reader.next()
    #expect(throws: TraceError.self) { _ = try reader.next() }
    #expect(try reader.next().map { String(decoding: $0, as: UTF8.self) } == "b")
  }

  @Test func missingFileAndDirectoryAreIOErrors() {
    do {
      _ = try LineReader(path: "/nonexistent/memgo/trace.txt")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .io)
      #expect(error.description == "/nonexistent/memgo/trace.txt: cannot open: No such file or directory")
    }
    let directory = FileManager.default.temporaryDirectory.path
    do {
      _ = try LineReader(path: directory)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .io)
      #expect(error.message == "cannot read: is a directory")
    }
  }
}
