/// The open traces of a run's trace-driven processes, one reader per process (the `count`
/// processes of a group each replay the whole trace from its start).
enum ProcessTraces {
  /// Each process's reader, in process order (nil for a process that replays no trace).
  /// - Throws: `TraceError`: `io` if a trace validated when the scenario was loaded can no longer
  ///   be opened, `syntax` if its format can no longer be detected.
  static func open(_ scenario: Scenario) throws(TraceError) -> [AnyTraceReader?] {
    var readers: [AnyTraceReader?] = []
    for group in scenario.processes {
      guard case .trace(let path, let format) = group.access else {
        readers += repeatElement(nil, count: group.count)
        continue
      }
      for _ in 0..<group.count { readers.append(try AnyTraceReader(path: path, format: format)) }
    }
    return readers
  }
}
