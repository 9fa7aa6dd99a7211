/// Spatially hashed sampling of pages, as in SHARDS (Waldspurger, Park, Garthwaite and Ahmad,
/// "Efficient MRC Construction with SHARDS", FAST 2015): a page is sampled iff
/// `hash(page) mod P < T`, so every reference to a sampled page is kept and the rate is `R = T / P`.
public struct SpatialSampler: Hashable, Sendable {
  /// The modulus `P` (2^24, the value the SHARDS paper uses).
  public static let modulus: UInt64 = 1 << 24

  /// The threshold `T`, `1 ... modulus`.
  public let threshold: UInt64

  /// A sampler keeping the fraction `rate` of pages, rounded to a multiple of 1 / 2^24; nil unless
  /// `2^-24 <= rate <= 1` (after rounding).
  public init?(rate: Double) {
    guard rate.isFinite, rate > 0, rate <= 1 else { return nil }
    let t = (rate * Double(SpatialSampler.modulus)).rounded()
    guard t >= 1 else { return nil }
    threshold = UInt64(t)
  }

  /// The sampler that keeps every page (rate 1: no sampling).
  public static let everyPage = SpatialSampler(threshold: modulus)

  private init(threshold: UInt64) { self.threshold = threshold }

  /// The sampling rate actually used, `T / P`.
  public var rate: Double { Double(threshold) / Double(SpatialSampler.modulus) }

  /// Whether every page is sampled.
  public var samplesAll: Bool { threshold == SpatialSampler.modulus }

  /// Whether `page` belongs to the sample.
  @inline(__always)
  public func samples(_ page: UInt64) -> Bool {
    SpatialSampler.hash(page) & (SpatialSampler.modulus - 1) < threshold
  }

  /// A 64-bit mixing function (the SplitMix64 finalizer, Steele et al. 2014) of the page number.
  @inline(__always)
  static func hash(_ page: UInt64) -> UInt64 {
    var z = page &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
