import Testing

@testable import MemgoCore

@Suite struct NextUseTests {
  @Test func textbookString() {
    let next = NextUse.indices(for: [7, 0, 1, 2, 0, 3, 0].map(page))
    #expect(next == [.max, 4, .max, .max, 6, .max, .max])
    #expect(NextUse.indices(for: []) == [])
  }

  @Test func matchesQuadraticScan() {
    var rng = SplitMix64(seed: 3)
    for _ in 0..<200 {
      let n = Int(rng.next() % 300)
      let universe = 1 + rng.next() % 40
      let pages = (0..<n).map { _ in PageKey(process: Int(rng.next() % 2), vpn: Int64(rng.next() % universe)) }
      let expected = pages.indices.map { i in
        (i + 1..<pages.count).first { pages[$0] == pages[i] }.map(Int64.init) ?? .max
      }
      #expect(NextUse.indices(for: pages) == expected)
    }
  }
}
