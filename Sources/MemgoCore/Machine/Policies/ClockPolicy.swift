/// Clock, or second chance (Corbató, "A paging experiment with the Multics system", MIT Project MAC
/// report MAC-M-384, 1968; Tanenbaum, *Modern Operating Systems*, §3.4.4–3.4.5).
///
/// Frames sit on a circular list, the clock face, in the order they were loaded; each has a
/// reference bit, set by every hit. To choose a victim the hand looks at the frame under it: a
/// frame with the bit set gets a second chance (the bit is cleared and the hand moves on), the
/// first frame with the bit clear is the victim. A loaded page joins just behind the hand, so the
/// hand reaches it last: in the victim's place when it replaces one, as in Tanenbaum's drawing.
///
/// Parameter: `referenceOnLoad` (default true) — whether a loaded page's reference bit starts set,
/// as hardware sets it on the faulting reference. With `false` it starts clear, and the policy
/// makes exactly libCacheSim's `Clock` choices (a FIFO queue whose referenced objects are reinserted
/// at the head on eviction, with one-bit counters).
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(1); `selectVictim` is amortised O(1)
///   (each second chance clears a bit some hit or load set).
public struct ClockPolicy: ReplacementPolicy {
  var ring: FrameRing
  var referenced: [Bool]
  let referenceOnLoad: Bool

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    ring = FrameRing(frameCount: frameCount)
    referenced = Array(repeating: false, count: frameCount)
    referenceOnLoad = configuration.referenceOnLoad
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    ring.insertBehindHand(frame)
    referenced[frame.index] = referenceOnLoad
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    referenced[frame.index] = true
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard ring.count > 0 else { return nil }
    while true {
      let hand = Int(ring.hand)
      if referenced[hand] {
        referenced[hand] = false
        ring.advance()
      } else {
        let victim = FrameNumber(ring.hand)
        ring.remove(victim)
        return victim
      }
    }
  }

  public mutating func didFree(_ frame: FrameNumber) {
    ring.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): the ring.
  public func invariantViolation() -> String? { ring.invariantViolation() }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { ring.contains(frame) }
}
