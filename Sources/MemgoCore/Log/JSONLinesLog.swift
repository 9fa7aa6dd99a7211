/// The event log of `--log`: one JSON object per line for every page access and every fault,
/// eviction and disk operation (SPEC, "Event log").
///
/// An access line is written when the access completes and holds `t` (ns, when it began), `pid`,
/// `process` (its group's name), `op` (`read`/`write`), `va`, `vpn`, `tlb` (`hit`/`miss` of the
/// first lookup, `null` on a machine without TLB), `ptes` (the entries the last walk read, root first: `level`, `address`, `value`;
/// empty on a TLB hit), `fault`
/// (`null`, `minor`, `major`), `victim` (`pid`, `vpn`, `pfn`, `dirty`, or `null`), `pfn`, `pa` and
/// `latency` (ns). Fault, eviction and disk lines carry `op` = `fault`, `evict`, `diskRead` or
/// `diskWrite`. Addresses and page numbers are hex strings.
public struct JSONLinesLog: EventLog {
  public static var isEnabled: Bool { true }

  /// What is known so far about each process's current access.
  struct PendingAccess {
    var start = SimTime.zero
    var va: Int64 = 0
    var vpn: Int64 = 0
    var isWrite = false
    var tlb: UInt8 = 0  // 0 no lookup (no TLB), 1 hit, 2 miss
    var ptes: [(level: Int, address: UInt64, value: UInt64)] = []
    var fault: UInt8 = 0  // 0 none, 1 minor, 2 major
    var victim: (pid: Int, vpn: Int64, frame: Int, dirty: Bool)?
  }

  /// The output.
  public var sink: FileSink
  let processNames: [String]
  var pending: [PendingAccess]

  /// Creates a log writing to `sink`; `processNames[pid]` is each process's group name.
  public init(sink: FileSink, processNames: [String]) {
    self.sink = sink
    self.processNames = processNames
    pending = Array(repeating: PendingAccess(), count: processNames.count)
  }

  public mutating func beginAccess(pid: Int, time: SimTime, va: Int64, vpn: Int64, isWrite: Bool) {
    pending[pid].start = time
    pending[pid].va = va
    pending[pid].vpn = vpn
    pending[pid].isWrite = isWrite
    pending[pid].ptes.removeAll(keepingCapacity: true)
    pending[pid].fault = 0
    pending[pid].victim = nil
    pending[pid].tlb = 0
  }

  public mutating func tlbLookup(pid: Int, hit: Bool) { pending[pid].tlb = hit ? 1 : 2 }

  public mutating func beginWalk(pid: Int) { pending[pid].ptes.removeAll(keepingCapacity: true) }

  public mutating func pageTableEntry(pid: Int, level: Int, address: UInt64, value: UInt64) {
    pending[pid].ptes.append((level, address, value))
  }

  public mutating func fault(pid: Int, time: SimTime, vpn: Int64, major: Bool) {
    pending[pid].fault = major ? 2 : 1
    beginLine(time: time, pid: pid, op: "fault")
    sink.append(",\"vpn\":\"")
    sink.appendHex(UInt64(vpn))
    sink.append("\",\"fault\":")
    sink.append(major ? "\"major\"" : "\"minor\"")
    endLine()
  }

  public mutating func evict(pid: Int, time: SimTime, victimPid: Int, victimVPN: Int64, frame: Int, dirty: Bool) {
    pending[pid].victim = (victimPid, victimVPN, frame, dirty)
    beginLine(time: time, pid: pid, op: "evict")
    sink.append(",\"victim\":")
    appendVictim(pid: victimPid, vpn: victimVPN, frame: frame, dirty: dirty)
    endLine()
  }

  public mutating func disk(
    pid: Int, time: SimTime, isWrite: Bool, vpn: Int64, frame: Int, wait: SimTime, service: SimTime
  ) {
    beginLine(time: time, pid: pid, op: isWrite ? "diskWrite" : "diskRead")
    sink.append(",\"vpn\":\"")
    sink.appendHex(UInt64(vpn))
    sink.append("\",\"pfn\":\"")
    sink.appendHex(UInt64(frame))
    sink.append("\",\"wait\":")
    sink.appendNanoseconds(wait.picoseconds)
    sink.append(",\"service\":")
    sink.appendNanoseconds(service.picoseconds)
    endLine()
  }

  public mutating func endAccess(pid: Int, time: SimTime, frame: Int, physicalAddress: UInt64) {
    let access = pending[pid]
    beginLine(time: access.start, pid: pid, op: access.isWrite ? "write" : "read")
    sink.append(",\"va\":\"")
    sink.appendHex(UInt64(access.va))
    sink.append("\",\"vpn\":\"")
    sink.appendHex(UInt64(access.vpn))
    sink.append("\",\"tlb\":")
    sink.append(access.tlb == 0 ? "null" : access.tlb == 1 ? "\"hit\"" : "\"miss\"")
    sink.append(",\"ptes\":[")
    for (i, pte) in access.ptes.enumerated() {
      if i > 0 { sink.append(UInt8(ascii: ",")) }
      sink.append("{\"level\":")
      sink.appendDecimal(Int64(pte.level))
      sink.append(",\"address\":\"")
      sink.appendHex(pte.address)
      sink.append("\",\"value\":\"")
      sink.appendHex(pte.value)
      sink.append("\"}")
    }
    sink.append("],\"fault\":")
    switch access.fault {
    case 1: sink.append("\"minor\"")
    case 2: sink.append("\"major\"")
    default: sink.append("null")
    }
    sink.append(",\"victim\":")
    if let v = access.victim {
      appendVictim(pid: v.pid, vpn: v.vpn, frame: v.frame, dirty: v.dirty)
    } else {
      sink.append("null")
    }
    sink.append(",\"pfn\":\"")
    sink.appendHex(UInt64(frame))
    sink.append("\",\"pa\":\"")
    sink.appendHex(physicalAddress)
    sink.append("\",\"latency\":")
    sink.appendNanoseconds((time - access.start).picoseconds)
    endLine()
  }

  public mutating func finish() { sink.flush() }

  mutating func beginLine(time: SimTime, pid: Int, op: StaticString) {
    sink.append("{\"t\":")
    sink.appendNanoseconds(time.picoseconds)
    sink.append(",\"pid\":")
    sink.appendDecimal(Int64(pid))
    sink.append(",\"process\":")
    appendJSONString(processNames[pid])
    sink.append(",\"op\":\"")
    sink.append(op)
    sink.append(UInt8(ascii: "\""))
  }

  mutating func endLine() {
    sink.append("}\n")
    sink.flushIfFull()
  }

  mutating func appendVictim(pid: Int, vpn: Int64, frame: Int, dirty: Bool) {
    sink.append("{\"pid\":")
    sink.appendDecimal(Int64(pid))
    sink.append(",\"vpn\":\"")
    sink.appendHex(UInt64(vpn))
    sink.append("\",\"pfn\":\"")
    sink.appendHex(UInt64(frame))
    sink.append("\",\"dirty\":")
    sink.append(dirty ? "true" : "false")
    sink.append(UInt8(ascii: "}"))
  }

  mutating func appendJSONString(_ text: String) {
    sink.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\""): sink.append("\\\"")
      case UInt8(ascii: "\\"): sink.append("\\\\")
      case 0..<0x20:
        sink.append("\\u00")
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        sink.append(hex[Int(byte >> 4)])
        sink.append(hex[Int(byte & 0xF)])
      default: sink.append(byte)
      }
    }
    sink.append(UInt8(ascii: "\""))
  }
}
