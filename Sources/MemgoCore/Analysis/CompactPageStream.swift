/// A page access stream recorded on disk in 4 bytes per access, for OPT's backward pass.
///
/// Each access is one `UInt32`: the page's dense id (0, 1, 2, ... in order of first touch)
/// shifted left once, with the write bit in bit 0. `append(page:isWrite:)` numbers the pages in a
/// `PageMap`. So a trace's page stream costs 4 bytes per page access on disk and, in memory, one
/// block buffer and the page map (memory grows with the distinct pages, never with the trace's
/// length); at most `maximumDistinctPages` pages can be recorded.
///
/// `nextUses()` then runs the backward pass that gives every access the index of its page's next
/// access (`FuturePageStream`).
struct CompactPageStream {
  /// The most distinct pages a stream can hold: ids must fit in 31 bits.
  static let maximumDistinctPages = 1 << 31

  private var writer: ScratchWriter<UInt32>
  /// Each page number's dense id.
  private var numbering = PageMap(minimumCapacity: 1 << 12)
  /// Distinct pages recorded so far (one more than the largest id).
  private(set) var distinctPages = 0

  /// Creates an empty stream in a scratch file in `directory` (`$TMPDIR` when nil).
  /// - Throws: `TraceError` `io` if the scratch file cannot be created.
  init(directory: String? = nil, blockLength: Int = 1 << 16) throws(TraceError) {
    writer = ScratchWriter(file: try ScratchFile(directory: directory, purpose: "opt-pages"), blockLength: blockLength)
  }

  /// Accesses recorded so far.
  var count: Int64 { writer.count }

  /// Records an access to page number `page`, giving it the next dense id on its first access.
  /// Returns false, recording nothing, when `page` would be one more than `maximumDistinctPages`.
  @inline(__always)
  mutating func append(page: UInt64, isWrite: Bool) throws(TraceError) -> Bool {
    let fresh = numbering.count
    let id = numbering.insertIfAbsent(page, value: fresh) ?? fresh
    guard id < CompactPageStream.maximumDistinctPages else { return false }
    try append(id: id, isWrite: isWrite)
    return true
  }

  /// Records an access to the page with dense id `id` (`0 ..< maximumDistinctPages`, and at most
  /// one more than any id recorded before).
  @inline(__always)
  mutating func append(id: Int, isWrite: Bool) throws(TraceError) {
    precondition(id >= 0 && id < CompactPageStream.maximumDistinctPages && id <= distinctPages, "page id out of order")
    if id == distinctPages { distinctPages += 1 }
    try writer.append(UInt32(truncatingIfNeeded: id) << 1 | (isWrite ? 1 : 0))
  }

  /// Runs the backward pass and returns the stream with every access's next use.
  ///
  /// The pass reads the recorded ids from the last to the first, keeping each page's most recent
  /// index (8 bytes per distinct page), and writes each access's next use to a second scratch file
  /// as a 4-byte distance (`FuturePageStream` reads both files forwards).
  /// - Parameter maximumDelta: the largest distance stored in 4 bytes; farther next uses go to a
  ///   third file, 8 bytes each (tests lower it to exercise that path).
  /// - Throws: `TraceError` `io` if a scratch file cannot be written or read.
  consuming func nextUses(
    directory: String? = nil, blockLength: Int = 1 << 16, maximumDelta: UInt32 = FuturePageStream.escape - 1
  ) throws(TraceError) -> FuturePageStream {
    precondition(maximumDelta >= 1 && maximumDelta < FuturePageStream.escape)
    numbering = PageMap(minimumCapacity: 0)  // no longer needed: free it before the pass
    try writer.flush()
    let total = writer.count
    let ids = writer.file
    var backwards = ScratchReader<UInt32>(file: ids, count: total, backwards: true, blockLength: blockLength)
    var deltas = ScratchWriter<UInt32>(
      file: try ScratchFile(directory: directory, purpose: "opt-next"), blockLength: blockLength)
    var far = ScratchWriter<UInt64>(file: try ScratchFile(directory: directory, purpose: "opt-far"), blockLength: 1024)
    var lastSeen = [Int64](repeating: .max, count: distinctPages)
    var index = total
    while let record = try backwards.next() {
      index -= 1
      let id = Int(record >> 1)
      let next = lastSeen[id]
      lastSeen[id] = index
      if next == .max {
        try deltas.append(0)
      } else if next - index <= Int64(maximumDelta) {
        try deltas.append(UInt32(next - index))
      } else {
        try deltas.append(FuturePageStream.escape)
        try far.append(UInt64(next))
      }
    }
    precondition(index == 0, "the backward pass read \(total - index) of \(total) records")
    try deltas.flush()
    try far.flush()
    return FuturePageStream(
      ids: ids, deltas: deltas.file, far: far.file, count: total, farCount: far.count, blockLength: blockLength)
  }
}
