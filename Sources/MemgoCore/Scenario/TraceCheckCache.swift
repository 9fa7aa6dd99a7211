/// The outcome of reading each trace file a scenario replays, remembered for one load of the
/// scenario file, so that a sweep of many points reads each trace once rather than once per point.
///
/// Only the loader and the decoders it creates use it, on one thread.
package final class TraceCheckCache {
  /// Whether trace files are read and checked at all: not when the scenario is only rebuilt from a
  /// partial result to merge stored results (`memgo merge` needs no trace file).
  let checksTraces: Bool

  init(checksTraces: Bool = true) { self.checksTraces = checksTraces }

  /// A trace as a process group replays it: the checks depend on the file, the format and the
  /// process's address space.
  struct Key: Hashable {
    var path: String
    var format: TraceFormat
    var addressSpace: Int64?
  }

  /// For each trace read: nil when it is valid, else the problem's message.
  var results: [Key: String?] = [:]
}
