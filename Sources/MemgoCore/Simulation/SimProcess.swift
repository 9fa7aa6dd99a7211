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
/// Fields are ordered so that the flags fill the padding at the end of `generator`: the struct
/// stays within 512 bytes.
struct SimProcess {
  var group: Int32
  /// The CPU it holds, or -1.
  var cpu: Int32 = -1
  /// Requests still to issue (`Int64.max` without a limit).
  var requestsLeft: Int64
  /// When its current stretch of running (thinking or accessing) began, for CPU utilization.
  var runningSince = SimTime.never

  // MARK: - Current request
  var requestStart = SimTime.zero
  var requestSize: Int64 = 0
  var lastPage: Int64 = 0

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
  var generator: AccessGenerator

  // MARK: - Flags, in the padding at the end of `generator`
  var phase = ProcessPhase.notStarted
  /// The process's next step.
  var step = AccessStep.lookup
  /// Whether its disk operation is being served (not queued).
  var inDiskService = false
  /// The fault in progress: a page read still to follow the write-back in progress.
  var readAfterWrite = false
  var diskIsWrite = false

  /// The page access in progress, as the memory manager sees it.
  var access: AccessState
}
