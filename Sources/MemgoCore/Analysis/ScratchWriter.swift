/// Appends fixed-width integers to a `ScratchFile` through a block buffer.
struct ScratchWriter<Element: FixedWidthInteger> {
  let file: ScratchFile
  private var buffer: [Element]
  private let blockLength: Int
  /// Elements appended so far, buffered ones included.
  private(set) var count: Int64 = 0

  init(file: ScratchFile, blockLength: Int = 1 << 16) {
    precondition(blockLength >= 1)
    self.file = file
    self.blockLength = blockLength
    buffer = []
    buffer.reserveCapacity(blockLength)
  }

  /// Appends one element, writing the block out when it is full.
  @inline(__always)
  mutating func append(_ element: Element) throws(TraceError) {
    buffer.append(element)
    count += 1
    if buffer.count == blockLength { try flush() }
  }

  /// Writes the buffered elements to the file.
  mutating func flush() throws(TraceError) {
    guard !buffer.isEmpty else { return }
    let file = self.file
    var failure: TraceError?
    buffer.withUnsafeBytes { bytes in
      do throws(TraceError) { try file.append(bytes.baseAddress!, count: bytes.count) } catch { failure = error }
    }
    if let failure { throw failure }
    buffer.removeAll(keepingCapacity: true)
  }
}
