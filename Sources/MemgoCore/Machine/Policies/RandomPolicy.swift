/// Random replacement: the victim is drawn uniformly from the resident pages (Belady, "A study of
/// replacement algorithms for a virtual-storage computer", IBM Systems Journal 1966, where RAND is
/// the baseline).
///
/// The draws come from a `Xoshiro256StarStar` seeded from the run's `seed` mixed with a constant
/// of this policy's own, so the stream is independent of the workload's and the same seed gives the
/// same victims; `nextInt(below:)` draws indices without bias. No parameters.
///
/// Resident frames sit in a dense array with a position index, so a draw, a load and a removal are
/// O(1).
public struct RandomPolicy: ReplacementPolicy {
  /// Distinguishes this policy's stream from others derived from the same seed.
  static let streamTag: UInt64 = 0x5241_4E44_4F4D_5250  // "RANDOMRP"

  var members: [Int32] = []
  /// Each frame's index in `members`, or -1.
  var position: [Int32]
  var generator: Xoshiro256StarStar

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    members.reserveCapacity(frameCount)
    position = Array(repeating: -1, count: frameCount)
    generator = Xoshiro256StarStar(seed: seed ^ RandomPolicy.streamTag)
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    precondition(position[frame.index] < 0, "frame \(frame) is already listed")
    position[frame.index] = Int32(members.count)
    members.append(frame.rawValue)
  }

  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {}

  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard !members.isEmpty else { return nil }
    let victim = FrameNumber(members[Int(generator.nextInt(below: Int64(members.count)))])
    didFree(victim)
    return victim
  }

  public mutating func didFree(_ frame: FrameNumber) {
    let p = position[frame.index]
    guard p >= 0 else { return }
    let last = members.removeLast()
    if last != frame.rawValue {
      members[Int(p)] = last
      position[Int(last)] = p
    }
    position[frame.index] = -1
  }

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): each member's
  /// position points back to it and no other frame has one.
  public func invariantViolation() -> String? {
    for (i, f) in members.enumerated() where position[Int(f)] != Int32(i) {
      return "member \(i) is frame \(f), whose position is \(position[Int(f)])"
    }
    let placed = position.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) }
    return placed == members.count ? nil : "\(placed) frames have a position, \(members.count) are members"
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { position[frame.index] >= 0 }
}
