/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a 64-bit generator used to seed and derive streams, never as a simulation stream.
///
/// The state advances by the golden-ratio increment (a Weyl sequence) and each output is the state
/// passed through `mix(_:)`, Stafford's "variant 13" 64-bit finalizer, a bijection on `UInt64`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The Weyl-sequence increment, ⌊2^64 / φ⌋ made odd.
  public static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// The generator's state; the next output is a function of it alone.
  public var state: UInt64
  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= SplitMix64.increment
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 output function: a bijective avalanche mix of 64 bits (every input bit flips
  /// each output bit with probability close to 1/2). Used to hash stream identifiers.
  @inlinable
  public static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
