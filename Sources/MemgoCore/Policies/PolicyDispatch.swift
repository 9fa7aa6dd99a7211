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
    }
  }
}
