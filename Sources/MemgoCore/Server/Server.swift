/// Sets up `memgo serve`: checks that the machine can be served, and builds the OS
/// (`ServedOS`) specialised for its scope and policy behind the protocol (`ServerSession`).
public enum Server {
  /// The most physical memory (frames × pageSize) the server allocates: 4 GiB.
  public static let maximumPhysicalMemory = 4 << 30

  /// Why `machine` cannot be served, if it cannot: load control (scopes `workingset` and `pff`
  /// suspend processes, which a client waiting on its reply cannot be) and policies that need the
  /// future of every access (`opt`), which a server cannot know.
  public static func refusal(of machine: MachineConfig) -> String? {
    switch machine.replacement.scope {
    case .workingset, .pff:
      return "machine.replacement.scope: \(machine.replacement.scope.rawValue) suspends processes, which memgo serve does not do (use global or local)"
    case .global, .local:
      break
    }
    if machine.replacement.policy == .opt {
      return "machine.replacement.policy: opt needs the future of every access, which a server cannot know"
    }
    let (bytes, overflow) = machine.frames.multipliedReportingOverflow(by: machine.pageSize)
    if overflow || bytes > maximumPhysicalMemory {
      return "machine.frames: \(machine.frames) frames of \(Units.formatSize(Int64(machine.pageSize))) are more physical "
        + "memory than memgo serve allocates (at most \(Units.formatSize(Int64(maximumPhysicalMemory))))"
    }
    return nil
  }

  /// The session of a server for `machine`, with room for `maximumProcesses` processes at once,
  /// swapping to `swapPath` (removed at the end when `removeSwap`), at most `swapSlots` pages,
  /// recording page accesses to `recordPath` if given.
  public static func session(
    machine: MachineConfig, maximumProcesses: Int, swapPath: String, removeSwap: Bool, swapSlots: Int,
    recordPath: String?, seed: UInt64
  ) throws(ServerError) -> RequestHandler {
    if let refusal = refusal(of: machine) { throw .configuration(refusal) }
    let swap = try SwapFile(path: swapPath, pageSize: machine.pageSize, capacity: swapSlots, removeAtExit: removeSwap)
    var recorder: TraceRecorder?
    if let recordPath {
      do throws(AtomicFile.Error) {
        recorder = try TraceRecorder(path: recordPath)
      } catch {
        throw .io(error.description)
      }
    }
    let builder = Builder(machine: machine, maximumProcesses: maximumProcesses, seed: seed)
    builder.pending.swap = consume swap
    builder.pending.recorder = recorder
    do {
      return try machine.replacement.policy.dispatch(builder)
    } catch {
      preconditionFailure("building a server session throws nothing: \(error)")
    }
  }

  /// The swap file and recorder, handed over to the one session built.
  final class Pending {
    var swap: SwapFile?
    var recorder: TraceRecorder?
  }

  struct Builder: PolicyVisitor {
    let machine: MachineConfig
    let maximumProcesses: Int
    let seed: UInt64
    let pending = Pending()

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) -> RequestHandler {
      machine.replacement.scope == .local ? make(LocalAllocator<Policy>.self) : make(GlobalAllocator<Policy>.self)
    }

    func make<Frames: FrameAllocator>(_ allocator: Frames.Type) -> RequestHandler {
      guard let swap = pending.swap.take() else { preconditionFailure("one session per swap file") }
      var system = ServedOS<Frames>(machine: machine, maximumProcesses: maximumProcesses, swap: swap, seed: seed)
      system.recorder = pending.recorder
      return ServerSession(system: system)
    }
  }
}
