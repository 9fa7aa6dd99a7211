/// S3-FIFO (Yang, Zhang, Qiu, Yue and Vinayak, "FIFO queues are all you need for cache eviction",
/// SOSP 2023, §4 and Algorithm 1).
///
/// Resident pages are in S, a small FIFO, or M, the main FIFO; G, the ghost FIFO, remembers the
/// identities (`PageKey`s, no data) of pages recently evicted from S. Each resident page has a
/// 2-bit access counter: a hit adds one, capped at 3. A loaded page starts at 0 and joins M if G
/// remembers it (it leaves G), else S. To reclaim a frame:
///
/// - if S holds at least its target (Algorithm 1's `S.size ≥ 10% of cache size`), or M is empty,
///   S's oldest page is examined: with a counter above 1 it moves to M's new end with its counter
///   reset to 0 and the next oldest of S is examined; otherwise it is the victim and its identity
///   enters G (G forgets its oldest when full);
/// - if S yielded no victim (it emptied, every page moving to M), or S is below its target, M's
///   oldest page is examined: with a counter above 0 the counter drops by one and the page goes
///   back to M's new end; otherwise it is the victim and is not remembered. This ends within four
///   passes over M.
///
/// The paper's queue "head" is the end pages enter and its "tail" the end they leave; here the
/// `FrameList`s hold the oldest at the head, so "tail of S" is `small.first`.
///
/// Parameter: `s3fifoSmallFraction`, S's target as a fraction of the frames (default 0.1, the
/// paper's); target = floor(fraction × frames). G holds as many identities as M's share of the
/// frames, frames − target (the paper: "the same number of entries as M").
///
/// Where the model differs from Algorithm 1:
/// - Frames are fixed and one reclaim frees exactly one frame. Algorithm 1's `evictS` calls
///   `evictM` when a page moved from S finds M full; here a move never evicts by itself (the
///   frame count is unchanged by it), and M gives the victim only if S yields none, as in the
///   authors' implementation (libCacheSim `S3FIFOv0.c`, "the original S3FIFO implementation used
///   in" the paper). Only loaded frames are candidates, so S and M together may hold fewer than
///   all the frames while pages are being read in; the test on S compares its own count with
///   the target and does not infer it from M's.
/// - Page identity is `PageReference.page` (process and virtual page), the key of G; counters
///   are per frame. Algorithm 1 tests G after reclaiming (`INSERT`: evict until there is room,
///   then `if x in G`); here the test is in `didLoad`, after the reclaim that made room, so the
///   order is the pseudocode's (libCacheSim tests G before it evicts: the two differ only when
///   the reclaim pushes the faulting page's own identity out of a full G).
/// - A page found in G leaves it (Algorithm 1 does not say; libCacheSim removes it). Pages freed
///   by a process's exit leave S or M and are not remembered in G. `referenceOnLoad` is not used.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(1) expected (G is hashed) and
///   allocate nothing; `selectVictim` is amortised O(1).
public struct S3FIFOPolicy: ReplacementPolicy {
  /// S, oldest at the head.
  var small: FrameList
  /// M, oldest at the head.
  var main: FrameList
  /// Each frame's access counter, 0...3.
  var counter: [UInt8]
  var pageOf: [PageKey]
  /// G: identities evicted from S, oldest at the head.
  var ghost: GhostList
  /// S's target size in frames.
  let smallTarget: Int

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    small = FrameList(frameCount: frameCount)
    main = FrameList(frameCount: frameCount)
    counter = Array(repeating: 0, count: frameCount)
    pageOf = Array(repeating: PageKey(rawValue: 0), count: frameCount)
    smallTarget = ReplacementConfig.frameShare(configuration.s3fifoSmallFraction, of: frameCount, limit: 1)
    ghost = GhostList(capacity: frameCount - smallTarget)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let page = reference.page
    pageOf[frame.index] = page
    counter[frame.index] = 0
    if ghost.remove(page) {
      main.append(frame)
    } else {
      small.append(frame)
    }
  }

  @inline(__always)
  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    let c = counter[frame.index]
    if c < 3 { counter[frame.index] = c + 1 }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    if small.count >= smallTarget || main.count == 0 {
      while let t = small.popFirst() {
        if counter[t.index] > 1 {
          counter[t.index] = 0
          main.append(t)
        } else {
          ghost.insertMostRecent(pageOf[t.index])
          return t
        }
      }
    }
    while let t = main.popFirst() {
      let c = counter[t.index]
      if c == 0 { return t }
      counter[t.index] = c - 1
      main.append(t)
    }
    return nil
  }

  public mutating func didFree(_ frame: FrameNumber) {
    small.remove(frame)
    main.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): S, M and G are
  /// each consistent, no frame is in both S and M, counters are at most 3, and G holds at most
  /// M's share of the frames.
  public func invariantViolation() -> String? {
    if let problem = small.invariantViolation() { return "S: \(problem)" }
    if let problem = main.invariantViolation() { return "M: \(problem)" }
    if let problem = ghost.invariantViolation() { return "G: \(problem)" }
    guard ghost.capacity == counter.count - smallTarget else {
      return "G holds \(ghost.capacity) identities, M's share is \(counter.count - smallTarget)"
    }
    for f in 0..<counter.count {
      if small.contains(FrameNumber(f)) && main.contains(FrameNumber(f)) { return "frame \(f) is in S and M" }
      if counter[f] > 3 { return "frame \(f)'s counter is \(counter[f]), above 3" }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { small.contains(frame) || main.contains(frame) }
}
