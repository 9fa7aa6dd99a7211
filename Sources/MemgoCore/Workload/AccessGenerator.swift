/// The address stream of one process: where each request of a given size lands in the process's
/// virtual address space, following its `AccessPatternConfig`.
///
/// Every returned address `va` satisfies `0 ≤ va` and `va + size ≤ addressSpace` for the request's
/// `size` (callers pass `1 ≤ size ≤ addressSpace`; other sizes are clamped into that range). The
/// address space has P = ⌈addressSpace / pageSize⌉ pages (the last one possibly partial); "page p,
/// clamped" below means `min(p · pageSize, addressSpace − size)`. Random draws come from the
/// caller's generator (the process's `.address` stream), in the order given here:
/// - `uniform`: va uniform over [0, addressSpace − size] (one `nextInt`).
/// - `sequential(stride)`: the first va is 0; after each request va advances by `stride`
///   (`nil`: by that request's size); when va + size would exceed addressSpace, va wraps to 0
///   first. No draws.
/// - `loop(pages)`: request k (from 0) starts at page k mod min(pages, P), clamped. No draws.
/// - `zipf(exponent)`: rank r from a Zipf law over the P pages (P(r) ∝ 1/(r+1)^s, `ZipfSampler`),
///   page = π(r) for a `PagePermutation` π fixed by the generator's `seed`; va = page, clamped.
/// - `hotcold(hotFraction, hotProbability)`: the first H = ⌈hotFraction · P⌉ pages (1 ≤ H ≤ P)
///   are hot. One draw decides hot (with probability hotProbability) or cold; a second picks a
///   uniform page among the hot or the P − H cold pages (a hot one if there are no cold pages);
///   va = page, clamped.
/// - `workingset(size, phaseLength, locality)`: the working set is W = ⌈size / pageSize⌉
///   contiguous pages (1 ≤ W ≤ P) starting at a page drawn uniformly from [0, P − W], re-drawn
///   before requests 0, phaseLength, 2·phaseLength, ... Then one draw decides local (with
///   probability `locality`) or not, and a second picks a uniform page in the set, or in [0, P);
///   va = page, clamped.
///
/// A struct with an enum switch (static dispatch); `nextAddress` never allocates.
public struct AccessGenerator: Sendable {
  enum Mode: Sendable {
    case uniform
    case sequential(stride: Int64?)
    case loop(pages: Int64)
    /// The rank sampler is `AccessGenerator.zipf`, outside the enum: it holds a reference (its
    /// alias table), and a payload with one would be copied, and retained, on every switch.
    case zipf(PagePermutation)
    case hotcold(hotPages: Int64, hotProbability: Double)
    case workingset(setPages: Int64, phaseLength: Int64, locality: Double)
  }

  /// Bytes of virtual address space.
  public let addressSpace: Int64
  /// Bytes per page.
  public let pageSize: Int64
  /// Pages in the address space, ⌈addressSpace / pageSize⌉.
  public let pageCount: Int64

  /// sequential: the next address; loop: the next page index; workingset: requests left in the phase.
  var cursor: Int64 = 0
  /// workingset: the first page of the current working set.
  var setStart: Int64 = 0
  /// zipf: the rank sampler (a one-rank placeholder for the other patterns: not optional, so that
  /// it needs no tag byte and the owner's state stays within 512 bytes).
  let zipf: ZipfSampler
  /// Last, so that its enum tag ends the struct and the owner's small fields can use the padding.
  let mode: Mode

  // MARK: - Validation and construction

  /// Why `pattern` cannot drive a process, as "field: what is wrong (what is expected)", or `nil`
  /// if it can. `init` requires `nil` for the parameters it cannot repair.
  public static func problem(with pattern: AccessPatternConfig) -> String? {
    switch pattern {
    case .uniform:
      return nil
    case .sequential(let stride):
      guard let stride else { return nil }
      return stride >= 0 ? nil : "stride: \(stride) is negative (a size ≥ 0)"
    case .loop(let pages):
      return pages >= 1 ? nil : "pages: \(pages) is not positive (at least 1)"
    case .zipf(let s):
      return s > 0 && s <= ZipfSampler.maximumExponent
        ? nil : "exponent: \(s) is out of range (0 < exponent ≤ \(Int(ZipfSampler.maximumExponent)))"
    case .hotcold(let fraction, let probability):
      if !(fraction >= 0 && fraction <= 1) { return "hotFraction: \(fraction) is not in [0, 1]" }
      return probability >= 0 && probability <= 1 ? nil : "hotProbability: \(probability) is not in [0, 1]"
    case .workingset(let size, let phaseLength, let locality):
      if size < 1 { return "size: \(size) is not positive (at least 1B)" }
      if phaseLength < 1 { return "phaseLength: \(phaseLength) is not positive (at least 1)" }
      return locality >= 0 && locality <= 1 ? nil : "locality: \(locality) is not in [0, 1]"
    case .trace:
      return nil
    }
  }

