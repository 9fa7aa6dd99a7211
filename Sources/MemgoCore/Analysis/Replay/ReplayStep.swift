/// What one reference did in a `PolicyReplay`: hit or fault, the frame that holds the page
/// afterwards, and the page evicted to make room, if any.
public struct ReplayStep: Sendable, Equatable {
  /// Whether the page was already resident.
  public var hit: Bool
  /// The frame holding the page after the reference.
  public var frame: FrameNumber
  /// The page evicted to load this one (a fault with no free frame), or `nil`.
  public var victim: PageKey?
  /// Whether the evicted page was dirty (written since it was loaded), so had to be written back.
  public var victimDirty: Bool

  /// Creates a step; a hit has no victim.
  public init(hit: Bool, frame: FrameNumber, victim: PageKey? = nil, victimDirty: Bool = false) {
    self.hit = hit
    self.frame = frame
    self.victim = victim
    self.victimDirty = victimDirty
  }

  /// Whether the reference faulted (the page was not resident; cold faults included).
  public var fault: Bool { !hit }
}
