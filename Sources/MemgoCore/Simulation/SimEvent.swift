/// What a scheduled event does; every event concerns one process.
public enum EventKind: UInt8, Sendable {
  /// The process starts (at its group's `start`).
  case start
  /// The process has finished thinking and issues its next request.
  case thinkDone
  /// The process continues its current request (its next page access) at this time.
  case resume
  /// A CPU has been given to the process.
  case cpuGranted
  /// The process's disk operation has completed.
  case diskDone
  /// A frame may have become available to the process, which waits for one.
  case frameAvailable
  /// The process, which waited for its frame quota, is admitted and starts.
  case admitted
  /// The process, suspended by the load controller, resumes and retries its access.
  case unsuspended
}

/// A scheduled event: a kind and the process it concerns. Eight bytes, no references.
public struct SimEvent: Sendable {
  public var kind: EventKind
  public var process: Int32
  public init(_ kind: EventKind, process: Int32) {
    self.kind = kind
    self.process = process
  }
}
