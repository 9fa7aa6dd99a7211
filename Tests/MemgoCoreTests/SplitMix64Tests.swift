import Testing

@testable import MemgoCore

@Suite struct SplitMix64Tests {
  /// The reference implementation's first outputs for seed 0 (Vigna's splitmix64.c), recomputed
  /// independently from the published algorithm.
  @Test func matchesReferenceOutputsForSeedZero() {
    var rng = SplitMix64(seed: 0)
    let outputs = (0..<4).map { _ in rng.next() }
    #expect(outputs == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
  }

  @Test func outputIsMixOfAdvancedState() {
    var rng = SplitMix64(seed: 12345)
    let out = rng.next()
    #expect(rng.state == 12345 &+ SplitMix64.increment)
    #expect(out == SplitMix64.mix(rng.state))
  }

  /// The finalizer is a bijection: distinct inputs (here 2^16 consecutive and 2^16 strided
  /// values) have distinct images, and 0 is its fixed point.
  @Test func mixIsInjectiveOnSamples() {
    var seen = Set<UInt64>()
    for i in 0..<UInt64(1 << 16) {
      seen.insert(SplitMix64.mix(i))
      seen.insert(SplitMix64.mix(i &* 0x1_0000_0001 &+ (1 << 40)))
    }
    #expect(seen.count == 1 << 17)
    #expect(SplitMix64.mix(0) == 0)
  }
}
