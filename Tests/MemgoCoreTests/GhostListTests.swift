import Testing

@testable import MemgoCore

@Suite struct GhostListTests {
  /// Against an array (least recent first) with the same bound.
  @Test(arguments: [0, 1, 3, 16])
  func matchesArray(capacity: Int) {
    var rng = SplitMix64(seed: UInt64(capacity) + 100)
    var ghosts = GhostList(capacity: capacity)
    var model: [PageKey] = []
    for _ in 0..<3_000 {
      let p = page(Int64(rng.next() % 24))
      switch rng.next() % 5 {
      case 0, 1:
        ghosts.insertMostRecent(p)
        if capacity > 0 {
          model.removeAll { $0 == p }
          if model.count == capacity { model.removeFirst() }
          model.append(p)
        }
      case 2:
        #expect(ghosts.remove(p) == model.contains(p))
        model.removeAll { $0 == p }
      case 3:
        #expect(ghosts.removeLeastRecent() == model.first)
        if !model.isEmpty { model.removeFirst() }
      default:
        let limit = Int(rng.next() % 5)
        ghosts.trim(to: limit)
        if model.count > limit { model.removeFirst(model.count - limit) }
      }
      #expect(ghosts.count == model.count)
      #expect(ghosts.contains(p) == model.contains(p))
    }
  }
}
