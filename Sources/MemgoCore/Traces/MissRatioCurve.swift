/// The LRU fault count for every memory size at once, from one pass over a page reference stream.
///
/// Mattson, Gecsei, Slutz and Traiger ("Evaluation techniques for storage hierarchies", IBM Systems
/// Journal 9(2), 1970) showed that LRU is a stack algorithm: a reference hits in a memory of `m`
/// frames iff its stack distance (the page's depth in the LRU stack, 1 = most recently used) is at
/// most `m`. So the histogram of stack distances, plus the cold misses, gives the faults for every
/// `m`.
///
/// Each distance is found in O(log n) with a Fenwick tree over access-time slots holding a 1 at
/// each page's most recent access (the distance is 1 + the number of ones after the page's slot),
/// and a `PageIndexMap` from page to slot. When the slots run out, the live slots are renumbered in
/// order (time compaction) and the tree is rebuilt with room for as many again, an amortized O(1)
/// cost; so memory is O(distinct pages), whatever the trace length.
///
/// With a sampling rate below 1 it follows SHARDS (Waldspurger et al., FAST 2015): only references
/// to pages the `SpatialSampler` keeps are processed, a sampled distance `d` stands for `d / R`, and
/// each sampled miss stands for `1 / R` misses. Dividing by `R` rather than by the sampled fraction
/// of references is the paper's SHARDS_adj correction (it normalises by the expected number of
/// sampled references, `N R`, not the actual one), which matters when a few hot pages happen to be
/// in or out of the sample; estimates are capped at the number of references. Memory scales with `R`.
public struct MissRatioCurve {
  /// Which pages are processed (all of them unless sampling).
  public let sampler: SpatialSampler
  /// All references offered, sampled or not.
  public private(set) var accesses = 0
  /// References to sampled pages.
  public private(set) var sampledAccesses = 0
  /// First references to sampled pages (cold misses in every memory size).
  public private(set) var sampledColdMisses = 0

  private var pages: PageIndexMap
  /// Per sampled page (by `pages` index): the time slot of its most recent access.
  private var lastSlot: [Int] = []
  /// Per time slot: the page index whose most recent access it is, or -1.
  private var slotOwner: [Int32]
  /// 1 at each live slot.
  private var tree: FenwickTree
  /// The slot the next access takes.
  private var nextSlot = 0
  /// `distanceCounts[d - 1]` references had stack distance `d` (sampled stream).
  private var distanceCounts: [Int] = []
  private let minimumSlotCapacity: Int

  /// An exact curve: every reference is processed.
  public init() {
    self.init(sampler: SpatialSampler(rate: 1)!, minimumSlotCapacity: 1 << 12)
  }

  /// A SHARDS curve over the pages sampled at `samplingRate`; nil unless `2^-24 <= rate <= 1`.
  public init?(samplingRate: Double) {
    guard let sampler = SpatialSampler(rate: samplingRate) else { return nil }
    self.init(sampler: sampler, minimumSlotCapacity: 1 << 12)
  }

  /// `minimumSlotCapacity` is the smallest time-slot table (tests make it tiny to force compaction).
  init(sampler: SpatialSampler, minimumSlotCapacity: Int) {
    precondition(minimumSlotCapacity >= 2)
    self.sampler = sampler
    self.minimumSlotCapacity = minimumSlotCapacity
    pages = PageIndexMap()
    slotOwner = Array(repeating: -1, count: minimumSlotCapacity)
    tree = FenwickTree(count: minimumSlotCapacity)
  }

  /// The sampling rate used, `T / P` (1 for an exact curve).
  public var samplingRate: Double { sampler.rate }

  /// Distinct sampled pages seen.
  public var sampledDistinctPages: Int { pages.count }

  /// Distinct pages seen: exact without sampling, else the sampled count divided by the rate, rounded.
  public var distinctPages: Int {
    if sampler.samplesAll { return pages.count }
    return Int((Double(pages.count) / sampler.rate).rounded())
  }

  // MARK: - Accesses

