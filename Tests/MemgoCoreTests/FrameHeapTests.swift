import Testing

@testable import MemgoCore

@Suite struct FrameHeapTests {
  /// Against a linear scan of a key array under random inserts, updates, removals, pops and rebuilds.
  @Test func matchesLinearScan() {
    var rng = SplitMix64(seed: 5)
    for n in [1, 2, 5, 7, 21, 64] {
      var heap = FrameHeap<Int>(frameCount: n)
      var model: [Int?] = Array(repeating: nil, count: n)
      for _ in 0..<5_000 {
        let f = Int(rng.next() % UInt64(n))
        // Keys are made unique by the frame in the low digits, as policies break ties in the key.
        let key = Int(rng.next() % 50) * 100 + f
        switch rng.next() % 6 {
        case 0, 1:
          if model[f] == nil {
            heap.insert(FrameNumber(f), key: key)
            model[f] = key
          } else {
            heap.update(FrameNumber(f), key: key)
            model[f] = key
          }
        case 2:
          heap.remove(FrameNumber(f))
          model[f] = nil
        case 3:
          let expected = model.indices.filter { model[$0] != nil }.min { model[$0]! < model[$1]! }
          #expect(heap.popMin()?.index == expected)
          if let e = expected { model[e] = nil }
        case 4:
          heap.rebuild { frame, key in key = (key * 7 + 13) % 5_000 / 100 * 100 + frame.index }
          for i in model.indices where model[i] != nil { model[i] = (model[i]! * 7 + 13) % 5_000 / 100 * 100 + i }
        default:
          break
        }
        #expect(heap.count == model.compactMap { $0 }.count)
        #expect(heap.contains(FrameNumber(f)) == (model[f] != nil))
        let expected = model.indices.filter { model[$0] != nil }.min { model[$0]! < model[$1]! }
        #expect(heap.min?.index == expected)
        if model[f] != nil { #expect(heap.key(of: FrameNumber(f)) == model[f]) }
      }
    }
  }
}
