import Testing

@testable import MemgoCore

@Suite struct PageBlockPipelineTests {
  /// Counts up to `total` in blocks, as a producer would parse a trace.
  final class Counter: @unchecked Sendable {
    var next = 0
    var blocks = 0
    let total: Int
    let failAt: Int?
    init(total: Int, failAt: Int? = nil) {
      self.total = total
      self.failAt = failAt
    }
    func fill(_ block: UnsafeMutableBufferPointer<PageAccess>) throws(TraceError) -> Int {
      blocks += 1
      var n = 0
      while n < block.count && next < total {
        if next == failAt { throw TraceError(kind: .syntax, file: "f", line: next, text: "", message: "bad") }
        block[n] = PageAccess(page: UInt64(next), isWrite: next % 3 == 0)
        next += 1
        n += 1
      }
      return n
    }
  }

  /// Every access arrives once, in order, whatever the block length and depth.
  @Test(arguments: [(1, 1), (7, 2), (64, 4), (1000, 3)])
  func deliversEverythingInOrder(blockLength: Int, depth: Int) throws {
    for total in [0, 1, 63, 64, 65, 5000] {
      let counter = Counter(total: total)
      var seen: [UInt64] = []
      try PageBlockPipeline.run(
        blockLength: blockLength, depth: depth, produce: { (b) throws(TraceError) in try counter.fill(b) },
        consume: { block in seen += block.map(\.page) })
      #expect(seen == (0..<UInt64(total)).map { $0 })
    }
  }

  /// A producer error reaches the caller after the blocks before it were consumed.
  @Test func producerErrorIsRethrown() {
    let counter = Counter(total: 10_000, failAt: 4_321)
    var consumed = 0
    do {
      try PageBlockPipeline.run(
        blockLength: 100, produce: { (b) throws(TraceError) in try counter.fill(b) },
        consume: { consumed += $0.count })
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 4_321)
      #expect(consumed == 4_300)
    }
  }

  /// A consumer error stops the producer within a few blocks and is rethrown.
  @Test func consumerErrorCancelsTheProducer() {
    let counter = Counter(total: 1_000_000)
    var calls = 0
    do {
      try PageBlockPipeline.run(
        blockLength: 10, depth: 4, produce: { (b) throws(TraceError) in try counter.fill(b) },
        consume: { (_) throws(TraceError) in
          calls += 1
          if calls == 3 { throw TraceError(kind: .io, file: "scratch", line: 0, text: "", message: "full") }
        })
      Issue.record("expected an error")
    } catch {
      #expect(error.file == "scratch")
      #expect(calls == 3)
      #expect(counter.blocks < 20)
    }
  }
}
