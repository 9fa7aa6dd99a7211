import Testing

@testable import MemgoCore

@Suite struct TraceFormatTests {
  typealias S = TraceTestSupport

  @Test func detectsEachFormat() {
    #expect(TraceFormat.detect(firstLines: ["==1== Lackey", "I  0400,4", " L 10,8"]) == .lackey)
    #expect(TraceFormat.detect(firstLines: ["I  0400,4\r"]) == .lackey)
    #expect(TraceFormat.detect(firstLines: ["==1== only valgrind so far"]) == .lackey)
    #expect(TraceFormat.detect(firstLines: ["", "2 0", "0 70f60888", "1 0x10 8"]) == .din)
    #expect(TraceFormat.detect(firstLines: ["R 0x10", "W 4096", "12"]) == .plain)
    #expect(TraceFormat.detect(firstLines: ["0x1000 8", "4096"]) == .plain)
    #expect(TraceFormat.detect(firstLines: ["# comment only"]) == .plain)
  }

  @Test func prefersDinWhenLinesAreAmbiguous() {
    // `0 8` is din (label 0, address 8) and plain (address 0, size 8): din wins.
    #expect(TraceFormat.detect(firstLines: ["0 8", "1 10"]) == .din)
    // One line only plain accepts settles it.
    #expect(TraceFormat.detect(firstLines: ["0 8", "5 10"]) == .plain)
  }

  @Test func detectsNothingFromBlankOrForeignLines() {
    #expect(TraceFormat.detect(firstLines: []) == nil)
    #expect(TraceFormat.detect(firstLines: ["", "  ", "\t"]) == nil)
    #expect(TraceFormat.detect(firstLines: ["hello world"]) == nil)
    #expect(TraceFormat.detect(firstLines: ["I  0400,4", "R 0x10"]) == nil)
  }

  @Test func looksOnlyAtTheFirstLines() {
    let lines = Array(repeating: "I  0400,4", count: TraceFormat.detectionLineCount) + ["garbage"]
    #expect(TraceFormat.detect(firstLines: lines) == .lackey)
  }

  @Test func resolvesFilesAndReportsUndetectableOnes() throws {
    let lackey = S.temporaryFile("==5== x\nI  10,1\n")
    let empty = S.temporaryFile("")
    let blank = S.temporaryFile("\n\n  \n")
    let foreign = S.temporaryFile("\n\nhello world\nmore\n")
    defer { [lackey, empty, blank, foreign].forEach(S.remove) }
    #expect(try TraceFormat.auto.resolved(forFile: lackey) == .lackey)
    #expect(try TraceFormat.din.resolved(forFile: lackey) == .din)
    #expect(try TraceFormat.auto.resolved(forFile: empty) == .plain)
    #expect(try TraceFormat.auto.resolved(forFile: blank) == .plain)
    do {
      _ = try TraceFormat.auto.resolved(forFile: foreign)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .syntax)
      #expect(error.line == 3)
      #expect(error.text == "hello world")
      #expect(error.message.hasPrefix("cannot detect the trace format"))
    }
    #expect(throws: TraceError.self) { _ = try TraceFormat.auto.resolved(forFile: "/nonexistent/trace") }
  }
}
