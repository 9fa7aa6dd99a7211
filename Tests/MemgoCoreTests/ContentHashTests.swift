import Testing

@testable import MemgoCore

@Suite struct ContentHashTests {
  /// Test vectors of the FNV-1a 64-bit hash from the reference test suite (Noll's fnv_test.c).
  @Test func fnv1aTestVectors() {
    #expect(ContentHash.hex(of: "") == "cbf29ce484222325")
    #expect(ContentHash.hex(of: "a") == "af63dc4c8601ec8c")
    #expect(ContentHash.hex(of: "foobar") == "85944171f73967e8")
    #expect(ContentHash.fnv1a([UInt8]()) == 0xcbf2_9ce4_8422_2325)
  }
}
