/// One shard of a run's work units, `--shard K/N`: the units whose index i satisfies
/// i ≡ K − 1 (mod N). The N shards partition the units, and dealing them round-robin gives every
/// shard a share of every sweep point, so shards take about the same time.
public struct ShardSpec: Sendable, Equatable, CustomStringConvertible {
  /// K, 1-based.
  public var index: Int
  /// N, the number of shards.
  public var count: Int

  /// The largest N accepted.
  public static let maximumCount = 1_000_000

  /// Shard `index` of `count` (1 ≤ index ≤ count ≤ `maximumCount`).
  public init?(index: Int, count: Int) {
    guard count >= 1, count <= ShardSpec.maximumCount, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (decimal, no signs or spaces); nil if malformed or out of range.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 7 && $0.allSatisfy(\.isASCII) }),
      let k = Int(parts[0]), let n = Int(parts[1]), parts[0].first != "+", parts[1].first != "+"
    else { return nil }
    self.init(index: k, count: n)
  }

  /// Whether unit `unit` belongs to this shard.
  public func contains(unit: Int) -> Bool { unit % count == index - 1 }

  /// The units of this shard among `0..<total`, ascending.
  public func units(of total: Int) -> [Int] {
    guard index - 1 < total else { return [] }
    return Array(stride(from: index - 1, to: total, by: count))
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }
}
