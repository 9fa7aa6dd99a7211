/// A point in (or a span of) simulated time, an exact integer count of picoseconds.
///
/// Simulated time is never a `Double`: events at equal times must compare equal, and sums of
/// latencies must not drift. `Int64` picoseconds cover about 106 days of simulated time.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The time in picoseconds.
  public var picoseconds: Int64

  /// Creates a time of `picoseconds` picoseconds.
  public init(picoseconds: Int64) { self.picoseconds = picoseconds }

  /// Time zero, the start of every run.
  public static let zero = SimTime(picoseconds: 0)
  /// The largest representable time; used as "never".
  public static let never = SimTime(picoseconds: .max)
  /// A time so late that no run reaches it (about 53 days); sums of sampled latencies saturate here.
  static let horizon = SimTime(picoseconds: 1 << 62)

  /// Saturating `self + delay` (delays are non-negative), at most `horizon`.
  @inline(__always)
  func later(by delay: Int64) -> SimTime {
    let (sum, overflow) = picoseconds.addingReportingOverflow(delay)
    return overflow || sum > SimTime.horizon.picoseconds ? SimTime.horizon : SimTime(picoseconds: sum)
  }

  /// Picoseconds in one second.
  public static let picosecondsPerSecond: Int64 = 1_000_000_000_000

  /// Creates a time from a whole number of nanoseconds.
  public static func nanoseconds(_ n: Int64) -> SimTime { SimTime(picoseconds: n * 1_000) }
  /// Creates a time from a whole number of microseconds.
  public static func microseconds(_ n: Int64) -> SimTime { SimTime(picoseconds: n * 1_000_000) }
  /// Creates a time from a whole number of milliseconds.
  public static func milliseconds(_ n: Int64) -> SimTime { SimTime(picoseconds: n * 1_000_000_000) }

  /// The time in seconds, for reports.
  public var seconds: Double { Double(picoseconds) / Double(SimTime.picosecondsPerSecond) }

  public static func < (a: SimTime, b: SimTime) -> Bool { a.picoseconds < b.picoseconds }
  public static func + (a: SimTime, b: SimTime) -> SimTime { SimTime(picoseconds: a.picoseconds + b.picoseconds) }
  public static func - (a: SimTime, b: SimTime) -> SimTime { SimTime(picoseconds: a.picoseconds - b.picoseconds) }
  public static func += (a: inout SimTime, b: SimTime) { a.picoseconds += b.picoseconds }

  public var description: String { "\(picoseconds)ps" }
}
