import Foundation
import Testing

@testable import MemgoBench
@testable import MemgoCore

@Suite struct BenchTraceTests {
  /// The generated trace is plain, has the lines asked for, is the same for the same seed, and
  /// disappears with its object.
  @Test func generatesAPlainTraceAndDeletesIt() throws {
    var path = ""
    var firstBytes = Data()
    do {
      let trace = try BenchTrace(references: 2000)
      path = trace.path
      firstBytes = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(trace.bytes == firstBytes.count)
      var reader = try PlainReader(path: path)
      var count = 0
      var writes = 0
      while let reference = try reader.next() {
        count += 1
        if reference.kind == .store { writes += 1 }
        #expect(reference.size == 1 || reference.size == 64)
      }
      #expect(count == 2000)
      #expect(writes > 300 && writes < 700)
      let again = try BenchTrace(references: 2000)
      #expect(try Data(contentsOf: URL(fileURLWithPath: again.path)) == firstBytes)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
  }

  @Test func hexDigits() {
    var buffer: [UInt8] = []
    BenchTrace.appendHex(0, to: &buffer)
    buffer.append(0x20)
    BenchTrace.appendHex(0x7f00_dead_beef, to: &buffer)
    #expect(String(decoding: buffer, as: UTF8.self) == "0 7f00deadbeef")
  }
}
