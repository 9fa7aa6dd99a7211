import Testing

@testable import MemgoCore

@Suite struct ExplainReferenceTests {
  @Test func parsesPagesAndWrites() throws {
    let refs = try ExplainReference.parseList("7,0, W1 ,r2,w3,R4")
    #expect(refs.map(\.page) == [7, 0, 1, 2, 3, 4])
    #expect(refs.map(\.isWrite) == [false, false, true, false, true, false])
    #expect(refs.map(\.label) == ["7", "0", "W1", "2", "W3", "4"])
    #expect(try ExplainReference.parseList("1099511627775") == [ExplainReference(page: ExplainReference.maximumPage)])
  }

  @Test(arguments: ["", "7,,1", "x", "-1", "1.5", "W", "1099511627776", "99999999999999999999999", "7 1", "0x10"])
  func rejects(text: String) {
    #expect(throws: ExplainError.self) { try ExplainReference.parseList(text) }
  }

  @Test func errorNamesTheItem() {
    #expect(
      throws: ExplainError(
        "refs: item 2: \"x\" is not a page number (expected a number in 0...1099511627775, optionally prefixed "
          + "by R or W, e.g. 7 or W7)")
    ) { try ExplainReference.parseList("1,x,3") }
  }
}
