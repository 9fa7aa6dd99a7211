/// A log-linear histogram of non-negative picosecond values with relative error below 0.4%.
///
/// Values below 256 are counted exactly; above, each power-of-two octave is split into 128 equal
/// buckets (the layout of HdrHistogram with 7 significant bits), so a bucket's width is at most
/// 1/128 of its lower bound and its midpoint is within 0.39% of any value in it. Percentiles are
/// read from the counts, never from stored samples: memory is fixed (7,424 counters).
public struct LatencyHistogram: Sendable, Equatable {
  static let exactLimit: Int64 = 256
  static let subBucketBits = 7
  /// The number of buckets: 256 exact ones and 128 for each octave from 2^8 to 2^63.
  public static let bucketCount = 256 + 55 * 128 + 128

  var counts: [Int64]
  /// How many values were recorded.
  public private(set) var count: Int64 = 0
  /// The largest value recorded (0 if none).
  public private(set) var max: Int64 = 0
  /// The smallest value recorded (0 if none).
  public private(set) var min: Int64 = 0

  /// Creates an empty histogram.
  public init() { counts = Array(repeating: 0, count: LatencyHistogram.bucketCount) }

  static func bucket(of value: Int64) -> Int {
    if value < exactLimit { return Int(value) }
    let exponent = (63 - value.leadingZeroBitCount) - subBucketBits
    let mantissa = Int(value >> exponent)  // in 128 ..< 256
    return 256 + (exponent - 1) * 128 + (mantissa - 128)
  }

  /// The midpoint of a bucket: the value reported for every value counted in it.
  static func representative(ofBucket index: Int) -> Int64 {
    if index < 256 { return Int64(index) }
    let exponent = (index - 256) / 128 + 1
    let mantissa = Int64((index - 256) % 128 + 128)
    let low = mantissa << exponent
    return low + (Int64(1) << exponent) / 2
  }

  /// A histogram holding exactly the given counts, for reading stored results back: `buckets` lists
  /// the non-empty buckets (as `nonEmptyBuckets` gives them), `min` and `max` the extreme values.
  /// Nil unless they are consistent: bucket indices ascending and in range, counts positive with a
  /// sum below 2^63, 0 ≤ min ≤ max, and min and max falling in the first and last listed buckets
  /// (all three 0 and no bucket for an empty histogram).
  public init?(buckets: [(index: Int, count: Int64)], min: Int64, max: Int64) {
    self.init()
    guard let first = buckets.first, let last = buckets.last else {
      guard min == 0, max == 0 else { return nil }
      return
    }
    guard min >= 0, min <= max, LatencyHistogram.bucket(of: min) == first.index,
      LatencyHistogram.bucket(of: max) == last.index
    else { return nil }
    var previous = -1
    var total: Int64 = 0
    for (index, n) in buckets {
      guard index > previous, index < LatencyHistogram.bucketCount, n > 0 else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(n)
      guard !overflow else { return nil }
      total = sum
      counts[index] = n
      previous = index
    }
    count = total
    self.min = min
    self.max = max
  }

  /// The non-empty buckets with their counts, by ascending index: with `min` and `max`, everything
  /// `init?(buckets:min:max:)` needs to rebuild this histogram exactly.
  public var nonEmptyBuckets: [(index: Int, count: Int64)] {
    counts.indices.compactMap { counts[$0] > 0 ? ($0, counts[$0]) : nil }
  }

  /// Counts one value; negative values count as 0.
  /// - Complexity: O(1).
  public mutating func record(_ picoseconds: Int64) {
    let value = Swift.max(picoseconds, 0)
    counts[LatencyHistogram.bucket(of: value)] += 1
    if count == 0 || value < min { min = value }
    if value > max { max = value }
    count += 1
  }

  /// Adds every count of `other` to this histogram.
  public mutating func merge(_ other: LatencyHistogram) {
    guard other.count > 0 else { return }
    for i in counts.indices { counts[i] += other.counts[i] }
    if count == 0 || other.min < min { min = other.min }
    if other.max > max { max = other.max }
    count += other.count
  }

  /// The value at quantile `q` (0...1): the smallest recorded value v such that at least
  /// ⌈q·count⌉ values are ≤ v, up to the bucket's resolution; clamped to [min, max]. 0 if empty.
  public func quantile(_ q: Double) -> Int64 {
    guard count > 0 else { return 0 }
    let rank = Swift.max(1, Int64((q * Double(count)).rounded(.up)))
    var seen: Int64 = 0
    for (index, n) in counts.enumerated() where n > 0 {
      seen += n
      if seen >= rank {
        return Swift.min(Swift.max(LatencyHistogram.representative(ofBucket: index), min), max)
      }
    }
    return max
  }
}
