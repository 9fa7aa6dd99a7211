/// The LRU fault count for every memory size at once, from one pass over a page reference stream.
///
/// Mattson, Gecsei, Slutz and Traiger ("Evaluation techniques for storage hierarchies", IBM Systems
/// Journal 9(2), 1970) showed that LRU is a stack algorithm: a reference hits in a memory of `m`
/// frames iff its stack distance (the page's depth in the LRU stack, 1 = most recently used) is at
/// most `m`. So the histogram of stack distances, plus the cold misses, gives the faults for every
/// `m`.
///
/// Each distance is found in O(log n): every access takes the next time slot, a `SlotRankSet`
/// (a bitmap with a Fenwick tree over its words) holds each page's most recent slot, and the
/// distance is 1 + the number of live slots after the page's previous one; a `RegionPageMap` gives
/// the page's previous slot (at most one hash probe per reference). When the slots run out, the
/// live slots are renumbered in time order (time compaction) with as many free slots again, an
/// amortized O(1) cost; so memory is O(distinct pages), whatever the trace length.
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

  /// Each sampled page's most recent time slot.
  private var pages: RegionPageMap
  /// The live slots: each sampled page's most recent one.
  private var live: SlotRankSet
  /// The slot the next access takes.
  private var nextSlot = 0
  /// `distanceCounts[d - 1]` references had stack distance `d` (sampled stream).
  private var distanceCounts: [Int] = []
  private let minimumSlotCapacity: Int

  /// An exact curve: every reference is processed.
  public init() {
    self.init(sampler: .everyPage, minimumSlotCapacity: 1 << 12)
  }

  /// A SHARDS curve over the pages sampled at `samplingRate`; nil unless `2^-24 <= rate <= 1`.
  public init?(samplingRate: Double) {
    guard let sampler = SpatialSampler(rate: samplingRate) else { return nil }
    self.init(sampler: sampler)
  }

  /// A curve over the pages `sampler` keeps (SHARDS when it is not `everyPage`).
  public init(sampler: SpatialSampler) {
    self.init(sampler: sampler, minimumSlotCapacity: 1 << 12)
  }

  /// `minimumSlotCapacity` is the smallest time-slot table (tests make it tiny to force compaction).
  init(sampler: SpatialSampler, minimumSlotCapacity: Int) {
    precondition(minimumSlotCapacity >= 2)
    self.sampler = sampler
    self.minimumSlotCapacity = minimumSlotCapacity
    pages = RegionPageMap()
    live = SlotRankSet(capacity: minimumSlotCapacity, members: 0)
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
    if nextSlot == live.capacity { compact() }
    if let previous = pages.exchange(page, with: nextSlot) {
      // The live slots after `previous` are the distinct pages referenced since.
      let distance = live.countAbove(previous) + 1
      distanceCounts[distance - 1] += 1
      live.move(from: previous, to: nextSlot)
    } else {
      sampledColdMisses += 1
      distanceCounts.append(0)
      live.insert(nextSlot)
    }
    nextSlot += 1
  }

  /// Renumbers the live slots `0 ..< live` in time order, with as many free slots after them.
  private mutating func compact() {
    let prefix = live.wordPrefixCounts()
    let old = live
    pages.transformValues { old.rank(of: $0, wordPrefix: prefix) }
    live = SlotRankSet(capacity: max(minimumSlotCapacity, 2 * (pages.count + 1)), members: pages.count)
    nextSlot = pages.count
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

  /// `faults(frames:)` for each of `sizes`, in order (`--frames 64,128,...`).
  /// - Complexity: O(distinct pages + sizes.count).
  public func faults(forFrames sizes: [Int]) -> [Int] {
    let suffix = missesAtOrAbove()
    return sizes.map { frames in
      if frames <= 0 { return accesses }
      let smallest = min(smallestMissingDistance(frames: frames), distanceCounts.count + 1)
      return scaled(sampledColdMisses + suffix[smallest - 1])
    }
  }

  /// `faults(frames:) / accesses`, 0 for an empty trace.
  public func missRatio(frames: Int) -> Double {
    accesses == 0 ? 0 : Double(faults(frames: frames)) / Double(accesses)
  }

  /// `faults(frames: m)` for every `m` in `1 ... distinctPages`, element `m - 1`; empty for an empty trace.
  /// With sampling, `distinctPages` is an estimate (sampled pages / R), so the array can be long at
  /// tiny rates; use `faults(forFrames:)` for chosen sizes.
  /// - Complexity: O(distinctPages).
  public func faultCurve() -> [Int] {
    let suffix = missesAtOrAbove()
    let sizes = distinctPages
    var curve: [Int] = []
    curve.reserveCapacity(sizes)
    for frames in stride(from: 1, through: sizes, by: 1) {
      let smallest = min(smallestMissingDistance(frames: frames), distanceCounts.count + 1)
      curve.append(scaled(sampledColdMisses + suffix[smallest - 1]))
    }
    return curve
  }

  /// `suffix[d - 1]` = sampled references with distance `>= d`, for `d` in `1 ... max + 1`.
  private func missesAtOrAbove() -> [Int] {
    var suffix = Array(repeating: 0, count: distanceCounts.count + 1)
    for d in stride(from: distanceCounts.count, to: 0, by: -1) { suffix[d - 1] = suffix[d] + distanceCounts[d - 1] }
    return suffix
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
