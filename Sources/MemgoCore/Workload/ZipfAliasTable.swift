import Synchronization

/// The Zipf law over [0, n) with exponent s as a Walker alias table (Walker, "An efficient method
/// for generating discrete random variables with general distributions", ACM TOMS 3(3), 1977;
/// built by Vose's linear algorithm, IEEE TSE 17(9), 1991, as `DistributionSampler` builds its
/// empirical tables): a sample is one uniform column and one uniform double, with no logarithm or
/// exponential, whatever s.
///
/// `ZipfSampler` uses one for counts up to `maximumCount`. Tables depend only on (n, s), so they
/// are built once per process and shared by every sampler of the same law (`shared(count:exponent:)`):
/// the processes of a group, its replications and the sweep points that keep it.
final class ZipfAliasTable: Sendable {
  /// The largest count tabulated: 2^20 ranks, 16 MiB of table.
  static let maximumCount: Int64 = 1 << 20
  /// How many tables the process keeps for reuse (the least recently built is dropped first).
  static let cacheSize = 4

  let count: Int64
  let exponent: Double
  /// Column i keeps rank i when the uniform double is below `threshold[i]`, else gives `alias[i]`.
  let threshold: [Double]
  let alias: [Int]

  /// The table of ranks [0, `count`) with weights (k + 1)^−`exponent`.
  init(count: Int64, exponent: Double) {
    precondition(count >= 1 && count <= ZipfAliasTable.maximumCount, "zipf table count out of range")
    self.count = count
    self.exponent = exponent
    let weights = (0..<Int(count)).map { ZipfSampler.h(Double($0 + 1), exponent) }
    (threshold, alias) = DistributionSampler.aliasTable(weights: weights)
  }

  /// One rank in [0, count).
  @inline(__always)
  func sample(_ rng: inout Xoshiro256StarStar) -> Int64 {
    let column = Int(rng.nextInt(below: count))
    return rng.nextDouble() < threshold[column] ? Int64(column) : Int64(alias[column])
  }

  private static let cache = Mutex<[ZipfAliasTable]>([])

  /// The table of (`count`, `exponent`), built on first use and kept among the `cacheSize` most
  /// recent.
  static func shared(count: Int64, exponent: Double) -> ZipfAliasTable {
    cache.withLock { tables in
      if let i = tables.firstIndex(where: { $0.count == count && $0.exponent.bitPattern == exponent.bitPattern }) {
        let table = tables.remove(at: i)
        tables.append(table)
        return table
      }
      let table = ZipfAliasTable(count: count, exponent: exponent)
      if tables.count >= cacheSize { tables.removeFirst() }
      tables.append(table)
      return table
    }
  }
}
