import Testing

@testable import MemgoCore

@Suite struct FrameTableTests {
  /// Frames are handed out 0, 1, 2, … at first, then the one freed last.
  @Test func freeFramesAreAStack() {
    var table = FrameTable(count: 4)
    #expect(table.count == 4 && table.freeCount == 4)
    #expect([table.popFree(), table.popFree(), table.popFree()] == [0, 1, 2])
    table.assign(0, owner: 3, vpn: 10, leaf: -1)
    table.assign(1, owner: 3, vpn: 11, leaf: -1)
    table.assign(2, owner: 4, vpn: 10, leaf: 7)
    table.release(1)
    table.release(0)
    #expect([table.popFree(), table.popFree(), table.popFree(), table.popFree()] == [0, 1, 3, nil])
    #expect(table[2].leaf == 7 && table[2].page == PageKey(process: 4, vpn: 10))
    #expect(table.holds(2, process: 4, vpn: 10) && !table.holds(2, process: 3, vpn: 10))
  }

  /// A process's frames in frame order; a number no frame can name owns none (the free frames'
  /// owner is -1, and an owner is an `Int32`).
  @Test func framesOfAProcess() {
    var table = FrameTable(count: 5)
    for (f, owner) in [(0, 2), (1, 1), (3, 2)] {
      _ = table.popFree()
      table.assign(f, owner: Int32(owner), vpn: Int64(f), leaf: -1)
    }
    #expect(table.frames(of: 2) == [0, 3])
    #expect(table.frames(of: 1) == [1])
    #expect(table.frames(of: 0) == [])
    #expect(table.frames(of: -1) == [])
    #expect(table.frames(of: Int(Int32.max) + 2) == [])
    #expect(table.frames(of: Int.min) == [])
  }

  @Test func markDirtyAndReleaseClearTheFrame() {
    var table = FrameTable(count: 1)
    _ = table.popFree()
    table.assign(0, owner: 0, vpn: 1, leaf: -1)
    table.markDirty(0)
    #expect(table[0].dirty)
    table.release(0)
    #expect(table[0].owner == -1 && !table[0].dirty && table.freeCount == 1)
    #expect(table.invariantViolation() == nil)
  }

  /// Each way the free pool and the owners can disagree has its own message.
  @Test func invariantViolationNamesEachInconsistency() {
    let clean = FrameTable(count: 3)
    #expect(clean.invariantViolation() == nil)
    var lost = clean
    lost.freeStack.removeAll { $0 == 1 }
    #expect(lost.invariantViolation() == "frame 1 has no owner and is not free")
    var twice = clean
    twice.freeStack.append(0)
    #expect(twice.invariantViolation() == "free frame 0 is out of range or listed twice")
    var outOfRange = clean
    outOfRange.freeStack.append(3)
    #expect(outOfRange.invariantViolation() == "free frame 3 is out of range or listed twice")
    var owned = clean
    owned.frames[2].owner = 5
    #expect(owned.invariantViolation() == "free frame 2 has owner 5")
  }
}
