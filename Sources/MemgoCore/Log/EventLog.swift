/// A sink for the per-access event log (`--log`), called from the simulator's access path.
///
/// The simulator is generic over its log, so with `NoEventLog` every call is an empty inlined
/// function guarded by the static `isEnabled`: a run without a log pays nothing for it.
/// Calls arrive in simulated-time order per process; `beginAccess` … `endAccess` bracket one page
/// access (which may span a fault and its I/O). The TLB result is the access's first lookup; the
/// page-table entries are those of its last walk, the one that found the translation (after a
/// fault, the retry's walk), so the log shows the full path from the root table to the frame.
public protocol EventLog {
  /// Whether the log records anything; checked before building any argument.
  static var isEnabled: Bool { get }
  /// Process `pid` starts accessing page `vpn` (address `va`) at `time`.
  mutating func beginAccess(pid: Int, time: SimTime, va: Int64, vpn: Int64, isWrite: Bool)
  /// The access's first TLB lookup hit or missed.
  mutating func tlbLookup(pid: Int, hit: Bool)
  /// A walk of the access begins (forget the entries of any earlier walk).
  mutating func beginWalk(pid: Int)
  /// The walk read the entry at `address` (value `value`) at `level` (top = levels).
  mutating func pageTableEntry(pid: Int, level: Int, address: UInt64, value: UInt64)
  /// The access faulted at `time`; `major` when the page is read from disk.
  mutating func fault(pid: Int, time: SimTime, vpn: Int64, major: Bool)
  /// To serve `pid`'s fault, `victimPid`'s page `victimVPN` in `frame` was evicted at `time`.
  mutating func evict(pid: Int, time: SimTime, victimPid: Int, victimVPN: Int64, frame: Int, dirty: Bool)
  /// A disk operation for `pid` completed at `time` after waiting `wait` and being served `service`.
  mutating func disk(pid: Int, time: SimTime, isWrite: Bool, vpn: Int64, frame: Int, wait: SimTime, service: SimTime)
  /// The access completed at `time`, reaching physical address `physicalAddress` in `frame`.
  mutating func endAccess(pid: Int, time: SimTime, frame: Int, physicalAddress: UInt64)
  /// The run is over: write out anything buffered.
  mutating func finish()
}

/// The log of a run without `--log`: records nothing and compiles to nothing.
public struct NoEventLog: EventLog {
  public init() {}
  public static var isEnabled: Bool { false }
  @inline(__always) public mutating func beginAccess(pid: Int, time: SimTime, va: Int64, vpn: Int64, isWrite: Bool) {}
  @inline(__always) public mutating func tlbLookup(pid: Int, hit: Bool) {}
  @inline(__always) public mutating func beginWalk(pid: Int) {}
  @inline(__always) public mutating func pageTableEntry(pid: Int, level: Int, address: UInt64, value: UInt64) {}
  @inline(__always) public mutating func fault(pid: Int, time: SimTime, vpn: Int64, major: Bool) {}
  @inline(__always) public mutating func evict(
    pid: Int, time: SimTime, victimPid: Int, victimVPN: Int64, frame: Int, dirty: Bool
  ) {}
  @inline(__always) public mutating func disk(
    pid: Int, time: SimTime, isWrite: Bool, vpn: Int64, frame: Int, wait: SimTime, service: SimTime
  ) {}
  @inline(__always) public mutating func endAccess(pid: Int, time: SimTime, frame: Int, physicalAddress: UInt64) {}
  @inline(__always) public mutating func finish() {}
}
