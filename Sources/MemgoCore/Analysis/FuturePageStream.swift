/// One page access with the index of its page's next access, as OPT needs it.
struct FutureAccess: Sendable, Equatable {
  /// The page's dense id (order of first touch).
  var id: UInt32
  /// Whether the access writes the page.
  var isWrite: Bool
  /// The index of the next access to the same page, or `Int64.max` if there is none.
  var nextUse: Int64
}

/// A recorded page stream with next uses, read forwards from scratch files (made by
/// `CompactPageStream.nextUses()`).
///
/// Three files: the 4-byte page records in access order; the 4-byte next-use distances, written by
/// the backward pass so in reverse order (read here from the end); and the rare next uses farther
/// than a 4-byte distance holds, 8 bytes each, also in reverse order. A distance of 0 means never,
/// `escape` means "take the next far value".
struct FuturePageStream {
  /// The distance code that sends the reader to the far file.
  static let escape = UInt32.max

  private var ids: ScratchReader<UInt32>
  private var deltas: ScratchReader<UInt32>
  private var far: ScratchReader<UInt64>
  /// The number of accesses.
  let count: Int64
  private let farCount: Int64
  private let blockLength: Int
  private var index: Int64 = 0

  init(ids: ScratchFile, deltas: ScratchFile, far: ScratchFile, count: Int64, farCount: Int64, blockLength: Int) {
    self.ids = ScratchReader(file: ids, count: count, backwards: false, blockLength: blockLength)
    self.deltas = ScratchReader(file: deltas, count: count, backwards: true, blockLength: blockLength)
    self.far = ScratchReader(file: far, count: farCount, backwards: true, blockLength: 1024)
    self.count = count
    self.farCount = farCount
    self.blockLength = blockLength
  }

  /// Another reader of the same stream, from its first access: the files are shared (only read).
  func rewound() -> FuturePageStream {
    FuturePageStream(
      ids: ids.file, deltas: deltas.file, far: far.file, count: count, farCount: farCount, blockLength: blockLength)
  }

  /// The next access, or nil after the last.
  /// - Throws: `TraceError` `io` if a scratch file cannot be read.
  @inline(__always)
  mutating func next() throws(TraceError) -> FutureAccess? {
    guard let record = try ids.next(), let delta = try deltas.next() else { return nil }
    let nextUse: Int64
    switch delta {
    case 0: nextUse = .max
    case FuturePageStream.escape:
      guard let value = try far.next() else { preconditionFailure("the far next-use file ended early") }
      nextUse = Int64(value)
    default: nextUse = index + Int64(delta)
    }
    index += 1
    return FutureAccess(id: record >> 1, isWrite: record & 1 != 0, nextUse: nextUse)
  }
}
