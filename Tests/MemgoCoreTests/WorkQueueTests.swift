import Dispatch
import Synchronization
import Testing

@testable import MemgoCore

@Suite struct WorkQueueTests {
  @Test func handsOutEveryItemOnceInOrder() {
    let queue = WorkQueue(count: 3)
    #expect(queue.next() == 0)
    #expect(queue.next() == 1)
    #expect(queue.next() == 2)
    #expect(queue.next() == nil)
    #expect(queue.next() == nil)
    #expect(WorkQueue(count: 0).next() == nil)
    #expect(WorkQueue(count: -5).next() == nil)
  }

  @Test func concurrentWorkersTakeEachItemExactlyOnce() {
    let queue = WorkQueue(count: 10_000)
    let taken = Mutex<[Int]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      var mine: [Int] = []
      while let item = queue.next() { mine.append(item) }
      taken.withLock { $0 += mine }
    }
    #expect(taken.withLock { $0 }.sorted() == Array(0..<10_000))
  }
}
