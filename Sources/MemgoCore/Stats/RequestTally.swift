/// The counts of one request in progress, added to its group's `RunTally` when the request
/// completes after warmup. Plain integers only, so that the per-access path stays cheap.
struct RequestTally {
  var accesses: Int64 = 0
  var tlbHits: Int64 = 0
  var tlbMisses: Int64 = 0
  var pageWalks: Int64 = 0
  var pteReads: Int64 = 0
  var walkCacheHits: Int64 = 0
  var majorFaults: Int64 = 0
  var minorFaults: Int64 = 0
  var evictions: Int64 = 0
  var dirtyEvictions: Int64 = 0
  var diskReads: Int64 = 0
  var diskWrites: Int64 = 0
  var diskWait: Int64 = 0

  /// Adds this request's counts to `tally`; `isWrite` decides whether its accesses are writes.
  @inline(__always)
  func add(to tally: inout RunTally, isWrite: Bool, bytes: Int64, latency: Int64) {
    tally.requests += 1
    tally.accesses += accesses
    if isWrite { tally.writes += accesses } else { tally.reads += accesses }
    tally.bytes += bytes
    tally.tlbHits += tlbHits
    tally.tlbMisses += tlbMisses
    tally.pageWalks += pageWalks
    tally.pteReads += pteReads
    tally.walkCacheHits += walkCacheHits
    tally.majorFaults += majorFaults
    tally.minorFaults += minorFaults
    tally.evictions += evictions
    tally.dirtyEvictions += dirtyEvictions
    tally.diskReads += diskReads
    tally.diskWrites += diskWrites
    tally.diskWaitSum += Double(diskWait)
    tally.latencySum += Double(latency)
    tally.latency.record(latency)
  }
}
