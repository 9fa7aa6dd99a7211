/// The state of one page access in progress, as the memory manager sees it: the process, the page, whether it
/// writes, how far its translation has got (the leaf entry its walk reached, the frame it was
/// translated to, the frame its fault loads) and the counts it has run up. A driver keeps one per
/// process and hands it to each `MemoryManager` operation in turn; the operations keep no state of
/// their own about an access between calls.
struct AccessState {
  /// The virtual address of the request the access belongs to (its first page's offset).
  var requestVA: Int64 = 0
  /// The virtual page accessed.
  var page: Int64 = 0
  /// The page's leaf page-table entry: the one the walk reached (-1 when an upper level was
  /// missing, until the fault handler builds the tables down to it).
  var leaf = -1
  /// The access's next use in its process's own stream, when the policy needs the future.
  var nextUse = Int64.max
  /// The counts of the request the access belongs to.
  var tally = RequestTally()
  /// The process making the access.
  let pid: Int32
  /// The frame the access was translated to, while its RAM access is in flight.
  var inFlightFrame: Int32 = -1
  /// The frame the fault in progress loads.
  var faultFrame: Int32 = -1
  /// Whether the access writes.
  var isWrite = false
  /// Whether this is the retry after a fault.
  var retrying = false
  /// Whether the fault in progress reads the page from disk (false: zero-filled).
  var faultIsMajor = false

  init(pid: Int32) { self.pid = pid }

  /// Starts the access to page `page` of a request at `requestVA`.
  mutating func begin(page: Int64, requestVA: Int64, isWrite: Bool) {
    self.page = page
    self.requestVA = requestVA
    self.isWrite = isWrite
    retrying = false
  }

  /// The reference the access makes at `time`, as the allocator and policy see it: with its next
  /// use when the policy needs the future (`withFuture`).
  @inline(__always)
  func pageReference(at time: SimTime, withFuture: Bool) -> PageReference {
    PageReference(
      page: PageKey(process: Int(pid), vpn: page), isWrite: isWrite, time: time, nextUse: withFuture ? nextUse : .max)
  }

  /// Goes on to the request's next page.
  mutating func beginNextPage() {
    page += 1
    retrying = false
  }
}

/// What a fault handler did to give a faulting access a frame (`MemoryManager.handleFault`).
enum FaultOutcome: Equatable {
  /// A free frame or a clean victim, and a zero-filled page: the page is mapped, the access is
  /// retried at once.
  case mapped
  /// The page needs disk I/O: a write-back of the victim (`writeBack`), then (`read`) a page-in.
  /// The driver queues it, and calls `mapFaultedPage` when the last operation ends.
  case needsIO(writeBack: Bool, read: Bool)
  /// Every candidate frame is locked by I/O in progress: the access waits for a frame.
  case waitForFrame
  /// Load control: memory is full of working sets, the process is to be suspended.
  case suspend
}

/// What the end of a RAM access did to the memory manager's state (`MemoryManager.reference`).
enum ReferenceOutcome {
  /// The page was evicted while the RAM access was in flight: nothing changed.
  case evictedInFlight
  /// The policy saw the reference of a resident page.
  case referenced
  /// A fault's retry reached RAM: its frame, locked since the fault took it, is handed to the
  /// policy (`MemoryManager.admitFaultedPage`), and a frame waiter may proceed.
  case admitted
}
