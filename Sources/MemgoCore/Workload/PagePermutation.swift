/// A seeded pseudo-random bijection of [0, n), in O(1) memory: scatters hot pages over an address
/// space.
///
/// A balanced 4-round Feistel network (Luby and Rackoff, "How to construct pseudorandom
/// permutations from pseudorandom functions", SIAM J. Computing 17(2), 1988) permutes the domain
/// [0, 2^(2b)), the smallest even power of two ≥ n (and ≥ 4); each round maps (L, R) to
/// (R, L ⊕ F(R)) with F the low b bits of `SplitMix64.mix(R + key)`, the four keys drawn from
/// `SplitMix64(seed:)`. Values that land outside [0, n) are encrypted again ("cycle walking",
/// Black and Rogaway, "Ciphers with arbitrary finite domains", CT-RSA 2002) until they land
/// inside; since the domain is less than 4n, that takes fewer than 4 rounds of the network on
/// average.
public struct PagePermutation: Sendable {
  /// The size n of the permuted range [0, n).
  public let count: Int64
  /// The largest supported count, 2^62.
  public static let maximumCount: Int64 = 1 << 62

  let halfBits: UInt64
  let halfMask: UInt64
  let key0: UInt64
  let key1: UInt64
  let key2: UInt64
  let key3: UInt64

  /// Creates the permutation of [0, `count`) chosen by `seed`; requires 1 ≤ count ≤ 2^62.
  public init(count: Int64, seed: UInt64) {
    precondition(count >= 1 && count <= PagePermutation.maximumCount, "permutation count out of range")
    self.count = count
    var bits: UInt64 = 2
    while bits < 62 && (Int64(1) << bits) < count { bits += 2 }
    halfBits = bits / 2
    halfMask = (1 << (bits / 2)) - 1
    var keys = SplitMix64(seed: seed)
    key0 = keys.next()
    key1 = keys.next()
    key2 = keys.next()
    key3 = keys.next()
  }

  /// The image of `x` (0 ≤ x < count).
  /// - Complexity: O(1) expected (cycle walking).
  public func callAsFunction(_ x: Int64) -> Int64 {
    precondition(x >= 0 && x < count, "permutation argument out of range")
    var y = UInt64(x)
    repeat { y = encrypt(y) } while y >= UInt64(count)
    return Int64(y)
  }

  /// The preimage of `y` (0 ≤ y < count): `inverse(self(x)) == x`.
  public func inverse(_ y: Int64) -> Int64 {
    precondition(y >= 0 && y < count, "permutation argument out of range")
    var x = UInt64(y)
    repeat { x = decrypt(x) } while x >= UInt64(count)
    return Int64(x)
  }

  // MARK: - The Feistel network on [0, 2^(2b))

  func round(_ half: UInt64, _ key: UInt64) -> UInt64 { SplitMix64.mix(half &+ key) & halfMask }

  func encrypt(_ value: UInt64) -> UInt64 {
    var left = value >> halfBits
    var right = value & halfMask
    (left, right) = (right, left ^ round(right, key0))
    (left, right) = (right, left ^ round(right, key1))
    (left, right) = (right, left ^ round(right, key2))
    (left, right) = (right, left ^ round(right, key3))
    return (left << halfBits) | right
  }

  func decrypt(_ value: UInt64) -> UInt64 {
    var left = value >> halfBits
    var right = value & halfMask
    (left, right) = (right ^ round(left, key3), left)
    (left, right) = (right ^ round(left, key2), left)
    (left, right) = (right ^ round(left, key1), left)
    (left, right) = (right ^ round(left, key0), left)
    return (left << halfBits) | right
  }
}
