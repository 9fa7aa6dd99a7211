/// One column of an explain table: a reference, whether it faulted, the frames after it, the victim.
public struct ExplainStep: Sendable, Equatable {
  /// The reference.
  public var reference: ExplainReference
  /// Whether it faulted (cold faults included).
  public var fault: Bool
  /// The page in each frame slot after the reference, in slot order; `nil` for an empty frame.
  public var frames: [Int64?]
  /// The page evicted to make room, if any.
  public var victim: Int64?

  /// Creates a step.
  public init(reference: ExplainReference, fault: Bool, frames: [Int64?], victim: Int64?) {
    self.reference = reference
    self.fault = fault
    self.frames = frames
    self.victim = victim
  }
}

/// A short reference string run step by step through one policy, as operating-systems textbooks
/// draw it (Silberschatz, Galvin and Gagne, *Operating System Concepts*, 10th ed., §10.4): what
/// `memgo explain` prints, as a table (`table()`), a Markdown table (`markdown()`) or JSON (`json()`).
///
/// Frames start empty and cold faults count. Pages are virtual pages of process 0
/// (`PageKey(process: 0, vpn: page)`); the run is a `PolicyReplay`, so reference i happens at time
/// i (time-based parameters count references), and OPT sees each reference's next use.
public struct ExplainResult: Sendable, Equatable {
  /// The most frames an explain table may have.
  public static let frameLimit = 64
  /// The most references an explain table may have.
  public static let referenceLimit = 10_000

  /// The policy.
  public var policy: PolicyKind
  /// The policy and its relevant parameters (`ReplacementConfig.parameterDescription`).
  public var parameters: String
  /// The number of frames.
  public var frames: Int
  /// One step per reference, in order.
  public var steps: [ExplainStep]
  /// References that faulted.
  public var faults: Int
  /// References that hit.
  public var hits: Int

  /// Creates a result from its steps, counting faults and hits.
  public init(policy: PolicyKind, parameters: String, frames: Int, steps: [ExplainStep]) {
    self.policy = policy
    self.parameters = parameters
    self.frames = frames
    self.steps = steps
    faults = steps.count { $0.fault }
    hits = steps.count - faults
  }

  /// The references, in order.
  public var references: [ExplainReference] { steps.map(\.reference) }

  /// faults / references (0 for an empty string).
  public var faultRate: Double { steps.isEmpty ? 0 : Double(faults) / Double(steps.count) }

  /// The fault rate as a percentage with two decimals, rounded half up (`60.00%`), computed exactly.
  public var faultPercentage: String {
    guard !steps.isEmpty else { return "0.00%" }
    let n = steps.count
    let hundredths = (faults * 20_000 + n) / (2 * n)
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
  }

  /// Runs `references` through `configuration.policy` on `frames` frames; `seed` feeds Random.
  ///
  /// - Throws: `ExplainError` if `frames` is outside 1...`frameLimit`, there are more than
  ///   `referenceLimit` references, or a parameter of `configuration` is out of range.
  public static func run(
    _ references: [ExplainReference], frames: Int, configuration: ReplacementConfig, seed: UInt64 = 1
  ) throws -> ExplainResult {
    guard frames >= 1 && frames <= frameLimit else {
      throw ExplainError("frames: \(frames) is out of range (expected a number of frames in 1...\(frameLimit))")
    }
    guard references.count <= referenceLimit else {
      throw ExplainError("refs: \(references.count) references are too many (expected at most \(referenceLimit))")
    }
    if let problem = configuration.validate().first {
      throw ExplainError("\(problem.key): \(problem.message)")
    }
    for r in references where r.page < 0 || r.page > ExplainReference.maximumPage {
      throw ExplainError("refs: \(r.page) is not a page number (expected 0...\(ExplainReference.maximumPage))")
    }
    let runner = Runner(references: references, frames: frames, configuration: configuration, seed: seed)
    let steps = try configuration.policy.dispatch(runner)
    return ExplainResult(
      policy: configuration.policy, parameters: configuration.parameterDescription, frames: frames, steps: steps)
  }

  /// Runs `references` through `policy` with default parameters.
  public static func run(
    _ references: [ExplainReference], frames: Int, policy: PolicyKind, seed: UInt64 = 1
  ) throws -> ExplainResult {
    try run(references, frames: frames, configuration: ReplacementConfig(policy: policy), seed: seed)
  }

  /// The replay, specialised for the chosen policy.
  private struct Runner: PolicyVisitor {
    let references: [ExplainReference]
    let frames: Int
    let configuration: ReplacementConfig
    let seed: UInt64

    func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws -> [ExplainStep] {
      let pages = references.map { PageKey(process: 0, vpn: $0.page) }
      let nextUses = NextUse.indices(for: pages)
      var replay = PolicyReplay<Policy>(frames: frames, configuration: configuration, seed: seed)
      var steps: [ExplainStep] = []
      steps.reserveCapacity(references.count)
      for (i, reference) in references.enumerated() {
        let step = replay.reference(pages[i], isWrite: reference.isWrite, nextUse: nextUses[i])
        let contents = (0..<frames).map { replay.page(in: FrameNumber($0))?.vpn }
        steps.append(
          ExplainStep(reference: reference, fault: step.fault, frames: contents, victim: step.victim?.vpn))
      }
      return steps
    }
  }
}
