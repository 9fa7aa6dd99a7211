/// The 64-bit FNV-1a hash of a byte string (Fowler, Noll and Vo; Eastlake et al., IETF draft
/// "The FNV Non-Cryptographic Hash Algorithm", 2019), written as 16 lowercase hex digits.
///
/// It identifies a scenario's canonical JSON in partial results, so that parts of different
/// scenarios are not merged by mistake; it is not a defence against deliberate collisions.
public enum ContentHash {
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let prime: UInt64 = 0x0000_0100_0000_01b3

  /// The FNV-1a hash of `bytes`.
  public static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var hash = offsetBasis
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* prime
    }
    return hash
  }

  /// The FNV-1a hash of `text`'s UTF-8 bytes as 16 hex digits.
  public static func hex(of text: String) -> String {
    let digits = String(fnv1a(text.utf8), radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
