import Testing

@testable import MemgoCore

@Suite struct FrameRingTests {
  /// Against an array whose first element is under the hand.
  @Test func matchesRotatingArray() {
    var rng = SplitMix64(seed: 9)
    let n = 10
    var ring = FrameRing(frameCount: n)
    var model: [Int] = []
    for _ in 0..<5_000 {
      let f = Int(rng.next() % UInt64(n))
      switch rng.next() % 3 {
      case 0:
        if !model.contains(f) {
          ring.insertBehindHand(FrameNumber(f))
          model.append(f)
        }
      case 1:
        ring.remove(FrameNumber(f))
        model.removeAll { $0 == f }
      default:
        if !model.isEmpty {
          ring.advance()
          model.append(model.removeFirst())
        }
      }
      #expect(ring.count == model.count)
      #expect(ring.hand == (model.first.map(Int32.init) ?? -1))
      #expect(ring.contains(FrameNumber(f)) == model.contains(f))
    }
  }
}
