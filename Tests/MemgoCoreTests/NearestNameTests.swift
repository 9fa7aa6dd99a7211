import Testing

@testable import MemgoCore

@Suite struct NearestNameTests {
  @Test func suggestsCloseNames() {
    let keys = MachineConfig.keyTable.shape.names
    #expect(nearestName("framez", in: keys) == "frames")
    #expect(nearestName("pagesize", in: keys) == "pageSize")
    #expect(nearestName("zerofil", in: keys) == "zeroFill")
    #expect(nearestName("lur", in: ["fifo", "lru", "clock"]) == "lru")
    #expect(nearestName("clok", in: ["fifo", "lru", "clock"]) == "clock")
    #expect(nearestName("kb", in: ["B", "KiB", "KB"]) == "KB")
  }

  @Test func staysQuietWhenNothingIsClose() {
    #expect(nearestName("xyz", in: MachineConfig.keyTable.shape.names) == nil)
    #expect(nearestName("", in: ["frames"]) == nil)
    #expect(nearestName("frames", in: []) == nil)
    #expect(nearestName(String(repeating: "a", count: 10_000), in: ["frames"]) == nil)
  }

  /// The dynamic program against a naive recursive definition of the same distance, on short strings.
  @Test func distanceMatchesNaiveDefinition() {
    func naive(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
      if a.isEmpty { return b.count }
      if b.isEmpty { return a.count }
      let cost = a.last == b.last ? 0 : 1
      var best = min(
        naive(Array(a.dropLast()), b) + 1, naive(a, Array(b.dropLast())) + 1,
        naive(Array(a.dropLast()), Array(b.dropLast())) + cost)
      if a.count > 1 && b.count > 1 && a[a.count - 1] == b[b.count - 2] && a[a.count - 2] == b[b.count - 1] {
        best = min(best, naive(Array(a.dropLast(2)), Array(b.dropLast(2))) + 1)
      }
      return best
    }
    var rng = SplitMix64(seed: 17)
    let alphabet: [Unicode.Scalar] = ["a", "b", "c"]
    for _ in 0..<300 {
      let a = (0..<Int(rng.next() % 5)).map { _ in alphabet[Int(rng.next() % 3)] }
      let b = (0..<Int(rng.next() % 5)).map { _ in alphabet[Int(rng.next() % 3)] }
      #expect(optimalStringAlignmentDistance(a, b) == naive(a, b))
    }
    #expect(optimalStringAlignmentDistance(Array("ca".unicodeScalars), Array("ac".unicodeScalars)) == 1)
    #expect(optimalStringAlignmentDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
  }
}
