/// Reads the fixed-width integers of a `ScratchFile` block by block, from the first forwards or
/// from the last backwards.
struct ScratchReader<Element: FixedWidthInteger> {
  let file: ScratchFile
  let backwards: Bool
  private var buffer: [Element]
  private let blockLength: Int
  /// Elements not yet loaded into the buffer: `[0, unreadBelow)` backwards, `[nextElement, total)` forwards.
  private var nextElement: Int64
  private var unreadBelow: Int64
  private let total: Int64
  /// The position in `buffer` of the next element to return (forwards: counting up; backwards: down).
  private var position = 0
  private var loaded = 0

  /// A reader over the first `count` elements of `file`.
  init(file: ScratchFile, count: Int64, backwards: Bool, blockLength: Int = 1 << 16) {
    precondition(blockLength >= 1 && count >= 0)
    precondition(count * Int64(MemoryLayout<Element>.stride) <= file.length, "reading past the written data")
    self.file = file
    self.backwards = backwards
    self.blockLength = blockLength
    buffer = Array(repeating: 0, count: blockLength)
    total = count
    nextElement = 0
    unreadBelow = count
  }

  /// The next element in reading order, or nil when all have been read.
  @inline(__always)
  mutating func next() throws(TraceError) -> Element? {
    if backwards {
      if position == 0 {
        if unreadBelow == 0 { return nil }
        try loadBackwards()
      }
      position -= 1
      return buffer[position]
    }
    if position == loaded {
      if nextElement == total { return nil }
      try loadForwards()
    }
    let element = buffer[position]
    position += 1
    return element
  }

  private mutating func loadForwards() throws(TraceError) {
    let n = Int(min(Int64(blockLength), total - nextElement))
    try load(n, from: nextElement)
    nextElement += Int64(n)
    position = 0
    loaded = n
  }

  private mutating func loadBackwards() throws(TraceError) {
    let n = Int(min(Int64(blockLength), unreadBelow))
    unreadBelow -= Int64(n)
    try load(n, from: unreadBelow)
    position = n
  }

  private mutating func load(_ n: Int, from element: Int64) throws(TraceError) {
    let stride = MemoryLayout<Element>.stride
    let file = self.file
    var failure: TraceError?
    buffer.withUnsafeMutableBytes { bytes in
      do throws(TraceError) {
        try file.read(into: bytes.baseAddress!, count: n * stride, at: element * Int64(stride))
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }
}
