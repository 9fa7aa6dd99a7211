import Synchronization

/// A shared queue of work items `0..<count` that worker threads drain in order: each call to
/// `next()` hands out the lowest index not yet taken, exactly once across all threads.
///
/// A single atomic counter (fetch-and-add) is the whole queue, so a worker that finishes a short
/// unit immediately takes the next one and no thread idles while units remain (dynamic
/// self-scheduling; Tang and Yew 1986). Which thread runs which unit varies between runs; results
/// must therefore be stored by index, never in completion order.
public final class WorkQueue: Sendable {
  private let counter = Atomic<Int>(0)
  /// The number of items.
  public let count: Int

  /// A queue of the items `0..<count`.
  public init(count: Int) {
    self.count = max(0, count)
  }

  /// The next item not yet handed out, or nil when all have been.
  /// - Complexity: O(1), lock-free.
  public func next() -> Int? {
    // Stop adding once past the end so the counter cannot overflow however often it is polled.
    guard counter.load(ordering: .relaxed) < count else { return nil }
    let (old, _) = counter.wrappingAdd(1, ordering: .relaxed)
    return old < count ? old : nil
  }
}
