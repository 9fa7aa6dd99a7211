/// Generic code to run with the concrete policy type a `PolicyKind` names.
///
/// Swift closures cannot be generic, so callers that need `Simulator<Policy>` specialised for the
/// chosen policy implement this protocol; `PolicyKind.dispatch` is the one `switch` over policies.
public protocol PolicyVisitor {
  associatedtype Output
  /// Runs the caller's generic code with `Policy`.
  func visit<Policy: ReplacementPolicy>(_ policy: Policy.Type) throws -> Output
}

extension PolicyKind {
  /// Calls `visitor.visit` with the policy type this kind names.
  public func dispatch<Visitor: PolicyVisitor>(_ visitor: Visitor) throws -> Visitor.Output {
    switch self {
    case .fifo: return try visitor.visit(FIFOPolicy.self)
    case .lru: return try visitor.visit(LRUPolicy.self)
    case .clock: return try visitor.visit(ClockPolicy.self)
    case .nru: return try visitor.visit(NRUPolicy.self)
    case .lfu: return try visitor.visit(LFUPolicy.self)
    case .random: return try visitor.visit(RandomPolicy.self)
    case .aging: return try visitor.visit(AgingPolicy.self)
    case .wsclock: return try visitor.visit(WSClockPolicy.self)
    case .arc: return try visitor.visit(ARCPolicy.self)
    case .twoQ: return try visitor.visit(TwoQPolicy.self)
    case .sieve: return try visitor.visit(SIEVEPolicy.self)
    case .s3fifo: return try visitor.visit(S3FIFOPolicy.self)
    case .lirs: return try visitor.visit(LIRSPolicy.self)
    case .mglru: return try visitor.visit(MGLRUPolicy.self)
    case .clockpro: return try visitor.visit(ClockProPolicy.self)
    case .opt: return try visitor.visit(OPTPolicy.self)
    }
  }
}
