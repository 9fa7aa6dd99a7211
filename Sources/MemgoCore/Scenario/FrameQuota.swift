/// How many frames each process owns under `scope: local` (`machine.replacement.frameQuota`).
public enum FrameQuota: Sendable, Equatable, CustomStringConvertible {
  /// The frames divided equally among every process of the scenario, rounded down, at least 1.
  case equal
  /// This many frames per process.
  case frames(Int)

  /// The quota in frames on a machine of `frameCount` frames shared by `processCount` processes.
  public func frames(frameCount: Int, processCount: Int) -> Int {
    switch self {
    case .equal: return max(1, frameCount / max(1, processCount))
    case .frames(let n): return n
    }
  }

  /// `equal` or the number, as written in a scenario.
  public var description: String {
    switch self {
    case .equal: return "equal"
    case .frames(let n): return "\(n)"
    }
  }
}
