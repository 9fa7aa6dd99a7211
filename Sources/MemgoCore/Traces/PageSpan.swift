/// The virtual pages a reference of `size` bytes at `address` touches: every page of
/// `[address, address + size)`, in ascending order.
///
/// A span reaching past the top of the 64-bit address space is clamped there (it ends with the
/// last page) rather than wrapping or trapping; `isClamped` says so.
public struct PageSpan: Sequence, Hashable, Sendable {
  /// The first page number touched.
  public var first: UInt64
  /// The last page number touched (inclusive), `>= first`.
  public var last: UInt64
  /// Whether the byte range was cut at the top of the address space.
  public var isClamped: Bool

  /// The pages of `[address, address + size)` with pages of `1 << pageShift` bytes.
  public init(address: UInt64, size: UInt32, pageShift: Int) {
    precondition((0..<64).contains(pageShift), "page shift out of range")
    let (lastByte, overflow) = address.addingReportingOverflow(UInt64(Swift.max(size, 1)) - 1)
    first = address >> UInt64(pageShift)
    last = (overflow ? UInt64.max : lastByte) >> UInt64(pageShift)
    isClamped = overflow
  }

  /// The pages a trace reference touches.
  public init(_ reference: TraceReference, pageShift: Int) {
    self.init(address: reference.address, size: reference.size, pageShift: pageShift)
  }

  /// How many pages the span covers (at most 2^32, as a size fits in 32 bits).
  public var count: Int { Int(last - first) + 1 }

  /// `log2(pageSize)` for a power-of-two `pageSize` of at least 1 byte, else `nil`.
  public static func pageShift(forPageSize pageSize: Int) -> Int? {
    guard pageSize > 0, pageSize & (pageSize - 1) == 0 else { return nil }
    return pageSize.trailingZeroBitCount
  }

  public func makeIterator() -> Iterator { Iterator(upcoming: first, last: last) }

  /// Yields the span's pages in ascending order without overflowing at the top of the address space.
  public struct Iterator: IteratorProtocol {
    var upcoming: UInt64
    let last: UInt64
    var done = false
    public mutating func next() -> UInt64? {
      if done { return nil }
      let page = upcoming
      if page == last { done = true } else { upcoming = page + 1 }
      return page
    }
  }
}
