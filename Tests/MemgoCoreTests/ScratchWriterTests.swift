import Testing

@testable import MemgoCore

@Suite struct ScratchWriterTests {
  /// Elements reach the file in blocks, in native byte order, and `flush` writes a partial block.
  @Test func writesBlocksThenTheRest() throws {
    let file = try ScratchFile(purpose: "test")
    var writer = ScratchWriter<UInt32>(file: file, blockLength: 4)
    for value in 1...6 as ClosedRange<UInt32> { try writer.append(value) }
    #expect(writer.count == 6)
    #expect(file.length == 16)  // one full block of four
    try writer.flush()
    #expect(file.length == 24)
    var back = [UInt32](repeating: 0, count: 6)
    try back.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: 24, at: 0) }
    #expect(back == [1, 2, 3, 4, 5, 6])
    try writer.flush()
    #expect(file.length == 24)
  }
}
