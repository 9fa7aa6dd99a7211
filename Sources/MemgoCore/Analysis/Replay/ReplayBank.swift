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

/// Something fed the page accesses of a trace a block at a time: a `ReplayBank` behind closures.
///
/// The closures are made inside `ReplayBankMaker.visit`, which `PolicyKind.dispatch` specialises
/// for the concrete policy, so their bodies run the bank's specialised code; a call costs one
/// indirect jump per block of thousands of accesses. (Calling the bank through an existential
/// instead would run its unspecialised generic code, with a witness-table call per access.)
struct PageBlockConsumer {
  /// Processes the next block of accesses, in trace order.
  let consume: (UnsafeBufferPointer<PageAccess>) -> Void
  /// The policy replayed and its counts at each size.
  let replayCounts: () -> (policy: PolicyKind, counts: [ReplayCounts])
  /// The distinct pages accessed, if the bank was made to count them (`countsPages`).
  let distinctPages: () -> Int?
}

/// One replacement policy replayed at several memory sizes from the same page accesses, each size
/// in its own `PolicyReplay`.
///
/// A block is replayed size by size, so each replay's state stays in cache for the whole block.
/// Pages are keyed by their page number (or, for OPT, dense id) as a `PageKey`.
///
/// With `countsPages`, the bank also counts the distinct pages, from the faults of its replay with
/// the most frames: a page's first access always faults, so a set fed only one replay's faults
/// sees every page, and the largest replay faults least.
struct ReplayBank<Policy: ReplacementPolicy> {
  let kind: PolicyKind
  private var replays: [PolicyReplay<Policy>]
  /// The pages of the counting replay's faults, when the bank counts distinct pages.
  private var faultedPages: PageSet?
  /// The replay whose faults are counted: the one with the most frames.
  private let countingReplay: Int

  /// A bank of empty replays, one per size in `sizes` (at least one, each at least 1).
  init(kind: PolicyKind, sizes: [Int], configuration: ReplacementConfig, seed: UInt64, countsPages: Bool = false) {
    precondition(!sizes.isEmpty, "a replay bank needs a size")
    self.kind = kind
    var replacement = configuration
    replacement.policy = kind
    replays = sizes.map { PolicyReplay<Policy>(frames: $0, configuration: replacement, seed: seed) }
    faultedPages = countsPages ? PageSet() : nil
    countingReplay = sizes.indices.max { sizes[$0] < sizes[$1] } ?? 0
  }

  mutating func consume(_ block: UnsafeBufferPointer<PageAccess>) {
    for r in replays.indices {
      if r == countingReplay && faultedPages != nil {
        ReplayBank.replay(block, into: &replays[r], countingFaultsIn: &faultedPages!)
      } else {
        ReplayBank.replay(block, into: &replays[r])
      }
    }
  }

  /// The distinct pages accessed so far, if the bank counts them.
  var distinctPages: Int? { faultedPages?.count }

  @inline(__always)
  private static func replay(
    _ block: UnsafeBufferPointer<PageAccess>, into replay: inout PolicyReplay<Policy>,
    countingFaultsIn pages: inout PageSet
  ) {
    for access in block where !replay.reference(PageKey(rawValue: access.page), isWrite: access.isWrite).hit {
      pages.insert(access.page)
    }
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

  var replayCounts: (policy: PolicyKind, counts: [ReplayCounts]) {
    (
      kind,
      replays.map {
        ReplayCounts(frames: $0.frames, faults: $0.faults, evictions: $0.evictions, dirtyEvictions: $0.dirtyEvictions)
      }
    )
  }
}

/// Makes the `ReplayBank` of the policy a `PolicyKind` names, behind a `PageBlockConsumer` (the one
/// `switch` is in `dispatch`).
struct ReplayBankMaker: PolicyVisitor {
  let kind: PolicyKind
  let sizes: [Int]
  let configuration: ReplacementConfig
  let seed: UInt64
  var countsPages = false

  func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> PageBlockConsumer {
    let box = ValueBox(
      ReplayBank<Policy>(kind: kind, sizes: sizes, configuration: configuration, seed: seed, countsPages: countsPages))
    return PageBlockConsumer(
      consume: { box.value.consume($0) }, replayCounts: { box.value.replayCounts },
      distinctPages: { box.value.distinctPages })
  }
}
