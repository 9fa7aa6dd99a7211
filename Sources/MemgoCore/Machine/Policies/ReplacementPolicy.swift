/// The identity of a virtual page: its process and virtual page number packed in 64 bits.
///
/// Policies that remember evicted pages (ARC's and 2Q's ghost lists) key them by `PageKey`;
/// the process index takes the top 24 bits and the virtual page number the low 40.
public struct PageKey: Hashable, Sendable {
  /// `process << 40 | vpn`.
  public var rawValue: UInt64
  public init(rawValue: UInt64) { self.rawValue = rawValue }
  public init(process: Int, vpn: Int64) {
    rawValue = UInt64(truncatingIfNeeded: process) << 40 | UInt64(truncatingIfNeeded: vpn)
  }
  /// The owning process's index.
  public var process: Int { Int(rawValue >> 40) }
  /// The virtual page number.
  public var vpn: Int64 { Int64(rawValue & (1 << 40 - 1)) }
}

/// One reference to a resident (or just loaded) page, as a policy sees it.
public struct PageReference: Sendable {
  /// The page referenced.
  public var page: PageKey
  /// Whether the reference writes the page (sets its modified bit).
  public var isWrite: Bool
  /// When it happens; trace-driven callers with no timing pass the reference's index as picoseconds.
  public var time: SimTime
  /// The index of this page's next reference in the reference stream, or `Int64.max` if there is
  /// none or it is unknown. Only policies that need the future (OPT) read it.
  public var nextUse: Int64

  public init(page: PageKey, isWrite: Bool, time: SimTime, nextUse: Int64 = .max) {
    self.page = page
    self.isWrite = isWrite
    self.time = time
    self.nextUse = nextUse
  }
}

/// A page-replacement policy over a pool of frames.
///
/// A policy keeps its own per-frame metadata in flat arrays and never touches page tables, TLBs or
/// the disk. Only resident frames whose I/O has finished are candidates: the simulator calls
/// `didLoad` when a page-in completes and `selectVictim` removes the frame it returns, so a frame
/// being read or written is never chosen. A reference that faults is reported once, by `didLoad`
/// (the retried access is not reported again).
///
/// The access path is generic over `ReplacementPolicy` (`Simulator<Policy>`), so calls are
/// statically dispatched and inlined; `PolicyKind` picks the concrete type once per run.
public protocol ReplacementPolicy {
  /// Creates an empty policy for a pool of `frameCount` frames numbered `0 ..< frameCount`.
  /// `seed` feeds policies that draw random numbers.
  init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64)

  /// Whether the policy reads `PageReference.nextUse`, so its caller must know the future reference
  /// stream (OPT). A constant of each type, so that the simulator's work for it folds away in every
  /// other policy's specialisation.
  static var needsFuture: Bool { get }

  /// A page has been loaded into `frame` and its I/O is complete: the frame becomes a candidate.
  mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference)

  /// The resident page in `frame` was referenced again.
  mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference)

  /// Chooses a victim among the candidates and removes it from the policy; `nil` if there is none.
  mutating func selectVictim(at time: SimTime) -> FrameNumber?

  /// Chooses a victim to make room for `reference`'s page, which has just faulted, and removes it
  /// from the policy; `nil` if there is none. Callers that know the faulting page call this one.
  ///
  /// The default calls `selectVictim(at: reference.time)`. ARC overrides it: its choice depends on
  /// whether the incoming page is in ghost list B2, and it adapts its target before choosing
  /// (Megiddo and Modha 2003). The page's `didLoad` follows when its page-in completes.
  mutating func selectVictim(for reference: PageReference) -> FrameNumber?

  /// `frame` leaves the pool without having been chosen (its process ended): forget it.
  mutating func didFree(_ frame: FrameNumber)

  /// Whether `frame` is one of the policy's candidates: loaded (`didLoad`) and neither chosen
  /// (`selectVictim`) nor freed (`didFree`) since. The internal checks compare it with the frame
  /// table.
  func isCandidate(_ frame: FrameNumber) -> Bool

  /// What is inconsistent in the policy's own structures (lists, heaps, rings, bitmaps), or nil.
  /// Never called on the hot path: `InternalChecks` calls it in builds with the checks enabled,
  /// and tests call it after every operation of their random sequences.
  func invariantViolation() -> String?
}

extension ReplacementPolicy {
  /// The default: the policy does not look at the future.
  public static var needsFuture: Bool { false }

  /// The default: the faulting page does not matter to the choice.
  public mutating func selectVictim(for reference: PageReference) -> FrameNumber? {
    selectVictim(at: reference.time)
  }
}

extension ReplacementConfig {
  /// The frames a policy's fractional parameter names (2Q's Kin and Kout, S3-FIFO's small queue):
  /// floor(fraction × frames), with the fraction clamped to 0...limit (NaN counts as 0).
  static func frameShare(_ fraction: Double, of frames: Int, limit: Double) -> Int {
    let f = fraction >= 0 ? min(fraction, limit) : 0
    return Int((f * Double(frames)).rounded(.down))
  }
}
