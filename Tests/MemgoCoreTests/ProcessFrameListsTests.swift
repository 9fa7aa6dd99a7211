import Testing

@testable import MemgoCore

@Suite struct ProcessFrameListsTests {
  static func order(_ l: ProcessFrameLists, _ p: Int) -> [Int] {
    var out: [Int] = []
    var f = l.head[p]
    while f >= 0 {
      out.append(Int(f))
      f = l.next[Int(f)]
    }
    return out
  }

  @Test func listsAreIndependentAndOrdered() {
    var l = ProcessFrameLists(frameCount: 6, processCount: 2)
    l.append(3, to: 0)
    l.append(1, to: 1)
    l.append(5, to: 0)
    l.append(0, to: 0)
    #expect(Self.order(l, 0) == [3, 5, 0])
    #expect(Self.order(l, 1) == [1])
    #expect(l.nonEmpty == 2)
    l.moveToBack(3, of: 0)
    #expect(Self.order(l, 0) == [5, 0, 3])
    #expect(l.first(of: 0) == 5)
    l.remove(0)
    l.remove(0)  // not listed any more: no effect
    #expect(Self.order(l, 0) == [5, 3])
    l.remove(1)
    #expect(l.nonEmpty == 1 && l.first(of: 1) == nil && l.counts == [2, 0])
    #expect(l.contains(5) && !l.contains(1))
  }
}
