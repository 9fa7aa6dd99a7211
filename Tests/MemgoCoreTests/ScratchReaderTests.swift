import Testing

@testable import MemgoCore

@Suite struct ScratchReaderTests {
  /// Forwards and backwards over every length around the block length, including 0.
  @Test(arguments: [1, 3, 8])
  func readsForwardsAndBackwards(blockLength: Int) throws {
    for length in 0...20 {
      let file = try ScratchFile(purpose: "test")
      var writer = ScratchWriter<UInt64>(file: file, blockLength: blockLength)
      let values = (0..<length).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
      for value in values { try writer.append(value) }
      try writer.flush()
      var forwards = ScratchReader<UInt64>(file: file, count: Int64(length), backwards: false, blockLength: blockLength)
      var backwards = ScratchReader<UInt64>(file: file, count: Int64(length), backwards: true, blockLength: blockLength)
      var read: [UInt64] = []
      while let value = try forwards.next() { read.append(value) }
      #expect(read == values)
      read = []
      while let value = try backwards.next() { read.append(value) }
      #expect(read == values.reversed())
      #expect(try forwards.next() == nil && backwards.next() == nil)
    }
  }

  /// A reader may cover only the first elements written.
  @Test func readsAPrefix() throws {
    let file = try ScratchFile(purpose: "test")
    var writer = ScratchWriter<UInt32>(file: file, blockLength: 2)
    for value in 0..<10 as Range<UInt32> { try writer.append(value) }
    try writer.flush()
    var reader = ScratchReader<UInt32>(file: file, count: 5, backwards: true, blockLength: 2)
    var read: [UInt32] = []
    while let value = try reader.next() { read.append(value) }
    #expect(read == [4, 3, 2, 1, 0])
  }
}
