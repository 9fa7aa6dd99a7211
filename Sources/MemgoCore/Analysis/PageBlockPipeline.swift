#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading and replaying a trace on two threads: a producer thread parses the file into blocks of
/// page accesses while the calling thread replays the previous blocks.
///
/// A classic bounded buffer (Dijkstra's producer-consumer with two counting semaphores, "Cooperating
/// sequential processes", 1965): `depth` blocks circulate between the threads; the producer waits
/// for a free block, fills it and posts it; the consumer waits for a filled block, consumes it and
/// frees it. Blocks are consumed in the order they were filled, so results are the same as on one
/// thread, whatever the scheduling. 64 blocks of 4,096 accesses (4 MB) let either side run ahead
/// for milliseconds, so the pair keeps going when the machine is busy and one thread loses its
/// core for a time slice (with 4 blocks the benchmark took 1.6 times as long on a loaded machine).
/// An empty block ends the stream. An error in the producer is kept and rethrown after the join;
/// an error in the consumer stops the producer at its next block.
/// On platforms without POSIX unnamed semaphores it runs both sides on the calling thread.
final class PageBlockPipeline: @unchecked Sendable {
  typealias Produce = (UnsafeMutableBufferPointer<PageAccess>) throws(TraceError) -> Int
  typealias Consume = (UnsafeBufferPointer<PageAccess>) throws(TraceError) -> Void

  private let blocks: [UnsafeMutableBufferPointer<PageAccess>]
  /// How many accesses each block holds (raw memory: the two threads must never share a Swift
  /// array, whose copy-on-write check reads a reference count the other thread may be changing).
  private let filledCounts: UnsafeMutablePointer<Int>
  private let produce: Produce
  private var producerError: TraceError?
  /// Set by the consumer (before it frees a block) when it fails; read by the producer (after it
  /// takes a free block), so the semaphores order the two.
  private var cancelled = false
  #if canImport(Glibc)
    private let free: UnsafeMutablePointer<sem_t>
    private let filled: UnsafeMutablePointer<sem_t>
  #endif

  private init(blockLength: Int, depth: Int, produce: @escaping Produce) {
    precondition(blockLength >= 1 && depth >= 1)
    blocks = (0..<depth).map { _ in UnsafeMutableBufferPointer<PageAccess>.allocate(capacity: blockLength) }
    filledCounts = .allocate(capacity: depth)
    filledCounts.initialize(repeating: 0, count: depth)
    self.produce = produce
    #if canImport(Glibc)
      free = .allocate(capacity: 1)
      filled = .allocate(capacity: 1)
      sem_init(free, 0, UInt32(depth))
      sem_init(filled, 0, 0)
    #endif
  }

  deinit {
    for block in blocks { block.deallocate() }
    filledCounts.deallocate()
    #if canImport(Glibc)
      sem_destroy(free)
      sem_destroy(filled)
      free.deallocate()
      filled.deallocate()
    #endif
  }

  /// Calls `produce` on a second thread to fill blocks of up to `blockLength` accesses (it returns
  /// how many it wrote, 0 at the end) and `consume` on this thread with each filled block, in order.
  /// - Throws: the first error `produce` or `consume` throws, after both sides have stopped.
  /// With `threads: 1` both run on the calling thread, in turn.
  static func run(
    blockLength: Int, depth: Int = 64, threads: Int = 2, produce: @escaping Produce, consume: Consume
  ) throws(TraceError) {
    let pipeline = PageBlockPipeline(blockLength: blockLength, depth: threads > 1 ? depth : 1, produce: produce)
    if threads > 1 { try pipeline.run(consume) } else { try pipeline.runOnOneThread(consume) }
  }

  private func run(_ consume: Consume) throws(TraceError) {
    #if canImport(Glibc)
      var thread = pthread_t()
      let context = Unmanaged.passRetained(self).toOpaque()
      guard pthread_create(&thread, nil, { PageBlockPipeline.producerMain($0) }, context) == 0 else {
        Unmanaged<PageBlockPipeline>.fromOpaque(context).release()
        try runOnOneThread(consume)
        return
      }
      var consumerError: TraceError?
      var index = 0
      while true {
        while sem_wait(filled) != 0 {}
        let count = filledCounts[index]
        if count == 0 { break }
        if consumerError == nil {
          do throws(TraceError) {
            try consume(UnsafeBufferPointer(rebasing: blocks[index][0..<count]))
          } catch {
            consumerError = error
            cancelled = true
          }
        }
        sem_post(free)
        index = (index + 1) % blocks.count
      }
      pthread_join(thread, nil)
      if let consumerError { throw consumerError }
      if let producerError { throw producerError }
    #else
      try runOnOneThread(consume)
    #endif
  }

  #if canImport(Glibc)
    /// The producer thread: fill free blocks until the end, an error, or cancellation.
    private static func producerMain(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
      guard let context else { return nil }
      let pipeline = Unmanaged<PageBlockPipeline>.fromOpaque(context).takeRetainedValue()
      var index = 0
      while true {
        while sem_wait(pipeline.free) != 0 {}
        var count = 0
        if !pipeline.cancelled {
          do throws(TraceError) {
            count = try pipeline.produce(pipeline.blocks[index])
          } catch {
            pipeline.producerError = error
          }
        }
        pipeline.filledCounts[index] = count
        sem_post(pipeline.filled)
        if count == 0 { return nil }
        index = (index + 1) % pipeline.blocks.count
      }
    }
  #endif

  /// Both sides in turn on the calling thread.
  private func runOnOneThread(_ consume: Consume) throws(TraceError) {
    while true {
      let count = try produce(blocks[0])
      if count == 0 { return }
      try consume(UnsafeBufferPointer(rebasing: blocks[0][0..<count]))
    }
  }
}
