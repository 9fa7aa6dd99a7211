/// `memgo serve --record FILE`: every page access the server handles, as one line of memgo's
/// plain trace format (`R|W ADDRESS SIZE`: the address the access reached and the bytes of the
/// request within its page), so that `memgo trace` and a scenario's `trace` pattern replay the
/// workload real clients made. Whenever the process changes, a comment line `# pid N NAME` says
/// whose accesses follow; replay reads comments as nothing, so a session of one client replays
/// exactly. Written to a temporary file beside FILE and renamed over it when the server stops.
public struct TraceRecorder {
  var pending: AtomicFile.Pending
  var sink: FileSink
  var lastPid = -1
  /// Each pid's process name, for the comment lines.
  var names: [String] = []

  /// Starts recording to `path`.
  public init(path: String) throws(AtomicFile.Error) {
    pending = try AtomicFile.openTemporary(for: path)
    sink = FileSink(descriptor: pending.descriptor)
    sink.append("# memgo serve session: one line per page access (R|W ADDRESS SIZE)\n")
  }

  /// Notes that process `pid` is named `name` (from its spawn).
  mutating func name(pid: Int, _ name: String) {
    if names.count <= pid { names += Array(repeating: "", count: pid + 1 - names.count) }
    names[pid] = name
  }

  /// Records one page access.
  mutating func record(pid: Int, isWrite: Bool, address: Int64, size: Int) {
    if pid != lastPid {
      lastPid = pid
      sink.append("# pid ")
      sink.appendDecimal(Int64(pid))
      sink.append(" ")
      sink.append(string: pid < names.count ? names[pid].filter { $0 != "\n" && $0 != "\r" } : "")
      sink.append("\n")
    }
    sink.append(isWrite ? "W " : "R ")
    sink.appendHex(UInt64(address))
    sink.append(" ")
    sink.appendDecimal(Int64(size))
    sink.append("\n")
    sink.flushIfFull()
  }

  /// Writes out the trace and renames it over its file.
  public mutating func finish() throws(AtomicFile.Error) {
    sink.flush()
    if let failure = sink.failure {
      AtomicFile.abandon(pending)
      throw AtomicFile.Error(path: pending.path, operation: "cannot write", reason: failure)
    }
    try AtomicFile.commit(pending)
  }
}
