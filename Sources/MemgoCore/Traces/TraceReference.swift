/// One memory reference read from a trace file: a byte address, a size and what kind of access.
///
/// Readers produce these without knowing anything about pages or the simulator; `PageSpan` and
/// `PageAccessStream` turn them into page references.
public struct TraceReference: Hashable, Sendable {
  /// What a trace line says the program did.
  public enum Kind: UInt8, Sendable, CaseIterable {
    /// A data read (lackey `L`, din label 0, plain `R` or no letter).
    case load
    /// A data write (lackey `S`, din label 1, plain `W`).
    case store
    /// A read-modify-write of the same bytes (lackey `M`): a read of the span, then a write of it.
    case modify
    /// An instruction fetch (lackey `I`, din label 2); counted as a read unless instructions are dropped.
    case instruction
  }

  /// The first byte referenced.
  public var address: UInt64
  /// How many bytes are referenced, at least 1.
  public var size: UInt32
  /// The kind of access.
  public var kind: Kind

  /// Creates a reference; `size` must be at least 1 (readers reject 0 before getting here).
  public init(address: UInt64, size: UInt32 = 1, kind: Kind) {
    precondition(size >= 1, "a trace reference covers at least one byte")
    self.address = address
    self.size = size
    self.kind = kind
  }
}
