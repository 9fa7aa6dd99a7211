/// The effective (mean) access time of one page access predicted from measured ratios: the
/// textbook demand-paging formula extended with memgo's TLB, multi-level walk, minor faults and
/// dirty write-backs, and made exact for memgo's access path when nothing waits in a queue.
///
/// ## The textbook
/// Silberschatz, Galvin and Gagne, "Operating System Concepts" (9th ed.), §9.2.2 "Performance of
/// demand paging": with page-fault rate `p`, `EAT = (1 − p)·ma + p·(page-fault time)`. §8.5.2
/// (TLB): with hit ratio `h`, `EAT = h·(tlb + ma) + (1 − h)·(tlb + 2·ma)` for a one-level table;
/// an `L`-level table reads `L` entries on a miss instead of one.
///
/// ## memgo's access path (README, "Model semantics"; `Simulator.lookUp` and the steps after it)
/// - A TLB hit costs `tlb + ram`.
/// - A miss costs `tlb + walk`, where `walk = levels·ram` (one page-table entry per level, charged
///   in full whether or not the leaf is present), then `ram` if the page is present.
/// - A fault (the walk found the page absent) costs `faultHandling`, then `diskWrite` if the victim
///   is dirty, then `diskRead` if the fault is major (a minor fault zero-fills a never-touched page),
///   then the retried access, which misses the TLB: `tlb + walk + ram`.
/// - Without a TLB (`machine.tlb.entries == 0`) every lookup misses and no `tlb` time is charged.
///
/// Summing over `A` accesses with `H` TLB hits, `M` TLB misses (retries included), `F` faults (`F_minor`
/// minor, `F_major` major) and `W` dirty evictions, and noting that every access ends with exactly
/// one RAM access and every retry misses the TLB (so lookups `H + M = A + F`):
///
///     total = (A + F)·tlb + M·walk + A·ram + F·faultHandling + F_major·diskRead + W·diskWrite.
///
/// Dividing by `A` gives, per access,
///
///     EAT = tlb + (1 − h)·walk + ram
///         + p·(faultHandling + tlb + walk + (1 − z)·diskRead + d·diskWrite)
///
/// with the ratios
/// - `h = (A − (M − F))/A`, the hit ratio of *first* lookups (a faulting access's retry always
///   misses, so the first-lookup misses are `M − F`; `h` is not `H/(H + M)`, the report's
///   `tlbHitRate`);
/// - `p = F/A`, the fault rate (the report's `faultRate`);
/// - `z = F_minor/F`, the minor fraction of faults;
/// - `d = W/F`, the fraction of faults that write a dirty victim back (dirty evictions per fault).
///
/// Term by term: every access pays one lookup (`tlb`) and its final memory access (`ram`); the
/// fraction `1 − h` of first lookups that miss pay a walk; each fault (probability `p`) pays the handler, the
/// retry's lookup and walk (its RAM access is the access's final one), a disk read unless it is
/// minor, and a write-back when its victim was dirty.
///
/// The prediction excludes all queueing: time waiting for a disk channel, for a CPU of the pool,
/// or for a frame whose I/O is in progress. With constant latencies and none of these waits (one
/// process, or no contention) it equals memgo's measured `effectiveAccessTime` (summed request
/// latency over accesses) up to floating-point rounding; `totalPicoseconds(tally:machine:)` gives
/// the same sum exactly. With queueing the measured value exceeds it by the mean wait per access:
/// without a CPU pool, `RunTally.latencySum − totalPicoseconds(...)` is exactly
/// `RunTally.diskWaitSum` plus the time spent waiting for a frame (all frames in I/O).
public struct EffectiveAccessTime: Sendable, Equatable {
  // MARK: - Inputs

  /// One TLB lookup, seconds (0 for a machine without a TLB).
  public var tlbLatency: Double
  /// One RAM access (also one page-table entry read), seconds.
  public var ramLatency: Double
  /// Page-table levels: entries read by one walk.
  public var pageTableLevels: Int
  /// The OS's fault handling, excluding I/O, seconds.
  public var faultLatency: Double
  /// Disk service time of one page read, seconds.
  public var diskReadLatency: Double
  /// Disk service time of one page write, seconds.
  public var diskWriteLatency: Double
  /// `h`: fraction of accesses whose first TLB lookup hits.
  public var tlbHitRatio: Double
  /// `p`: faults per access.
  public var faultRate: Double
  /// `z`: fraction of faults that are minor (no disk read).
  public var minorFaultFraction: Double
  /// `d`: dirty evictions (write-backs) per fault.
  public var dirtyEvictionFraction: Double

  /// Creates the model from latencies in seconds and ratios in [0, 1].
  public init(
    tlbLatency: Double, ramLatency: Double, pageTableLevels: Int, faultLatency: Double, diskReadLatency: Double,
    diskWriteLatency: Double, tlbHitRatio: Double, faultRate: Double, minorFaultFraction: Double,
    dirtyEvictionFraction: Double
  ) {
    self.tlbLatency = tlbLatency
    self.ramLatency = ramLatency
    self.pageTableLevels = pageTableLevels
    self.faultLatency = faultLatency
    self.diskReadLatency = diskReadLatency
    self.diskWriteLatency = diskWriteLatency
    self.tlbHitRatio = tlbHitRatio
    self.faultRate = faultRate
    self.minorFaultFraction = minorFaultFraction
    self.dirtyEvictionFraction = dirtyEvictionFraction
  }

