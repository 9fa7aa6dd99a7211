/// What a random stream is used for; each purpose of each process instance gets its own stream.
///
/// The raw values are part of the reproducibility contract (they enter the stream hash): never
/// renumber them, only append.
public enum StreamPurpose: UInt64, Sendable, CaseIterable {
  /// Think times between requests.
  case interval = 1
  /// Request sizes.
  case size = 2
  /// Addresses from the access pattern.
  case address = 3
  /// The read/write choice of each request.
  case write = 4
  /// The access pattern's fixed structure (e.g. the seed of zipf's page permutation).
  case pattern = 5
  /// Machine-wide draws: latency samples of TLB, RAM, fault handling and disk.
  case machine = 6
  /// The replacement policy's own choices (e.g. the random policy's victims).
  case policy = 7
}

/// The identity of one random stream: (seed, replication, group, instance, purpose).
///
/// A process instance is identified by its group's index in the scenario and its index within the
/// group, not by a global process number, so changing one group's `count` does not shift any other
/// group's streams. Machine-wide streams use `group == -1` (see `RandomStreams.machine`).
public struct StreamID: Hashable, Sendable {
  /// The scenario's base seed.
  public var seed: UInt64
  /// The replication index (0-based).
  public var replication: Int
  /// The process group's index in the scenario (0-based), or −1 for machine-wide streams.
  public var group: Int
  /// The process's index within its group (0-based); 0 for machine-wide streams.
  public var instance: Int
  /// What the stream is drawn for.
  public var purpose: StreamPurpose

  /// Creates the identity of one stream.
  public init(seed: UInt64, replication: Int, group: Int, instance: Int, purpose: StreamPurpose) {
    self.seed = seed
    self.replication = replication
    self.group = group
    self.instance = instance
    self.purpose = purpose
  }

  /// A 64-bit hash of the five fields, used as the stream's SplitMix64 seed.
  ///
  /// Each field is absorbed as `h = mix((h + γ) ^ word)`, where `mix` is SplitMix64's bijective
  /// finalizer and γ its Weyl increment, starting from a fixed domain constant. For a fixed prefix
  /// the map from the next word to `h` is a bijection, so tuples that differ in one field always
  /// differ in the hash; tuples that differ in several fields collide only with probability about
  /// 2^−64. Negative integers enter as their two's-complement bit pattern.
  public var hash: UInt64 {
    var h: UInt64 = 0x6D65_6D67_6F2D_7273  // "memgo-rs"
    h = StreamID.absorb(h, seed)
    h = StreamID.absorb(h, UInt64(bitPattern: Int64(replication)))
    h = StreamID.absorb(h, UInt64(bitPattern: Int64(group)))
    h = StreamID.absorb(h, UInt64(bitPattern: Int64(instance)))
    h = StreamID.absorb(h, purpose.rawValue)
    return h
  }

  private static func absorb(_ h: UInt64, _ word: UInt64) -> UInt64 {
    SplitMix64.mix((h &+ SplitMix64.increment) ^ word)
  }

  /// A fresh generator for this stream: xoshiro256** seeded through SplitMix64 from `hash`.
  public func makeGenerator() -> Xoshiro256StarStar { Xoshiro256StarStar(seed: hash) }
}

/// The family of seeded random streams of one scenario (SPEC "Randomness").
///
/// Replication `r` and process instance `(group, instance)` get independent streams derived from
/// `(seed, r, group, instance)`, with separate sub-streams per `StreamPurpose`. Two sweep points
/// that differ only in the machine therefore see identical per-process request streams (common
/// random numbers), and results never depend on the order in which work units run.
///
/// Derivation: the tuple is hashed to 64 bits by SplitMix64 mixing rounds (`StreamID.hash`), and
/// the hash seeds a xoshiro256** through SplitMix64. Streams are not provably disjoint, but with
/// a period of 2^256 − 1 and pseudo-random starting points the chance that two of N streams of
/// length L overlap is about N²L / 2^256.
public enum RandomStreams {
  /// The generator of one process instance's stream for `purpose`.
  ///
  /// - Parameters:
  ///   - group: the process group's index in the scenario (0-based); −1 is reserved for the machine.
  ///   - instance: the process's index within its group (0-based).
  public static func make(
    seed: UInt64, replication: Int, group: Int, instance: Int, purpose: StreamPurpose
  ) -> Xoshiro256StarStar {
    StreamID(seed: seed, replication: replication, group: group, instance: instance, purpose: purpose)
      .makeGenerator()
  }

  /// The generator of a machine-wide stream (latency draws: `.machine`, policy choices: `.policy`),
  /// i.e. `make(seed:replication:group: -1, instance: 0, purpose:)`.
  public static func machine(seed: UInt64, replication: Int, purpose: StreamPurpose) -> Xoshiro256StarStar {
    make(seed: seed, replication: replication, group: machineGroup, instance: 0, purpose: purpose)
  }

  /// The group index reserved for machine-wide streams.
  public static let machineGroup = -1
}
