/// Range checks and a readable summary of the replacement parameters.
extension ReplacementConfig {
  /// Valid values of `agingBits`.
  public static let agingBitsRange = 1...64
  /// Valid values of `twoQKin`.
  public static let twoQKinRange: ClosedRange<Double> = 0...1
  /// Valid values of `twoQKout`.
  public static let twoQKoutRange: ClosedRange<Double> = 0...4
  /// Valid values of `s3fifoSmallFraction`.
  public static let s3fifoSmallFractionRange: ClosedRange<Double> = 0...1
  /// Valid values of `lirsHIRFraction`.
  public static let lirsHIRFractionRange: ClosedRange<Double> = 0...1
  /// Valid values of `clockproColdMinimum`.
  public static let clockproColdMinimumRange: ClosedRange<Double> = 0...0.5
  /// Valid values of `tau` (references).
  public static let tauRange: ClosedRange<Int64> = 1...1_000_000_000_000

  /// The parameters whose values are out of range, as (key under `machine.replacement`, message)
  /// pairs; the message says what is wrong, then what is expected in parentheses. Every parameter
  /// is checked whatever the policy. Empty when all are valid.
  public func validate() -> [(key: String, message: String)] {
    var problems: [(key: String, message: String)] = []
    if !ReplacementConfig.agingBitsRange.contains(agingBits) {
      problems.append(("agingBits", "\(agingBits) is out of range (expected an integer in 1...64)"))
    }
    if let period = agingPeriod, period.picoseconds < 1 {
      problems.append(
        ("agingPeriod", "\(ReplacementConfig.format(period)) is not positive (expected a duration of at least 1ps)"))
    }
    if let tau = wsclockTau, tau.picoseconds < 0 {
      problems.append(("wsclockTau", "\(ReplacementConfig.format(tau)) is negative (expected a duration >= 0)"))
    }
    if !ReplacementConfig.twoQKinRange.contains(twoQKin) {  // also rejects NaN
      problems.append(("twoQKin", "\(twoQKin) is out of range (expected a fraction of the frames in 0...1)"))
    }
    if !ReplacementConfig.twoQKoutRange.contains(twoQKout) {
      problems.append(("twoQKout", "\(twoQKout) is out of range (expected a fraction of the frames in 0...4)"))
    }
    if !ReplacementConfig.s3fifoSmallFractionRange.contains(s3fifoSmallFraction) {  // also rejects NaN
      problems.append(
        ("s3fifoSmallFraction", "\(s3fifoSmallFraction) is out of range (expected a fraction of the frames in 0...1)"))
    }
    if !ReplacementConfig.lirsHIRFractionRange.contains(lirsHIRFraction) {  // also rejects NaN
      problems.append(
        ("lirsHIRFraction", "\(lirsHIRFraction) is out of range (expected a fraction of the frames in 0...1)"))
    }
    if !ReplacementConfig.clockproColdMinimumRange.contains(clockproColdMinimum) {  // also rejects NaN
      problems.append(
        ("clockproColdMinimum", "\(clockproColdMinimum) is out of range (expected a fraction of the frames in 0...0.5)")
      )
    }
    if case .frames(let quota) = frameQuota, quota < 1 {
      problems.append(("frameQuota", "\(quota) is out of range (expected at least 1 frame, or \"equal\")"))
    }
    if !ReplacementConfig.tauRange.contains(tau) {
      problems.append(("tau", "\(tau) is out of range (expected a number of references in 1...10^12)"))
    }
    let rates = [("pffUpper", pffUpper), ("pffLower", pffLower)]
    for (key, rate) in rates where !(rate > 0 && rate <= 1) {  // also rejects NaN
      problems.append((key, "\(rate) is out of range (expected a fault rate 0 < \(key) <= 1)"))
    }
    if pffLower > pffUpper && rates.allSatisfy({ $0.1 > 0 && $0.1 <= 1 }) {
      problems.append(("pffLower", "\(pffLower) is above pffUpper (\(pffUpper)) (expected pffLower <= pffUpper)"))
    }
    return problems
  }

  /// Whether runs need the future reference stream: the policy needs it (OPT) and the scope runs
  /// the policy (`global` and `local`; `workingset` and `pff` choose pages by their own rules).
  public var needsFuture: Bool { policy.needsFuture && !scope.controlsLoad }

  /// The policy and the parameters that matter to it, as (key, value) pairs in a fixed order, for
  /// reports: `policy` first, then e.g. `agingBits`, `agingPeriod`. Automatic times read `auto`.
  /// A scope other than `global` follows with its own parameters (`scope`, then `frameQuota`, `tau`
  /// or `pffUpper` and `pffLower`); `workingset` and `pff` choose pages by their own rules, so
  /// they list no policy parameters.
  public var parameters: [(key: String, value: String)] {
    var list: [(key: String, value: String)] = [("policy", policy.rawValue)]
    switch scope {
    case .global: list += policyParameters
    case .local: list += policyParameters + [("scope", "local"), ("frameQuota", frameQuota.description)]
    case .workingset: list += [("scope", "workingset"), ("tau", "\(tau)")]
    case .pff: list += [("scope", "pff"), ("pffUpper", "\(pffUpper)"), ("pffLower", "\(pffLower)")]
    }
    return list
  }

  /// The parameters of the policy itself, without its name.
  var policyParameters: [(key: String, value: String)] {
    var list: [(key: String, value: String)] = []
    switch policy {
    case .clock, .nru, .mglru:
      list.append(("referenceOnLoad", "\(referenceOnLoad)"))
    case .aging:
      list.append(("referenceOnLoad", "\(referenceOnLoad)"))
      list.append(("agingBits", "\(agingBits)"))
      list.append(("agingPeriod", agingPeriod.map(ReplacementConfig.format) ?? "auto"))
    case .wsclock:
      list.append(("referenceOnLoad", "\(referenceOnLoad)"))
      list.append(("wsclockTau", wsclockTau.map(ReplacementConfig.format) ?? "auto"))
    case .twoQ:
      list.append(("twoQKin", "\(twoQKin)"))
      list.append(("twoQKout", "\(twoQKout)"))
    case .s3fifo:
      list.append(("s3fifoSmallFraction", "\(s3fifoSmallFraction)"))
    case .lirs:
      list.append(("lirsHIRFraction", "\(lirsHIRFraction)"))
    case .clockpro:
      list.append(("clockproColdMinimum", "\(clockproColdMinimum)"))
    case .fifo, .lru, .lfu, .random, .arc, .sieve, .opt:
      break
    }
    return list
  }

  /// One line naming the policy and its relevant parameters, e.g.
  /// `aging (referenceOnLoad=true, agingBits=8, agingPeriod=auto)` or `lru`.
  public var parameterDescription: String {
    let rest = parameters.dropFirst().map { "\($0.key)=\($0.value)" }
    return rest.isEmpty ? policy.rawValue : "\(policy.rawValue) (\(rest.joined(separator: ", ")))"
  }

  /// A duration in the largest unit that expresses it exactly (`1ms`, `1500us`, `7ps`).
  static func format(_ time: SimTime) -> String {
    let ps = time.picoseconds
    if ps == 0 { return "0ps" }
    for (unit, size) in [("s", Int64(1_000_000_000_000)), ("ms", 1_000_000_000), ("us", 1_000_000), ("ns", 1_000)]
    where ps % size == 0 {
      return "\(ps / size)\(unit)"
    }
    return "\(ps)ps"
  }
}