  /// Derives the ratios from the counts of a run and the latencies from `machine`.
  ///
  /// `h = (accesses − (pageWalks − faults))/accesses` (a walk per TLB miss, or per lookup without
  /// a TLB, where `h` is 0), `p = faults/accesses`,
  /// `z = minorFaults/faults`, `d = dirtyEvictions/faults`, with `faults = majorFaults +
  /// minorFaults`; a ratio whose denominator is zero is 0 (so with no accesses `predicted` is that
  /// of a TLB miss on a present page, where the measured metric reports 0). Each latency is the mean of its
  /// distribution (`Distribution.mean`, picoseconds, converted to seconds); a constant is rounded
  /// to whole picoseconds as the simulator does, and an infinite mean (Pareto with shape ≤ 1) is
  /// `+∞`. For other distributions the simulator's truncation of samples at zero and rounding to
  /// picoseconds is ignored. Without a TLB the lookup latency is 0.
  public init(tally: RunTally, machine: MachineConfig) {
    let accesses = Double(tally.accesses)
    let faults = Double(tally.majorFaults) + Double(tally.minorFaults)
    let firstLookupMisses = Double(tally.pageWalks) - faults
    func ratio(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }
    let latency = machine.latency
    self.init(
      tlbLatency: machine.tlb.entries > 0 ? Self.seconds(latency.tlb) : 0,
      ramLatency: Self.seconds(latency.ram),
      pageTableLevels: machine.pageTable.levels,
      faultLatency: Self.seconds(latency.fault),
      diskReadLatency: Self.seconds(latency.diskRead),
      diskWriteLatency: Self.seconds(latency.diskWrite),
      tlbHitRatio: ratio(accesses - firstLookupMisses, accesses),
      faultRate: ratio(faults, accesses),
      minorFaultFraction: ratio(Double(tally.minorFaults), faults),
      dirtyEvictionFraction: ratio(Double(tally.dirtyEvictions), faults))
  }

  // MARK: - The prediction

  /// One page-table walk, `levels·ram`, seconds.
  public var walkLatency: Double { Double(pageTableLevels) * ramLatency }

  /// The time one fault adds to its access beyond the first lookup, walk and final RAM access:
  /// `faultHandling + tlb + walk + (1 − z)·diskRead + d·diskWrite`, seconds.
  public var faultServiceTime: Double {
    faultLatency + tlbLatency + walkLatency + Self.weighted(1 - minorFaultFraction, diskReadLatency)
      + Self.weighted(dirtyEvictionFraction, diskWriteLatency)
  }

  /// The predicted effective access time, seconds:
  /// `tlb + (1 − h)·walk + ram + p·(faultHandling + tlb + walk + (1 − z)·diskRead + d·diskWrite)`.
  /// A term whose ratio is 0 contributes 0 even if its latency is infinite.
  public var predicted: Double {
    tlbLatency + Self.weighted(1 - tlbHitRatio, walkLatency) + ramLatency
      + Self.weighted(faultRate, faultServiceTime)
  }

  /// `ratio·value`, 0 when the ratio is 0 (so an unused infinite latency does not give NaN).
  static func weighted(_ ratio: Double, _ value: Double) -> Double { ratio == 0 ? 0 : ratio * value }

  /// The mean of `distribution` in seconds (see `meanPicoseconds`).
  static func seconds(_ distribution: Distribution) -> Double {
    meanPicoseconds(distribution) / Double(SimTime.picosecondsPerSecond)
  }

  /// The mean of `distribution`, picoseconds: a constant rounded to whole picoseconds and clamped
  /// at zero as the simulator charges it, otherwise `Distribution.mean` (`+∞` when infinite).
  static func meanPicoseconds(_ distribution: Distribution) -> Double {
    if case .constant(let value) = distribution { return max(0, value.rounded()) }
    return distribution.mean ?? .infinity
  }

  // MARK: - Exact total

  /// The same model summed over the run's counts instead of per-access ratios: the predicted total
  /// access time of `tally`'s accesses, picoseconds,
  /// `(A + F)·tlb + M·levels·ram + A·ram + F·faultHandling + F_major·diskRead + W·diskWrite`
  /// (see the type's documentation; `M` is `tally.pageWalks`, one walk per TLB miss or, without a
  /// TLB, per lookup).
  ///
  /// With constant latencies every term is an integer, so the result is exact while it stays below
  /// 2^53 ps (about 2.5 simulated hours) and can be compared with `RunTally.latencySum` for
  /// equality in a run without queueing. Latencies are means of their distributions, as in
  /// `init(tally:machine:)`.
  public static func totalPicoseconds(tally: RunTally, machine: MachineConfig) -> Double {
    let latency = machine.latency
    let tlb = machine.tlb.entries > 0 ? meanPicoseconds(latency.tlb) : 0
    let ram = meanPicoseconds(latency.ram)
    let accesses = Double(tally.accesses)
    let faults = Double(tally.majorFaults) + Double(tally.minorFaults)
    let pteReads = Double(tally.pageWalks) * Double(machine.pageTable.levels)
    return weighted(accesses + faults, tlb) + weighted(pteReads, ram) + weighted(accesses, ram)
      + weighted(faults, meanPicoseconds(latency.fault))
      + weighted(Double(tally.majorFaults), meanPicoseconds(latency.diskRead))
      + weighted(Double(tally.dirtyEvictions), meanPicoseconds(latency.diskWrite))
  }
}
