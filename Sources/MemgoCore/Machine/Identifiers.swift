/// The index of a physical page frame in the machine's frame table.
///
/// A typed wrapper, as swift-system wraps `FileDescriptor`, so that frame numbers, page numbers and
/// process numbers cannot be mixed up; `Int32` keeps per-frame arrays small (frames ≤ 2^31).
public struct FrameNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The frame's index, `0 ..< frames`.
  public var rawValue: Int32
  public init(_ rawValue: Int32) { self.rawValue = rawValue }
  public init(_ index: Int) { self.rawValue = Int32(truncatingIfNeeded: index) }
  /// The frame's index as an `Int`, for subscripting.
  public var index: Int { Int(rawValue) }
  public static func < (a: FrameNumber, b: FrameNumber) -> Bool { a.rawValue < b.rawValue }
  public var description: String { "\(rawValue)" }
}
