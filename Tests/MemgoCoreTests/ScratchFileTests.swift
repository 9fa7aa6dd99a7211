import Foundation
import Testing

@testable import MemgoCore

@Suite struct ScratchFileTests {
  /// The file is unlinked at once: it has no name, yet reads back what was appended.
  @Test func appendsAndReadsBackWithoutAName() throws {
    let directory = try TraceAnalysisTests.privateDirectory()
    defer { TraceTestSupport.remove(directory) }
    let file = try ScratchFile(directory: directory, purpose: "test")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    #expect(file.path.hasPrefix(directory + "/memgo-test-"))
    let bytes: [UInt8] = Array(0..<200)
    try bytes.withUnsafeBytes { try file.append($0.baseAddress!, count: 200) }
    #expect(file.length == 200)
    var back = [UInt8](repeating: 0, count: 50)
    try back.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: 50, at: 100) }
    #expect(back == Array(100..<150))
  }

  @Test func readingPastTheEndIsAnIOError() throws {
    let file = try ScratchFile(purpose: "test")
    var byte: UInt8 = 0
    #expect(throws: TraceError.self) { try file.read(into: &byte, count: 1, at: 0) }
  }

  @Test func missingDirectoryIsAnIOError() {
    do {
      _ = try ScratchFile(directory: "/nonexistent/memgo", purpose: "test")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .io)
      #expect(error.description.hasPrefix("/nonexistent/memgo: cannot create a temporary file for test: "))
    }
  }
}
