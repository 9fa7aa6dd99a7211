import Testing

@testable import MemgoCore

@Suite struct TraceErrorTests {
  @Test func describesLineErrorsAndIOErrors() {
    let syntax = TraceError(kind: .syntax, file: "t.din", line: 7, text: "9 zz", message: "bad label")
    #expect(syntax.description == "t.din: line 7: bad label: \"9 zz\"")
    let io = TraceError(kind: .io, file: "t.din", line: 0, text: "", message: "cannot open: Permission denied")
    #expect(io.description == "t.din: cannot open: Permission denied")
  }

  @Test func excerptTruncatesAndHidesControlCharacters() {
    let short = Array("a\tb\u{7F}c".utf8).withUnsafeBufferPointer { TraceError.excerpt($0) }
    #expect(short == "a?b?c")
    let long = [UInt8](repeating: UInt8(ascii: "q"), count: 81).withUnsafeBufferPointer { TraceError.excerpt($0) }
    #expect(long == String(repeating: "q", count: 80) + "...")
    let exact = [UInt8](repeating: UInt8(ascii: "q"), count: 80).withUnsafeBufferPointer { TraceError.excerpt($0) }
    #expect(exact == String(repeating: "q", count: 80))
  }
}
