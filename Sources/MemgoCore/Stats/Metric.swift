/// One report metric: a quantity derived from a run's tally, named by its JSON report key.
///
/// The cases are in the report's order (SPEC.md, "Report"); `rawValue` is the metric's index in
/// that order, so per-metric values live in flat arrays indexed by `rawValue`.
public enum Metric: Int, CaseIterable, Sendable, CustomStringConvertible {
  case requests
  case accesses
  case reads
  case writes
  case bytes
  case tlbHits
  case tlbMisses
  case tlbHitRate
  case pageWalks
  case pteReads
  case faults
  case majorFaults
  case minorFaults
  case faultRate
  case majorFaultRate
  case evictions
  case dirtyEvictions
  case diskReads
  case diskWrites
  case diskUtilization
  case diskWait
  case cpuUtilization
  case simulatedTime
  case throughput
  case accessThroughput
  case bandwidth
  case effectiveAccessTime
  case latencyMean
  case latencyP50
  case latencyP90
  case latencyP99
  case latencyP999
  case latencyMax
  // Appended after SPEC's list, which keeps its order above.
  case contextSwitches
  case tlbFlushes
  case tlbShootdowns
  case walkCacheHits
  case admissionWaits
  case suspensions

  /// The number of metrics.
  public static let count = allCases.count

  /// The metric's index in report order (equal to `rawValue`).
  @inlinable public var index: Int { rawValue }

  /// The metric's key in JSON and CSV reports (`faultRate`).
  public var key: String { Metric.info[rawValue].key }

  /// What the metric's value measures, which fixes how it is printed.
  public var unit: MetricUnit { Metric.info[rawValue].unit }

  /// A short human label, unique among metrics, without the unit (`fault rate`).
  public var label: String { Metric.info[rawValue].label }

  /// The JSON key.
  public var description: String { key }

  /// The metric whose JSON key is `key`, if any.
  public init?(key: String) {
    guard let index = Metric.info.firstIndex(where: { $0.key == key }) else { return nil }
    self.init(rawValue: index)
  }

  // One row per case, in case order (checked by the tests).
  private static let info: [(key: String, unit: MetricUnit, label: String)] = [
    ("requests", .count, "requests"),
    ("accesses", .count, "accesses"),
    ("reads", .count, "reads"),
    ("writes", .count, "writes"),
    ("bytes", .bytes, "bytes"),
    ("tlbHits", .count, "TLB hits"),
    ("tlbMisses", .count, "TLB misses"),
    ("tlbHitRate", .fraction, "TLB hit rate"),
    ("pageWalks", .count, "page walks"),
    ("pteReads", .count, "PTE reads"),
    ("faults", .count, "faults"),
    ("majorFaults", .count, "major faults"),
    ("minorFaults", .count, "minor faults"),
    ("faultRate", .fraction, "fault rate"),
    ("majorFaultRate", .fraction, "major fault rate"),
    ("evictions", .count, "evictions"),
    ("dirtyEvictions", .count, "dirty evictions"),
    ("diskReads", .count, "disk reads"),
    ("diskWrites", .count, "disk writes"),
    ("diskUtilization", .fraction, "disk util"),
    ("diskWait", .seconds, "disk wait"),
    ("cpuUtilization", .fraction, "CPU util"),
    ("simulatedTime", .seconds, "sim time"),
    ("throughput", .perSecond, "throughput"),
    ("accessThroughput", .accessesPerSecond, "access rate"),
    ("bandwidth", .bytesPerSecond, "bandwidth"),
    ("effectiveAccessTime", .seconds, "access time"),
    ("latencyMean", .seconds, "lat mean"),
    ("latencyP50", .seconds, "lat p50"),
    ("latencyP90", .seconds, "lat p90"),
    ("latencyP99", .seconds, "lat p99"),
    ("latencyP999", .seconds, "lat p99.9"),
    ("latencyMax", .seconds, "lat max"),
    ("contextSwitches", .count, "ctx switches"),
    ("tlbFlushes", .count, "TLB flushes"),
    ("tlbShootdowns", .count, "shootdowns"),
    ("walkCacheHits", .count, "walk cache hits"),
    ("admissionWaits", .count, "admission waits"),
    ("suspensions", .count, "suspensions"),
  ]
}

/// What a metric's value measures: its base unit, which renderers scale for display.
public enum MetricUnit: String, CaseIterable, Sendable {
  /// A plain count of events (requests, faults, ...).
  case count
  /// A ratio in [0, 1] (rates and utilizations), shown as a percentage in tables.
  case fraction
  /// A duration in seconds, shown in s, ms, µs or ns in tables.
  case seconds
  /// Requests per simulated second.
  case perSecond
  /// Page accesses per simulated second.
  case accessesPerSecond
  /// Bytes per simulated second.
  case bytesPerSecond
  /// A number of bytes.
  case bytes

  /// The unit's symbol as shown in reports (`req/s`); empty for plain counts; `%` for fractions,
  /// which renderers multiply by 100; `s` for durations, which renderers may rescale.
  public var symbol: String {
    switch self {
    case .count: return ""
    case .fraction: return "%"
    case .seconds: return "s"
    case .perSecond: return "req/s"
    case .accessesPerSecond: return "acc/s"
    case .bytesPerSecond: return "B/s"
    case .bytes: return "B"
    }
  }
}
