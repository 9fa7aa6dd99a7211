/// What a faulting process does to get a frame for its page, as its allocation scope decides.
public enum FrameDecision: Equatable, Sendable {
  /// Take a free frame from the machine's pool.
  case takeFree
  /// Evict the page in this frame (written back first if dirty) and reuse the frame.
  case replace(FrameNumber)
  /// Every candidate frame has I/O in progress: wait until a page-in completes or a process exits.
  case waitForIO
  /// Load control: memory is full of other processes' working sets, so the faulting process is
  /// suspended (swapped out) until there is room for it again.
  case suspend
}

/// The rules of one allocation scope (`machine.replacement.scope`): which frames a faulting process
/// may use, which pages each process keeps, and who is admitted (docs/fidelity.md, "Allocation
/// scopes").
///
/// The simulator is generic over its allocator, as it was over its policy, so every call on the
/// access path (`didAccess`) is statically dispatched and inlined; `GlobalAllocator` forwards to
/// the replacement policy and costs nothing more. The allocator never touches page tables, TLBs or
/// the disk: the simulator carries out its decisions. It sees the machine's frames by number and
/// processes by index (`PageKey.process`).
public protocol FrameAllocator {
  /// The scope this type implements; a constant, so the simulator's scope checks fold away.
  static var scope: AllocationScope { get }

  /// Whether the scope runs the load controller (`scope.controlsLoad`), as a literal of each type
  /// so that checks on the per-access path cost nothing where it is false.
  static var controlsLoad: Bool { get }

  /// Whether the allocator's replacement policy reads `PageReference.nextUse`
  /// (`ReplacementPolicy.needsFuture`), so the simulator must supply each access's next use; a
  /// constant of each type, so that the per-access work for it folds away where it is false.
  static var needsFuture: Bool { get }

  /// Creates the allocator of a machine with `frameCount` frames shared by `processCount` processes.
  init(frameCount: Int, processCount: Int, configuration: ReplacementConfig, seed: UInt64)

  /// A page has been loaded into `frame` for `reference.page.process` and its I/O is complete.
  mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference)

  /// The resident page in `frame` was referenced again (the per-access call).
  mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference)

  /// `reference` faulted and the machine has `freeFrames` free frames: how to get a frame. A
  /// `.replace` frame is removed from the allocator's candidates.
  mutating func decide(for reference: PageReference, freeFrames: Int) -> FrameDecision

  /// `frame`, holding a page of `process`, leaves without having been chosen (the process exits or
  /// is swapped out): forget it.
  mutating func didFree(_ frame: FrameNumber, process: Int)

  /// `process` starts: reserve what it needs, or return false if it must wait to be admitted.
  mutating func admit(_ process: Int) -> Bool

  /// `process` has finished and its frames are freed: return its reservation.
  mutating func release(_ process: Int)

  /// Frames holding pages that no process keeps (they left a working set): taken before anyone is
  /// suspended, so they count as room for load control.
  var reclaimable: Int { get }

  /// The pages `process` keeps now (its working set or resident set), for load control.
  func residentCount(_ process: Int) -> Int

  /// What is inconsistent in the allocator's structures and its policies', or nil
  /// (`InternalChecks`; never called on the hot path).
  func invariantViolation() -> String?

  /// Whether `frame`, holding a page of `process`, is a replacement candidate (loaded, not in
  /// flight); the internal checks require every candidate to be mapped.
  func isCandidate(_ frame: FrameNumber, process: Int) -> Bool
}

extension FrameAllocator {
  /// By default the scope chooses pages by its own rules, without the future.
  public static var needsFuture: Bool { false }
  /// By default every process is admitted at once.
  public mutating func admit(_ process: Int) -> Bool { true }
  /// By default there is nothing to return.
  public mutating func release(_ process: Int) {}
  /// By default no frame is reclaimable.
  public var reclaimable: Int { 0 }
  /// By default the allocator keeps no per-process count.
  public func residentCount(_ process: Int) -> Int { 0 }
}
