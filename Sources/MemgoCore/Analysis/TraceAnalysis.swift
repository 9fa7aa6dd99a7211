/// Trace-driven replacement without timing (`memgo trace`): fault counts, fault rates and dirty
/// evictions for every (policy, memory size) pair, their classification, Belady anomalies, and the
/// LRU miss-ratio curve, all from one read of the trace file.
///
/// The read (`ForwardPass`) parses each line once, expands it into page accesses
/// (`PageAccessStream`) and hands blocks of accesses to every consumer: a `ReplayBank` per policy
/// (one `PolicyReplay` per size), the `MissRatioCurve`, and, when OPT runs, the recorder of the
/// compact page stream. OPT needs each access's next use, so it runs afterwards: a backward pass
/// over the recorded stream computes the next uses, and a forward pass replays OPT at every size
/// (`CompactPageStream`, `FuturePageStream`). Memory is bounded by the distinct pages and the
/// frames, never by the trace length; OPT's scratch files take 8 bytes per page access on disk.
///
/// The loops are generic over the reader and the policy and specialised inside MemgoCore; callers
/// make one non-generic call, `init(path:options:)`.
public struct TraceAnalysis {
  /// The trace file's base name (no directories, so reports do not depend on where it lives).
  public var trace: String
  /// The format the file was read in (never `auto`).
  public var format: TraceFormat
  /// Bytes per page.
  public var pageSize: Int
  /// The seed of the random policy.
  public var seed: UInt64
  /// References read (trace lines that were references), dropped instruction fetches included.
  public var references = 0
  /// Page accesses replayed (a reference touches every page of its span; a modify reads then writes).
  public var accesses = 0
  /// Page accesses that write.
  public var writes = 0
  /// Distinct pages accessed (exact).
  public var distinctPages = 0
  /// Malformed lines skipped (only with `skipBadLines`).
  public var skippedLines = 0
  /// Instruction fetches dropped (only with `noInstructions`).
  public var droppedInstructions = 0
  /// One result per (policy, frames) pair: policies in the order given, sizes in the order given.
  public var results: [TracePolicyResult] = []
  /// Whether `results` carry a classification.
  public var classified = false
  /// The sizes where a policy faults more with more frames (`BeladyAnomaly.scan(results)`).
  public var anomalies: [BeladyAnomaly] = []
  /// The LRU miss-ratio curve, when asked for.
  public var curve: MissRatioCurve?

  /// Block length of the batches handed to consumers (accesses).
  static let blockLength = 1 << 12

  /// Reads the trace at `path` once and computes everything `options` asks for.
  /// - Precondition: `options.problem() == nil` (callers validate user input first).
  /// - Throws: `TraceError`: `io` if the trace or a scratch file cannot be read or written,
  ///   `syntax` for an undetectable format, a malformed line, or more distinct pages than OPT's
  ///   encoding holds.
  public init(path: String, options: TraceAnalysisOptions) throws(TraceError) {
    if let problem = options.problem() { preconditionFailure("invalid trace analysis options: \(problem)") }
    trace = TraceAnalysis.baseName(path)
    pageSize = options.pageSize
    seed = options.seed
    let forward: ForwardPass.Output
    do {
      forward = try options.format.withReader(
        path: path, options: options.reader, ForwardPass(path: path, options: options))
    } catch let error as TraceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
    format = forward.format
    references = forward.references
    accesses = forward.accesses
    writes = forward.writes
    distinctPages = forward.distinctPages
    skippedLines = forward.skippedLines
    droppedInstructions = forward.droppedInstructions
    curve = forward.curve

    var counts: [PolicyKind: [ReplayCounts]] = [:]
    for (policy, list) in forward.counts { counts[policy] = list }
    if let recorded = forward.recorded {
      counts[.opt] = try TraceAnalysis.replayOPT(recorded, sizes: options.frames, options: options)
    }
    classified = options.classify && !options.frames.isEmpty
    for policy in options.policies {
      guard let list = counts[policy] else { continue }
      for (i, replay) in list.enumerated() {
        var result = TracePolicyResult(
          policy: policy, frames: replay.frames, faults: replay.faults,
          faultRate: accesses == 0 ? 0 : Double(replay.faults) / Double(accesses), evictions: replay.evictions,
          dirtyEvictions: replay.dirtyEvictions)
        if classified, let opt = counts[.opt]?[i] {
          result.classification = FaultClassification(
            faults: replay.faults, optFaults: opt.faults, distinctPages: Int64(distinctPages))
        }
        results.append(result)
      }
    }
    anomalies = BeladyAnomaly.scan(results)
  }

  /// The last path component of `path` (`a/b/c.trace` → `c.trace`); `path` itself if it has none.
  static func baseName(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    if let slash = trimmed.lastIndex(of: "/"), trimmed.index(after: slash) < trimmed.endIndex {
      return String(trimmed[trimmed.index(after: slash)...])
    }
    return String(trimmed)
  }

  // MARK: - OPT

  /// Runs the backward pass over the recorded stream, then replays OPT at every size.
  static func replayOPT(_ recorded: consuming CompactPageStream, sizes: [Int], options: TraceAnalysisOptions)
    throws(TraceError) -> [ReplayCounts]
  {
    var future = try recorded.nextUses(directory: options.temporaryDirectory)
    var bank = ReplayBank<OPTPolicy>(kind: .opt, sizes: sizes, configuration: options.replacement, seed: options.seed)
    let block = UnsafeMutableBufferPointer<FutureAccess>.allocate(capacity: blockLength)
    defer { block.deallocate() }
    while true {
      var n = 0
      while n < blockLength, let access = try future.next() {
        block[n] = access
        n += 1
      }
      if n == 0 { break }
      bank.consume(UnsafeBufferPointer(rebasing: block[0..<n]))
    }
    return bank.replayCounts.counts
  }
}
