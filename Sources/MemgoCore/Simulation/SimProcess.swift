/// The steps of a process's cycle that `Simulator.advance` runs, each taking effect at its own
/// simulated time (README, "Model semantics": causality): the end of a think time (the next request is issued), and
/// the steps of one page access: the TLB lookup at the access's start, the end of a walk (the
/// leaf's present bit examined, the TLB filled), the end of fault handling (a frame taken, a victim
/// evicted, the disk requests queued) and the end of the RAM access (the reference the policy
/// sees).
enum AccessStep: UInt8 {
  case issue
  case lookup
  case walkEnd
  case handlerEnd
  case ramEnd
}

/// Where a simulated process is in its cycle of thinking and requesting.
enum ProcessPhase: UInt8 {
  case notStarted
  /// Waiting in the CPU queue before thinking.
  case readyToThink
  case thinking
  /// Performing the page accesses of a request.
  case accessing
  /// Waiting in the CPU queue to retry an access after its fault's I/O.
  case readyToRetry
  /// Blocked on disk I/O for a fault.
  case blockedOnDisk
  /// Waiting for a frame to become evictable.
  case waitingForFrame
  /// Waiting to be admitted until its frame quota is free (scope `local`).
  case waitingForAdmission
  /// Suspended by the load controller, writing its dirty pages out.
  case swappingOut
  /// Suspended by the load controller, waiting for room to resume.
  case suspended
  case finished
}

/// One simulated client process: a state machine resumed by events, with its random streams,
/// address generator and the state of its current request and fault.
///
/// Fields are ordered so that the flags share words and the padding at the end of `access`: the
/// struct stays 512 bytes.
struct SimProcess {
  var group: Int32
  var phase = ProcessPhase.notStarted
  /// Whether the current request writes.
  var isWrite = false
  /// Whether the current page access is the retry after a fault.
  var retrying = false
  /// Whether its disk operation is being served (not queued).
  var inDiskService = false
  /// The CPU it holds, or -1.
  var cpu: Int32 = -1
  /// The frame its fault in progress loads.
  var faultFrame: Int32 = -1
  /// The frame the current access was translated to, while its RAM access is in flight.
  var inFlightFrame: Int32 = -1
  /// Requests still to issue (`Int64.max` without a limit).
  var requestsLeft: Int64
  /// When its current stretch of running (thinking or accessing) began, for CPU utilization.
  var runningSince = SimTime.never

  // MARK: - Current request
  var requestStart = SimTime.zero
  var requestVA: Int64 = 0
  var requestSize: Int64 = 0
  var page: Int64 = 0
  var lastPage: Int64 = 0
  /// The leaf page-table entry of the current access's page: the one its walk reached (-1 when an
  /// upper level was missing, until the fault handler builds the tables down to it).
  var leaf = -1
  /// The current page access's next use in this process's own access stream, when the policy needs
  /// the future (`Simulator.nextUse(of:)`).
  var nextUse = Int64.max
  var tally = RequestTally()

  // MARK: - Fault in progress
  var diskEnqueued = SimTime.zero
  var diskStarted = SimTime.zero

  // MARK: - Load control
  /// Dirty pages its swap-out writes (0 when it is not swapping out).
  var swapOutPages: Int64 = 0
  /// Free or reclaimable frames it needs before it is resumed.
  var resumeNeed = 0

  // MARK: - Randomness
  var intervalRandom: Xoshiro256StarStar
  var sizeRandom: Xoshiro256StarStar
  var addressRandom: Xoshiro256StarStar
  var writeRandom: Xoshiro256StarStar
  var access: AccessGenerator

  // MARK: - Fault in progress: flags, in the padding at the end of `access`
  var faultIsMajor = false
  /// A page read still to follow the write-back in progress.
  var readAfterWrite = false
  var diskIsWrite = false
  /// The process's next step.
  var step = AccessStep.lookup
}