  /// Creates the address stream of one process.
  ///
  /// - Parameters:
  ///   - pattern: the access pattern; its `problem(with:)` must be `nil`.
  ///   - addressSpace: bytes of virtual address space, at least 1.
  ///   - pageSize: bytes per page, at least 1.
  ///   - seed: fixes the zipf page permutation (draw it from the process's `.pattern` stream);
  ///     ignored by the other patterns.
  public init(pattern: AccessPatternConfig, addressSpace: Int64, pageSize: Int64, seed: UInt64) {
    precondition(addressSpace >= 1 && pageSize >= 1, "address space and page size must be positive")
    if let problem = AccessGenerator.problem(with: pattern) {
      preconditionFailure("invalid access pattern \(pattern): \(problem)")
    }
    self.addressSpace = addressSpace
    self.pageSize = pageSize
    let pages = addressSpace / pageSize + (addressSpace % pageSize == 0 ? 0 : 1)
    pageCount = pages
    // Address spaces beyond 2^52 pages exceed the documented limits; keep the hottest 2^52.
    let ranks = min(pages, ZipfSampler.maximumCount)
    if case .zipf(let s) = pattern {
      zipf = ZipfSampler(count: ranks, exponent: s)
    } else {
      zipf = ZipfSampler(count: 1, exponent: 0)
    }
    switch pattern {
    case .uniform:
      mode = .uniform
    case .sequential(let stride):
      mode = .sequential(stride: stride)
    case .loop(let loopPages):
      mode = .loop(pages: min(loopPages, pages))
    case .zipf:
      mode = .zipf(PagePermutation(count: ranks, seed: seed))
    case .hotcold(let fraction, let probability):
      let hot = AccessGenerator.ceilPages(fraction * Double(pages), within: pages)
      mode = .hotcold(hotPages: hot, hotProbability: probability)
    case .workingset(let size, let phaseLength, let locality):
      let set = size / pageSize + (size % pageSize == 0 ? 0 : 1)
      mode = .workingset(setPages: min(set, pages), phaseLength: Int64(phaseLength), locality: locality)
    case .trace:
      // A trace process takes its addresses from its trace (see `Simulator.issueRequest`).
      mode = .uniform
    }
  }

  /// ⌈x⌉ clamped to [1, limit], forgiving a relative rounding error of 10^−12 (so that a
  /// hotFraction of 0.07 of 100 pages, 7.000000000000001 in binary, is 7 pages, not 8).
  static func ceilPages(_ x: Double, within limit: Int64) -> Int64 {
    let c = (x - abs(x) * 1e-12).rounded(.up)
    if !(c > 1) { return 1 }
    if c >= Double(limit) { return limit }
    return min(limit, Int64(c))
  }

  // MARK: - The address stream

  /// The start address of the next request of `size` bytes (see the type's documentation).
  /// - Complexity: O(1); zipf's rejection and cycle-walking loops take a few iterations on average.
  public mutating func nextAddress(size requested: Int64, rng: inout Xoshiro256StarStar) -> Int64 {
    nextAddress(size: requested, rng: &rng, zipfPages: nil)
  }

  /// The start address of the next request of `size` bytes, as `nextAddress(size:rng:)`, with the
  /// zipf permutation memoized in `zipfPages` when given: `zipfPageCount` zeroed entries that the
  /// caller owns and keeps for this generator alone, where entry r holds π(r) + 1 once rank r has
  /// been drawn. The addresses are the same; the Feistel network runs once per distinct rank.
  @inline(__always)
  mutating func nextAddress(
    size requested: Int64, rng: inout Xoshiro256StarStar, zipfPages: UnsafeMutablePointer<Int32>?
  ) -> Int64 {
    let size = min(max(requested, 1), addressSpace)
    let last = addressSpace - size  // the highest valid start address
    switch mode {
    case .uniform:
      return rng.nextInt(below: last + 1)
    case .sequential(let stride):
      let va = cursor > last ? 0 : cursor
      let (next, overflow) = va.addingReportingOverflow(stride ?? size)
      cursor = overflow ? Int64.max : next
      return va
    case .loop(let pages):
      let page = cursor
      cursor = page + 1 == pages ? 0 : page + 1
      return min(page * pageSize, last)
    case .zipf(let permutation):
      let rank = zipf.sample(&rng)
      let page: Int64
      if let zipfPages {
        let known = zipfPages[Int(rank)]
        if known != 0 {
          page = Int64(known) - 1
        } else {
          page = permutation(rank)
          zipfPages[Int(rank)] = Int32(page + 1)
        }
      } else {
        page = permutation(rank)
      }
      return min(page * pageSize, last)
    case .hotcold(let hotPages, let hotProbability):
      let hot = rng.nextBool(probability: hotProbability)
      let page: Int64
      if hot || hotPages == pageCount {
        page = rng.nextInt(below: hotPages)
      } else {
        page = hotPages + rng.nextInt(below: pageCount - hotPages)
      }
      return min(page * pageSize, last)
    case .workingset(let setPages, let phaseLength, let locality):
      if cursor == 0 {
        setStart = rng.nextInt(below: pageCount - setPages + 1)
        cursor = phaseLength
      }
      cursor -= 1
      let local = rng.nextBool(probability: locality)
      let page = local ? setStart + rng.nextInt(below: setPages) : rng.nextInt(below: pageCount)
      return min(page * pageSize, last)
    }
  }

  /// The number of entries a zipf permutation memo needs (`nextAddress(size:rng:zipfPages:)`): the
  /// permuted ranks, or 0 for the other patterns.
  var zipfPageCount: Int64 {
    if case .zipf(let permutation) = mode { return permutation.count }
    return 0
  }

  /// The first page of the current working set (workingset pattern; 0 before the first request).
  public var workingSetStart: Int64 { setStart }
}
