/// The multi-generational LRU of Linux 6.1 (Yu Zhao; the kernel's Documentation/mm/multigen_lru.rst,
/// "Design overview": generations, aging, eviction; and mm/vmscan.c of 6.1 for the numbers).
///
/// Resident pages belong to generations numbered by sequence: `maxSeq` is the youngest,
/// `minSeq` the oldest, and between 2 and 4 generations exist at once (the kernel's
/// MIN_NR_GENS = 2 and MAX_NR_GENS = 4; at first 4, empty: `minSeq` 0, `maxSeq` 3, as
/// `lru_gen_init_lruvec` sets them). Each generation is a list in the order its pages joined it.
/// A page has an accessed bit, the PTE's: a hit sets it (O(1), no list operation).
///
/// - A faulted-in page joins the youngest generation (6.1 marks a page faulted in active, and
///   `lru_gen_add_folio` puts active pages in `max_seq`), its accessed bit set if
///   `referenceOnLoad` (the access that faulted sets it), else clear.
/// - Eviction consumes the oldest generation, from the page that joined it first. Before each
///   page it examines, empty oldest generations are retired (`minSeq` + 1, while more than 2
///   remain: `try_to_inc_min_seq`) and, if aging is due, aging runs. A page found with its bit
///   set is promoted instead of evicted: its bit is cleared and it joins the youngest generation
///   (the eviction's `lru_gen_look_around`/`sort_folio` path). The first page found with its bit
///   clear is the victim.
/// - Aging is due (`should_run_aging`) with 2 generations, since eviction stalls at MIN_NR_GENS;
///   with 3, when the youngest generation holds more than 1/2 of the pages or the oldest fewer
///   than 1/4; with 4, never. It produces a generation: every page with its bit set, oldest
///   generation first and in list order, has the bit cleared and joins the youngest generation
///   (the page-table walk of `try_to_inc_max_seq`; pages already there stay in place), then
///   `maxSeq` + 1 opens an empty youngest generation for new faults (`inc_max_seq`).
///
/// Where the model differs from the kernel:
/// - One list of pages, not separate anon and file types with their own `min_seq` and
///   swappiness: every page of a memgo process is anonymous memory reached through page tables.
/// - No tiers, PID controller or refault tracking. 6.1 divides a generation into tiers by
///   accesses through file descriptors and feeds refaults (found through shadow entries) to a PID
///   controller that protects tiers; pages accessed through page tables are all in tier 0, and a
///   refaulted anonymous page is faulted in as active, into the youngest generation, as any
///   fault is. So for memgo's workloads they change no decision and are left out.
/// - Aging is triggered by eviction only (not also by kswapd's or `min_ttl_ms`'s timers), and
///   its walk reaches every resident page (no Bloom filter of page-table pages, no look-around
///   batching of neighbours).
/// - Frames leave by `didFree` (a process exits), so any generation may empty at any time;
///   retirement of empty oldest generations handles that as it does evictions.
///
/// - Complexity: `didLoad`, `didAccess` and `didFree` are O(1) and allocate nothing;
///   `selectVictim` is amortised O(1) for promotions, and an aging is O(frames) (the walk).
public struct MGLRUPolicy: ReplacementPolicy {
  /// The kernel's MIN_NR_GENS and MAX_NR_GENS.
  static let minGenerations: Int64 = 2
  static let maxGenerations: Int64 = 4

