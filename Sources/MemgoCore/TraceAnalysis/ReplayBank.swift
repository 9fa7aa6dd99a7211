/// What one (policy, frames) replay counted over a whole trace.
public struct ReplayCounts: Sendable, Equatable {
  /// The number of frames.
  public var frames: Int
  /// Page accesses that faulted (cold faults included).
  public var faults: Int64
  /// Pages evicted to make room.
  public var evictions: Int64
  /// Evicted pages that had been written since they were loaded.
  public var dirtyEvictions: Int64

  public init(frames: Int, faults: Int64, evictions: Int64, dirtyEvictions: Int64) {
    self.frames = frames
    self.faults = faults
    self.evictions = evictions
    self.dirtyEvictions = dirtyEvictions
  }
}

/// Something fed the page accesses of a trace a block at a time.
///
/// The pass over the trace holds its consumers as existentials, so a call costs one dynamic
/// dispatch per block of thousands of accesses; the loop over the block inside is specialised.
protocol PageBlockConsumer {
  /// Processes the next block of accesses, in trace order.
  mutating func consume(_ block: UnsafeBufferPointer<PageAccess>)
  /// The policy replayed and its counts at each size (empty for consumers that replay nothing).
  var replayCounts: (policy: PolicyKind, counts: [ReplayCounts])? { get }
}

/// One replacement policy replayed at several memory sizes from the same page accesses, each size
/// in its own `PolicyReplay`.
///
/// A block is replayed size by size, so each replay's state stays in cache for the whole block.
/// Pages are keyed by their page number (or, for OPT, dense id) as a `PageKey`.
struct ReplayBank<Policy: ReplacementPolicy>: PageBlockConsumer {
  let kind: PolicyKind
  private var replays: [PolicyReplay<Policy>]

  /// A bank of empty replays, one per size in `sizes` (each at least 1).
  init(kind: PolicyKind, sizes: [Int], configuration: ReplacementConfig, seed: UInt64) {
    self.kind = kind
    var replacement = configuration
    replacement.policy = kind
    replays = sizes.map { PolicyReplay<Policy>(frames: $0, configuration: replacement, seed: seed) }
  }

  mutating func consume(_ block: UnsafeBufferPointer<PageAccess>) {
    for r in replays.indices { ReplayBank.replay(block, into: &replays[r]) }
  }

  /// Replays accesses that carry their next use (OPT's pass over the recorded stream).
  mutating func consume(_ block: UnsafeBufferPointer<FutureAccess>) {
    for r in replays.indices { ReplayBank.replay(block, into: &replays[r]) }
  }

  @inline(__always)
  private static func replay(_ block: UnsafeBufferPointer<PageAccess>, into replay: inout PolicyReplay<Policy>) {
    for access in block { _ = replay.reference(PageKey(rawValue: access.page), isWrite: access.isWrite) }
  }

  @inline(__always)
  private static func replay(_ block: UnsafeBufferPointer<FutureAccess>, into replay: inout PolicyReplay<Policy>) {
    for access in block {
      _ = replay.reference(PageKey(rawValue: UInt64(access.id)), isWrite: access.isWrite, nextUse: access.nextUse)
    }
  }

  var replayCounts: (policy: PolicyKind, counts: [ReplayCounts])? {
    (
      kind,
      replays.map {
        ReplayCounts(frames: $0.frames, faults: $0.faults, evictions: $0.evictions, dirtyEvictions: $0.dirtyEvictions)
      }
    )
  }
}

/// Makes the `ReplayBank` of the policy a `PolicyKind` names (the one `switch` is in `dispatch`).
struct ReplayBankMaker: PolicyVisitor {
  let kind: PolicyKind
  let sizes: [Int]
  let configuration: ReplacementConfig
  let seed: UInt64

  func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> any PageBlockConsumer {
    ReplayBank<Policy>(kind: kind, sizes: sizes, configuration: configuration, seed: seed)
  }
}
