/// xoshiro256** (Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
/// 47(4), 2021; preprint 2018): the generator of every simulation stream.
///
/// A 256-bit xor/shift/rotate linear engine with period 2^256 − 1, scrambled by the `**`
/// output function (multiply by 5, rotate left 7, multiply by 9). It passes BigCrush and
/// PractRand, needs four words of state and a handful of instructions per output. Streams are
/// seeded through `SplitMix64`, as the authors recommend, so the all-zero state never occurs.
///
/// The helpers (`nextDouble`, `openUnitDouble`, `nextInt(below:)`, `nextBool(probability:)`) are
/// part of the reproducibility contract: each consumes a fixed number of outputs (except the
/// rejection loop of `nextInt`, itself deterministic), so the same seed gives the same values on
/// every platform.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  // The four state words s[0]...s[3] of the paper; never all zero.
  var s0: UInt64
  var s1: UInt64
  var s2: UInt64
  var s3: UInt64

  /// Creates a generator whose state is the first four outputs of `SplitMix64(seed: seed)`.
  ///
  /// SplitMix64's output function is a bijection and its four states are distinct, so at most one
  /// of the words is zero and the state is valid for every seed.
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
  }

  /// Creates a generator with the given raw state (for reference tests). The state must not be
  /// all zero, the generator's one fixed point.
  public init(state s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64) {
    precondition(s0 | s1 | s2 | s3 != 0, "xoshiro256** state must not be all zero")
    self.s0 = s0
    self.s1 = s1
    self.s2 = s2
    self.s3 = s3
  }

  /// Returns the next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = Xoshiro256StarStar.rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = Xoshiro256StarStar.rotateLeft(s3, 45)
    return result
  }

  @inline(__always) static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  // MARK: - Derived variates

  /// A uniform double in [0, 1): the top 53 bits of one output times 2^−53 (every value a multiple
  /// of 2^−53, each equally likely).
  @inline(__always)
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform double in (0, 1]: (top 53 bits + 1) times 2^−53; safe as the argument of a
  /// logarithm or a negative power (inversion sampling).
  @inline(__always)
  public mutating func openUnitDouble() -> Double {
    Double((next() >> 11) + 1) * 0x1p-53
  }

  /// An unbiased uniform integer in [0, n), `n > 0`, by Lemire's multiply-and-reject method
  /// (Lemire, "Fast random integer generation in an interval", ACM TOMACS 29(1), 2019): the high
  /// word of a 64×64-bit product, rejecting the few low words below 2^64 mod n.
  ///
  /// - Complexity: one output, plus a retry with probability below n / 2^64.
  @inline(__always)
  public mutating func nextInt(below n: Int64) -> Int64 {
    precondition(n > 0, "nextInt(below:) needs a positive bound")
    let bound = UInt64(n)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold {
        product = next().multipliedFullWidth(by: bound)
      }
    }
    return Int64(product.high)
  }

  /// `true` with probability `p` (one output; `p ≤ 0` is never true, `p ≥ 1` always).
  public mutating func nextBool(probability p: Double) -> Bool {
    nextDouble() < p
  }
}