  /// Records a reference to `page`.
  /// - Complexity: O(log distinct pages) amortized.
  public mutating func access(_ page: UInt64) {
    accesses += 1
    if !sampler.samplesAll && !sampler.samples(page) { return }
    sampledAccesses += 1
    let (index, inserted) = pages.insert(page)
    if nextSlot == slotOwner.count { compact() }
    if inserted {
      sampledColdMisses += 1
      lastSlot.append(nextSlot)
      distanceCounts.append(0)
    } else {
      let previous = lastSlot[index]
      // Live slots after `previous` are the distinct pages referenced since; `pages.count` are live.
      let distance = pages.count - tree.prefixSum(through: previous) + 1
      distanceCounts[distance - 1] += 1
      tree.add(-1, at: previous)
      slotOwner[previous] = -1
      lastSlot[index] = nextSlot
    }
    tree.add(1, at: nextSlot)
    slotOwner[nextSlot] = Int32(truncatingIfNeeded: index)
    nextSlot += 1
  }

  /// Renumbers the live slots `0 ..< live` in time order and rebuilds the tree with as many free.
  private mutating func compact() {
    var live = 0
    for slot in 0..<nextSlot {
      let owner = slotOwner[slot]
      if owner < 0 { continue }
      slotOwner[live] = owner
      lastSlot[Int(owner)] = live
      live += 1
    }
    let capacity = max(minimumSlotCapacity, 2 * (live + 1))
    slotOwner.removeLast(slotOwner.count - live)
    slotOwner.append(contentsOf: repeatElement(-1, count: capacity - live))
    tree = FenwickTree(count: capacity, ones: live)
    nextSlot = live
  }

  // MARK: - Results

  /// How many sampled references had stack distance `distance` (1-based); 0 outside `1...`.
  public func referenceCount(atDistance distance: Int) -> Int {
    distance >= 1 && distance <= distanceCounts.count ? distanceCounts[distance - 1] : 0
  }

  /// Faults of LRU with `frames` frames (cold misses included); estimated when sampling, and 0 when
  /// no reference was sampled. `frames <= 0` faults on every reference.
  /// - Complexity: O(distinct pages); use `faultCurve()` for every size at once.
  public func faults(frames: Int) -> Int {
    if frames <= 0 { return accesses }
    var misses = sampledColdMisses
    let smallest = smallestMissingDistance(frames: frames)
    if smallest <= distanceCounts.count {
      for d in smallest...distanceCounts.count { misses += distanceCounts[d - 1] }
    }
    return scaled(misses)
  }

  /// `faults(frames:) / accesses`, 0 for an empty trace.
  public func missRatio(frames: Int) -> Double {
    accesses == 0 ? 0 : Double(faults(frames: frames)) / Double(accesses)
  }

  /// `faults(frames: m)` for every `m` in `1 ... distinctPages`, element `m - 1`; empty for an empty trace.
  /// - Complexity: O(distinctPages).
  public func faultCurve() -> [Int] {
    // suffix[d - 1] = references with sampled distance >= d.
    var suffix = Array(repeating: 0, count: distanceCounts.count + 1)
    for d in stride(from: distanceCounts.count, to: 0, by: -1) { suffix[d - 1] = suffix[d] + distanceCounts[d - 1] }
    let sizes = distinctPages
    var curve: [Int] = []
    curve.reserveCapacity(sizes)
    for frames in stride(from: 1, through: sizes, by: 1) {
      let smallest = min(smallestMissingDistance(frames: frames), distanceCounts.count + 1)
      curve.append(scaled(sampledColdMisses + suffix[smallest - 1]))
    }
    return curve
  }

  /// The smallest sampled distance that misses with `frames` frames: `d` misses iff `d / R > frames`,
  /// i.e. `d * P > frames * T`, so the answer is `floor(frames * T / P) + 1` (`frames + 1` unsampled).
  private func smallestMissingDistance(frames: Int) -> Int {
    if sampler.samplesAll { return frames + 1 }
    let product = UInt64(frames).multipliedFullWidth(by: sampler.threshold)
    let quotient = SpatialSampler.modulus.dividingFullWidth(product).quotient
    let limit = UInt64(distanceCounts.count)
    return Int(min(quotient, limit)) + 1
  }

  /// Scales a sampled miss count to all references: times `1 / R` (SHARDS_adj), at most `accesses`.
  private func scaled(_ sampledMisses: Int) -> Int {
    if sampler.samplesAll { return sampledMisses }
    let estimate = (Double(sampledMisses) / sampler.rate).rounded()
    return estimate >= Double(accesses) ? accesses : Int(estimate)
  }
}
