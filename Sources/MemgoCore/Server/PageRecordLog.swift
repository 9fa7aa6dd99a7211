/// What the server answers about one page a request touched: the fields of the event log's
/// access line (README, "Event log").
public struct PageRecord: Sendable, Equatable {
  public var va: Int64 = 0
  public var vpn: Int64 = 0
  /// The first TLB lookup: nil on a machine without TLB.
  public var tlbHit: Bool?
  /// The page-table entries the last walk read, root first (empty on a TLB hit).
  public var ptes: [(level: Int, address: UInt64, value: UInt64)] = []
  /// nil, or whether the fault read the page from disk.
  public var majorFault: Bool?
  public var victim: (pid: Int, vpn: Int64, frame: Int, dirty: Bool)?
  public var frame = 0
  public var physicalAddress: UInt64 = 0
  /// Picoseconds from the access's start to its end, by the machine's latency model.
  public var latency: Int64 = 0
  var start = SimTime.zero

  public static func == (a: PageRecord, b: PageRecord) -> Bool {
    a.va == b.va && a.vpn == b.vpn && a.tlbHit == b.tlbHit && a.ptes.elementsEqual(b.ptes, by: { $0 == $1 })
      && a.majorFault == b.majorFault && a.victim.map { [$0.pid, Int($0.vpn), $0.frame] } == b.victim.map {
        [$0.pid, Int($0.vpn), $0.frame]
      } && a.victim?.dirty == b.victim?.dirty && a.frame == b.frame && a.physicalAddress == b.physicalAddress
      && a.latency == b.latency
  }
}

/// The event log of `memgo serve`: keeps the record of each page access of the request being
/// served, which the response returns (`take()`), and the victim of the last eviction, whose
/// bytes the server writes to swap. Requests are served one at a time, so one record is open.
struct PageRecordLog: EventLog {
  static var isEnabled: Bool { true }
  var current = PageRecord()
  var completed: [PageRecord] = []

  mutating func beginAccess(pid: Int, time: SimTime, va: Int64, vpn: Int64, isWrite: Bool) {
    current = PageRecord()
    current.va = va
    current.vpn = vpn
    current.start = time
  }
  mutating func tlbLookup(pid: Int, hit: Bool) { current.tlbHit = hit }
  mutating func beginWalk(pid: Int) { current.ptes.removeAll(keepingCapacity: true) }
  mutating func pageTableEntry(pid: Int, level: Int, address: UInt64, value: UInt64) {
    current.ptes.append((level, address, value))
  }
  mutating func fault(pid: Int, time: SimTime, vpn: Int64, major: Bool) { current.majorFault = major }
  mutating func evict(pid: Int, time: SimTime, victimPid: Int, victimVPN: Int64, frame: Int, dirty: Bool) {
    current.victim = (victimPid, victimVPN, frame, dirty)
  }
  mutating func disk(pid: Int, time: SimTime, isWrite: Bool, vpn: Int64, frame: Int, wait: SimTime, service: SimTime) {}
  mutating func endAccess(pid: Int, time: SimTime, frame: Int, physicalAddress: UInt64) {
    current.frame = frame
    current.physicalAddress = physicalAddress
    current.latency = (time - current.start).picoseconds
    completed.append(current)
  }
  mutating func finish() {}

  /// The records of the accesses completed since the last call.
  mutating func take() -> [PageRecord] {
    defer { completed.removeAll(keepingCapacity: true) }
    return completed
  }
}
