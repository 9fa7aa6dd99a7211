import Testing

@testable import MemgoCore

@Suite struct JSONPathTests {
  @Test func rendersKeysAndIndices() {
    #expect(JSONPath.root.description == "")
    #expect(JSONPath([.key("machine"), .key("tlb"), .key("ways")]).description == "machine.tlb.ways")
    #expect(
      JSONPath([.key("processes"), .index(0), .key("size"), .key("dist")]).description == "processes[0].size.dist")
    #expect(JSONPath([.key("a"), .index(1), .index(2)]).description == "a[1][2]")
    #expect(JSONPath.root.appending(key: "x").appending(index: 3).lastKey == "x")
  }

  @Test func parsesTheDottedForm() {
    #expect(JSONPath(parsing: "machine.frames")?.components == [.key("machine"), .key("frames")])
    #expect(JSONPath(parsing: "processes[10].count")?.components == [.key("processes"), .index(10), .key("count")])
    #expect(JSONPath(parsing: "a[0][1]")?.components == [.key("a"), .index(0), .index(1)])
    for bad in [
      "", ".", "a.", ".a", "a..b", "a[", "a[]", "a[01]", "a[-1]", "a[1", "[0]", "a b", "a[0]b", "a[1234567890]",
    ] {
      #expect(JSONPath(parsing: bad) == nil, "\(bad)")
    }
  }

  @Test func prefixes() {
    let path = JSONPath(parsing: "machine.tlb.ways")!
    #expect(path.hasPrefix(JSONPath(parsing: "machine.tlb")!))
    #expect(path.hasPrefix(path))
    #expect(path.hasPrefix(.root))
    #expect(!path.hasPrefix(JSONPath(parsing: "machine.tl")!))
    #expect(!JSONPath(parsing: "machine")!.hasPrefix(path))
  }
}
