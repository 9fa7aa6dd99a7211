/// Aging, the software approximation of LRU (Tanenbaum, *Modern Operating Systems*, 4th ed.,
/// §3.4.7, "Simulating LRU in Software").
///
/// Every page has a counter of `agingBits` bits and a reference bit. At the end of every period
/// (Tanenbaum's clock tick) each counter shifts right by one and the page's reference bit enters at
/// the top; then the reference bit is cleared. The victim is the page with the smallest counter.
/// Counters tie easily (Tanenbaum notes that pages unreferenced for `agingBits` periods all read
/// 0), so ties go first to a page whose reference bit is clear, then to the page loaded earliest:
/// the victim is the smallest (counter, reference bit, load order).
///
/// A loaded page's counter starts at 0 and its reference bit is set, unless `referenceOnLoad` is
/// false; so it enters the counter at the next tick, like every reference of the period. A hit sets
/// the reference bit.
///
/// Parameters: `agingBits` (default 8; 1...64) and `agingPeriod`. With a period P, ticks happen at
/// the times P, 2P, 3P, ... of the clock the caller passes (simulated time in a run; reference
/// indices in trace and explain mode); several ticks that passed since the last call are applied
/// at once. With `agingPeriod` `nil` (default) the policy counts the references it sees (hits and
/// loads; a reference's time is the number seen before it) and ticks every `frameCount` of them.
///
/// Frames sit in a `FrameHeap` keyed by (counter, reference bit, load order), rebuilt at each tick.
///
/// - Complexity: `didLoad`, `didAccess`, `selectVictim` and `didFree` are O(log n), plus O(n) at
///   the first call after a tick (amortised O(n / references per period)).
public struct AgingPolicy: ReplacementPolicy {
  /// The victim order.
  struct Key: Comparable, Sendable {
    var counter: UInt64
    var referenced: Bool
    var loadOrder: Int64
    static func < (a: Key, b: Key) -> Bool {
      if a.counter != b.counter { return a.counter < b.counter }
      if a.referenced != b.referenced { return !a.referenced }
      return a.loadOrder < b.loadOrder
    }
  }

  var heap: FrameHeap<Key>
  let bits: Int
  /// The period in the units of `now`.
  let period: Int64
  /// Whether the policy counts references itself (automatic period).
  let virtualClock: Bool
  /// References seen so far, the virtual clock.
  var seen: Int64 = 0
  /// The number of the current period (time / period).
  var epoch: Int64 = 0
  var loads: Int64 = 0
  let referenceOnLoad: Bool

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    heap = FrameHeap(frameCount: frameCount)
    bits = min(64, max(1, configuration.agingBits))
    if let p = configuration.agingPeriod {
      period = max(1, p.picoseconds)
      virtualClock = false
    } else {
      period = Int64(max(1, frameCount))
      virtualClock = true
    }
    referenceOnLoad = configuration.referenceOnLoad
  }

  /// Applies the ticks up to `now`.
  mutating func advance(to now: Int64) {
    let e = now / period
    guard e > epoch else { return }
    let ticks = e - epoch
    epoch = e
    let top: UInt64 = 1 << UInt64(bits - 1)
    let extra = ticks - 1
    heap.rebuild { _, key in
      var c = key.counter >> 1 | (key.referenced ? top : 0)
      c = extra >= 64 ? 0 : c >> UInt64(extra)
      key.counter = c
      key.referenced = false
    }
  }

  /// The time of a reference: the caller's clock, or the virtual clock (then advanced past it).
  private mutating func referenceTime(_ reference: PageReference) -> Int64 {
    if virtualClock {
      defer { seen += 1 }
      return seen
    }
    return reference.time.picoseconds
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    advance(to: referenceTime(reference))
    loads += 1
    heap.insert(frame, key: Key(counter: 0, referenced: referenceOnLoad, loadOrder: loads))
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    advance(to: referenceTime(reference))
    guard heap.contains(frame) else { return }
    var key = heap.key(of: frame)
    if !key.referenced {
      key.referenced = true
      heap.update(frame, key: key)
    }
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    advance(to: virtualClock ? seen : time.picoseconds)
    return heap.popMin()
  }

  public mutating func didFree(_ frame: FrameNumber) {
    heap.remove(frame)
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`).
  public func invariantViolation() -> String? { heap.invariantViolation() }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { heap.contains(frame) }
}