  /// Generation `seq`'s pages are `lists[seq % 4]`, the page that joined first at the head.
  var lists: [FrameList]
  /// The generation sequence of each frame's page.
  var generation: [Int64]
  /// Each frame's accessed bit.
  var accessed: [Bool]
  /// The oldest and youngest generations.
  var minSeq: Int64 = 0
  var maxSeq: Int64 = maxGenerations - 1
  /// The pages in all generations.
  var count = 0
  let referenceOnLoad: Bool

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    lists = Array(repeating: FrameList(frameCount: frameCount), count: Int(Self.maxGenerations))
    generation = Array(repeating: 0, count: frameCount)
    accessed = Array(repeating: false, count: frameCount)
    referenceOnLoad = configuration.referenceOnLoad
  }

  @inline(__always)
  static func slot(_ seq: Int64) -> Int { Int(seq % maxGenerations) }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    generation[frame.index] = maxSeq
    accessed[frame.index] = referenceOnLoad
    lists[Self.slot(maxSeq)].append(frame)
    count += 1
  }

  @inline(__always)
  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    accessed[frame.index] = true
  }

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard count > 0 else { return nil }
    while true {
      while maxSeq - minSeq + 1 > Self.minGenerations && lists[Self.slot(minSeq)].count == 0 { minSeq += 1 }
      if shouldAge {
        age()
        continue
      }
      // At least 3 generations, the oldest not empty.
      guard let frame = lists[Self.slot(minSeq)].popFirst() else { return nil }
      if accessed[frame.index] {
        accessed[frame.index] = false
        generation[frame.index] = maxSeq
        lists[Self.slot(maxSeq)].append(frame)
        continue
      }
      count -= 1
      return frame
    }
  }

  /// Whether aging is due (6.1's `should_run_aging`): with 2 generations, always (eviction
  /// stalls); with 3, when the youngest holds more than 1/2 of the pages or the oldest fewer than
  /// 1/4 (the kernel keeps each generation's share in [1/4, 1/2]); with 4, never.
  var shouldAge: Bool {
    let generations = maxSeq - minSeq + 1
    if generations <= Self.minGenerations { return true }
    if generations > Self.minGenerations + 1 { return false }
    let young = lists[Self.slot(maxSeq)].count
    let old = lists[Self.slot(minSeq)].count
    return young * Int(Self.minGenerations) > count || old * Int(Self.minGenerations + 2) < count
  }

  /// Promotes every accessed page to the youngest generation, clearing its bit, then opens a new
  /// youngest generation. Runs with 2 or 3 generations, so one more fits.
  mutating func age() {
    let youngest = Self.slot(maxSeq)
    var seq = minSeq
    while seq < maxSeq {
      let s = Self.slot(seq)
      var node = lists[s].first
      while let frame = node {
        node = lists[s].next(after: frame)
        if accessed[frame.index] {
          accessed[frame.index] = false
          lists[s].remove(frame)
          generation[frame.index] = maxSeq
          lists[youngest].append(frame)
        }
      }
      seq += 1
    }
    var node = lists[youngest].first
    while let frame = node {
      accessed[frame.index] = false
      node = lists[youngest].next(after: frame)
    }
    maxSeq += 1
  }

  public mutating func didFree(_ frame: FrameNumber) {
    let s = Self.slot(generation[frame.index])
    guard lists[s].contains(frame) else { return }
    lists[s].remove(frame)
    accessed[frame.index] = false
    count -= 1
  }

  /// What is inconsistent, or nil (`InternalChecks`): each generation's list; between 2 and 4
  /// generations; every listed frame in the list of its generation, which is in the window; the
  /// count.
  public func invariantViolation() -> String? {
    let generations = maxSeq - minSeq + 1
    guard generations >= Self.minGenerations && generations <= Self.maxGenerations else {
      return "\(generations) generations (\(minSeq) ... \(maxSeq))"
    }
    var listed = 0
    for s in lists.indices {
      if let problem = lists[s].invariantViolation() { return "generation list \(s): \(problem)" }
      listed += lists[s].count
    }
    guard listed == count else { return "\(listed) pages listed, the count is \(count)" }
    for f in generation.indices where isCandidate(FrameNumber(f)) {
      let seq = generation[f]
      guard seq >= minSeq && seq <= maxSeq, lists[Self.slot(seq)].contains(FrameNumber(f)) else {
        return "frame \(f) of generation \(seq) is not in its list, or outside \(minSeq) ... \(maxSeq)"
      }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool {
    lists.contains { $0.contains(frame) }
  }
}
