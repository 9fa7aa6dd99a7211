/// One page touched by a trace reference: the page number and whether it is written.
public struct PageAccess: Hashable, Sendable {
  /// The virtual page number (byte address >> page shift).
  public var page: UInt64
  /// Whether the access writes the page.
  public var isWrite: Bool
  public init(page: UInt64, isWrite: Bool) {
    self.page = page
    self.isWrite = isWrite
  }
}

/// Turns a trace's references into the page accesses they make (SPEC.md "Traces").
///
/// A reference touches every page of `[address, address + size)` in ascending order (`PageSpan`).
/// Loads and instruction fetches read their pages, stores write them, and a modify (lackey `M`)
/// reads every page of its span then writes every page of it. Instruction fetches are dropped when
/// `noInstructions` is set (`--no-instructions`). Memory is constant: spans are walked lazily.
public struct PageAccessStream<Reader: TraceReader> {
  /// The underlying reader (its `skippedLineCount` and `lineNumber` stay readable).
  public private(set) var reader: Reader
  /// `log2` of the page size.
  public let pageShift: Int
  /// The page size in bytes, and the mask of a byte's offset within its page.
  private let pageBytes: UInt64
  private let offsetMask: UInt64
  /// Whether instruction fetches are dropped.
  public let noInstructions: Bool
  /// References turned into page accesses so far.
  public private(set) var referenceCount = 0
  /// Instruction fetches dropped so far (0 unless `noInstructions`).
  public private(set) var droppedInstructionCount = 0

  // The span being walked: `nextPage ... lastPage`, then, for a modify, again as writes.
  private var spanFirst: UInt64 = 0
  private var nextPage: UInt64 = 0
  private var lastPage: UInt64 = 0
  private var walking = false
  private var writing = false
  private var writeAfter = false

  /// Streams the page accesses of `reader`'s references with pages of `pageSize` bytes.
  /// - Precondition: `pageSize` is a power of two (validate user input with `PageSpan.pageShift`).
  public init(reader: Reader, pageSize: Int, noInstructions: Bool = false) {
    guard let shift = PageSpan.pageShift(forPageSize: pageSize) else {
      preconditionFailure("page size \(pageSize) is not a power of two")
    }
    self.reader = reader
    self.pageShift = shift
    pageBytes = 1 << UInt64(shift)
    offsetMask = pageBytes - 1
    self.noInstructions = noInstructions
  }

  /// Returns the next page access, or `nil` at the end of the trace.
  /// - Throws: what the reader throws.
  @inline(__always)
  public mutating func next() throws(TraceError) -> PageAccess? {
    while !walking {
      guard let reference = try reader.next() else { return nil }
      if reference.kind == .instruction && noInstructions {
        droppedInstructionCount += 1
        continue
      }
      referenceCount += 1
      // The usual case, a load, store or fetch within one page, needs no walking state. (The
      // offset is below the page size, at most 2^63, so adding a 32-bit size cannot wrap.)
      if (reference.address & offsetMask) &+ UInt64(reference.size) <= pageBytes && reference.kind != .modify {
        return PageAccess(page: reference.address >> UInt64(pageShift), isWrite: reference.kind == .store)
      }
      let span = PageSpan(reference, pageShift: pageShift)
      spanFirst = span.first
      nextPage = span.first
      lastPage = span.last
      walking = true
      writing = reference.kind == .store
      writeAfter = reference.kind == .modify
    }
    let access = PageAccess(page: nextPage, isWrite: writing)
    if nextPage != lastPage {
      nextPage += 1
    } else if writeAfter {
      writeAfter = false
      writing = true
      nextPage = spanFirst
    } else {
      walking = false
    }
    return access
  }
}
