/// Random replacement: the victim is drawn uniformly from the resident pages (Belady, "A study of
/// replacement algorithms for a virtual-storage computer", IBM Systems Journal 1966, where RAND is
/// the baseline).
///
/// The draws come from a xoshiro256** generator (Blackman and Vigna, "Scrambled linear pseudorandom
/// number generators", ACM TOMS 2021) seeded through SplitMix64 from the run's `seed` mixed with a
/// constant of this policy's own, so the stream is independent of the workload's and the same seed
/// gives the same victims. Indices are drawn without bias by Lemire's multiply-and-reject method
/// ("Fast random integer generation in an interval", ACM TOMACS 2019). No parameters.
///
/// Resident frames sit in a dense array with a position index, so a draw, a load and a removal are
/// O(1).
public struct RandomPolicy: ReplacementPolicy {
  /// xoshiro256**: 256 bits of state, period 2^256 − 1.
  struct Generator: RandomNumberGenerator, Sendable {
    var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
      var mixer = SplitMix64(seed: seed)
      s0 = mixer.next()
      s1 = mixer.next()
      s2 = mixer.next()
      s3 = mixer.next()
    }

    mutating func next() -> UInt64 {
      let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
      let t = s1 << 17
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = s3 << 45 | s3 >> 19
      return result
    }

    /// A uniform integer in `0 ..< bound` (`bound > 0`), without modulo bias.
    mutating func below(_ bound: UInt64) -> UInt64 {
      var product = next().multipliedFullWidth(by: bound)
      if product.low < bound {
        let threshold = (0 &- bound) % bound
        while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
      }
      return product.high
    }
  }

  /// Distinguishes this policy's stream from others derived from the same seed.
  static let streamTag: UInt64 = 0x5241_4E44_4F4D_5250  // "RANDOMRP"

  var members: [Int32] = []
  /// Each frame's index in `members`, or -1.
  var position: [Int32]
  var generator: Generator

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    members.reserveCapacity(frameCount)
    position = Array(repeating: -1, count: frameCount)
    generator = Generator(seed: seed ^ RandomPolicy.streamTag)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    precondition(position[frame.index] < 0, "frame \(frame) is already listed")
    position[frame.index] = Int32(members.count)
    members.append(frame.rawValue)
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {}

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard !members.isEmpty else { return nil }
    let victim = FrameNumber(members[Int(generator.below(UInt64(members.count)))])
    didFree(victim)
    return victim
  }

  public mutating func didFree(_ frame: FrameNumber) {
    let p = position[frame.index]
    guard p >= 0 else { return }
    let last = members.removeLast()
    if last != frame.rawValue {
      members[Int(p)] = last
      position[Int(last)] = p
    }
    position[frame.index] = -1
  }
}
