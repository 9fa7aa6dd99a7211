/// Global replacement (`scope: global`): one pool of frames; a fault takes a free frame while there
/// is one, else the policy's victim, whoever owns it (Tanenbaum, *Modern Operating Systems*,
/// §3.5.1). A thin wrapper: every call forwards to `Policy` and inlines away.
struct GlobalAllocator<Policy: ReplacementPolicy>: FrameAllocator {
  static var scope: AllocationScope { .global }
  static var controlsLoad: Bool { false }
  static var needsFuture: Bool { Policy.needsFuture }
  var policy: Policy

  init(frameCount: Int, processCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    policy = Policy(frameCount: frameCount, configuration: configuration, seed: seed)
  }

  @inline(__always) mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    policy.didLoad(frame, reference)
  }

  @inline(__always) mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    policy.didAccess(frame, reference)
  }

  @inline(__always) mutating func decide(for reference: PageReference, freeFrames: Int) -> FrameDecision {
    if freeFrames > 0 { return .takeFree }
    guard let victim = policy.selectVictim(for: reference) else { return .waitForIO }
    return .replace(victim)
  }

  mutating func didFree(_ frame: FrameNumber, process: Int) {
    policy.didFree(frame)
  }

  func invariantViolation() -> String? { policy.invariantViolation() }

  func isCandidate(_ frame: FrameNumber, process: Int) -> Bool { policy.isCandidate(frame) }
}
