/// What `memgo trace` computes from a trace file: which policies at which memory sizes, whether to
/// classify their faults, and whether to build the LRU miss-ratio curve.
public struct TraceAnalysisOptions: Sendable {
  /// The most frames all replays together may hold (2^22 = 4,194,304): each replay allocates its
  /// frames up front, about 100 bytes each for LRU and FIFO and up to 450 for ARC (measured), so
  /// this bounds the replays' memory at about 0.4 to 2 GB.
  public static let maximumTotalFrames = 1 << 22

  /// The trace's format (`auto` detects it from the first lines).
  public var format: TraceFormat
  /// How the reader treats bad lines, line lengths and buffering.
  public var reader: TraceReaderOptions
  /// Bytes per page, a power of two.
  public var pageSize: Int
  /// Whether instruction fetches are dropped (`--no-instructions`).
  public var noInstructions: Bool
  /// The policies to replay, in output order, without repeats.
  public var policies: [PolicyKind]
  /// The memory sizes in frames to replay each policy at, in output order, without repeats; each
  /// at least 1.
  public var frames: [Int]
  /// Policy parameters (the policy field is ignored: each replay sets its own).
  public var replacement: ReplacementConfig
  /// The seed of policies that draw random numbers (`random`).
  public var seed: UInt64
  /// Whether to split every policy's faults into compulsory, capacity and policy faults, which
  /// runs OPT at every size.
  public var classify: Bool
  /// The sampler of the LRU miss-ratio curve (`everyPage` for an exact curve), or nil for no curve.
  public var curveSampler: SpatialSampler?
  /// Where OPT's scratch files go; nil means `$TMPDIR`, else `/tmp`.
  public var temporaryDirectory: String?
  /// Threads for the read: 2 reads and parses on a second thread while this one replays
  /// (`PageBlockPipeline`); 1 does both here. Results are the same either way.
  public var threads: Int = 2

  public init(
    format: TraceFormat = .auto, reader: TraceReaderOptions = TraceReaderOptions(), pageSize: Int = 4096,
    noInstructions: Bool = false, policies: [PolicyKind] = [.lru], frames: [Int] = [],
    replacement: ReplacementConfig = ReplacementConfig(), seed: UInt64 = 1, classify: Bool = true,
    curveSampler: SpatialSampler? = nil, temporaryDirectory: String? = nil
  ) {
    self.format = format
    self.reader = reader
    self.pageSize = pageSize
    self.noInstructions = noInstructions
    self.policies = policies
    self.frames = frames
    self.replacement = replacement
    self.seed = seed
    self.classify = classify
    self.curveSampler = curveSampler
    self.temporaryDirectory = temporaryDirectory
  }

  /// Whether OPT runs: it was asked for, or classification needs it, at some size.
  public var runsOPT: Bool { !frames.isEmpty && (classify || policies.contains(.opt)) }

  /// The policies replayed during the read of the trace (all but OPT, which needs its own passes).
  var forwardPolicies: [PolicyKind] { frames.isEmpty ? [] : policies.filter { $0 != .opt } }

  /// The frames held by all replays together, OPT's included, saturating at `Int.max`.
  public var totalFrames: Int {
    var perSet = 0
    for size in frames {
      let (sum, overflow) = perSet.addingReportingOverflow(size)
      if overflow { return .max }
      perSet = sum
    }
    let replaySets = forwardPolicies.count + (runsOPT ? 1 : 0)
    let (total, overflow) = perSet.multipliedReportingOverflow(by: replaySets)
    return overflow ? .max : total
  }

  /// What is wrong with these options, or nil if they are valid: the page size, the sizes, repeats,
  /// and `maximumTotalFrames`. Each message says what is expected.
  public func problem() -> String? {
    if PageSpan.pageShift(forPageSize: pageSize) == nil {
      return "page size \(pageSize) is not a power of two (expected 1B, 2B, 4B, ..., e.g. 4KiB)"
    }
    if let bad = frames.first(where: { $0 < 1 }) {
      return "frames \(bad) is not positive (expected memory sizes of at least 1 frame)"
    }
    if Set(frames).count != frames.count { return "frames are repeated (expected each size once)" }
    if Set(policies).count != policies.count { return "policies are repeated (expected each policy once)" }
    if totalFrames > TraceAnalysisOptions.maximumTotalFrames {
      let total = totalFrames == .max ? "more than 2^63" : "\(totalFrames)"
      return "the replays would hold \(total) frames in all (expected at most "
        + "\(TraceAnalysisOptions.maximumTotalFrames) = 2^22: fewer or smaller sizes, fewer policies, "
        + "or --mrc for LRU at every size)"
    }
    return nil
  }
}
