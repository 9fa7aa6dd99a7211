import Testing

@testable import MemgoCore

@Suite struct EffectiveAccessTimeTests {
  static func close(_ a: Double, _ b: Double, relative: Double = 1e-13) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b))
  }

  /// A machine with the given constant latencies (picoseconds).
  static func machine(
    tlbEntries: Int, levels: Int = 4, tlb: Double = 1_000, ram: Double = 100_000, fault: Double = 2_000_000,
    diskRead: Double, diskWrite: Double
  ) -> MachineConfig {
    MachineConfig(
      frames: 2, tlb: TLBConfig(entries: tlbEntries, ways: max(tlbEntries, 1)),
      pageTable: PageTableConfig(levels: levels),
      latency: LatencyConfig(
        tlb: .constant(tlb), ram: .constant(ram), fault: .constant(fault), diskRead: .constant(diskRead),
        diskWrite: .constant(diskWrite)))
  }

  static func tally(
    accesses: Int64, hits: Int64, misses: Int64, minor: Int64 = 0, major: Int64 = 0, dirty: Int64 = 0
  ) -> RunTally {
    var t = RunTally()
    t.accesses = accesses
    t.tlbHits = hits
    t.tlbMisses = misses
    t.pageWalks = misses
    t.minorFaults = minor
    t.majorFaults = major
    t.dirtyEvictions = dirty
    return t
  }

  /// Dyadic inputs, so the sum is exact in binary and compared with `==`.
  @Test func formulaTermByTerm() {
    let eat = EffectiveAccessTime(
      tlbLatency: 0.5, ramLatency: 1, pageTableLevels: 4, faultLatency: 8, diskReadLatency: 64, diskWriteLatency: 32,
      tlbHitRatio: 0.75, faultRate: 0.25, minorFaultFraction: 0.5, dirtyEvictionFraction: 0.5)
    // walk = 4·1 = 4; fault service = 8 + 0.5 + 4 + 0.5·64 + 0.5·32 = 60.5;
    // EAT = 0.5 + 0.25·4 + 1 + 0.25·60.5 = 2.5 + 15.125 = 17.625.
    #expect(eat.walkLatency == 4)
    #expect(eat.faultServiceTime == 60.5)
    #expect(eat.predicted == 17.625)
    // No faults and every first lookup hits: the TLB-hit path alone, tlb + ram.
    var hitsOnly = eat
    hitsOnly.tlbHitRatio = 1
    hitsOnly.faultRate = 0
    #expect(hitsOnly.predicted == 1.5)
    // An unused infinite latency contributes nothing (no NaN).
    hitsOnly.diskReadLatency = .infinity
    hitsOnly.faultLatency = .infinity
    #expect(hitsOnly.predicted == 1.5)
  }

  /// One process, a 2-entry LRU TLB, 3+ free frames, zero-fill, reading pages 0 0 1 0 2 2 1 0:
  ///   0: miss, walk, minor fault, retry miss, walk, fill {0}, ram     (2 misses, 2 walks)
  ///   0: hit {0}
  ///   1: miss, walk, minor fault, retry miss, walk, fill {0, 1}        (2 misses)
  ///   0: hit (0 most recent)
  ///   2: miss, walk, minor fault, retry miss, walk, fill: evicts 1 → {0, 2}   (2 misses)
  ///   2: hit
  ///   1: miss, walk, present, fill: evicts 0 → {2, 1}                  (1 miss)
  ///   0: miss, walk, present, fill: evicts 2 → {1, 0}                  (1 miss)
  /// A = 8, H = 3, M = 8, walks 8, F = 3 minor. With tlb 1 ns, ram 100 ns, 4 levels, fault 2 µs:
  ///   lookups (H + M = 11)·1 ns + walks 8·400 ns + RAM 8·100 ns + faults 3·2000 ns = 10 011 ns,
  ///   1251.375 ns per access.
  /// Formula: h = (8 − (8 − 3))/8 = 3/8, p = 3/8, z = 1, d = 0:
  ///   1 + (5/8)·400 + 100 + (3/8)·(2000 + 1 + 400) = 1 + 250 + 100 + 900.375 = 1251.375 ns.
  @Test func minorFaultsWithASmallTLB() {
    let machine = Self.machine(tlbEntries: 2, diskRead: 5e9, diskWrite: 5e9)
    let tally = Self.tally(accesses: 8, hits: 3, misses: 8, minor: 3)
    let eat = EffectiveAccessTime(tally: tally, machine: machine)
    #expect(eat.tlbHitRatio == 3.0 / 8)
    #expect(eat.faultRate == 3.0 / 8)
    #expect(eat.minorFaultFraction == 1)
    #expect(eat.dirtyEvictionFraction == 0)
    #expect(Self.close(eat.predicted, 1251.375e-9), "\(eat.predicted)")
    #expect(EffectiveAccessTime.totalPicoseconds(tally: tally, machine: machine) == 10_011_000)
  }

  /// No TLB, no zero-fill, 1 frame, one process: write 0, write 1, read 0.
  ///   w0: walk, major fault (free frame), disk read, retry walk, ram
  ///   w1: walk, fault evicts dirty 0 → disk write, disk read, retry walk, ram
  ///   r0: walk, fault evicts dirty 1 → disk write, disk read, retry walk, ram
  /// A = 3, H = 0, M = 6, F = 3 major, W = 2. No tlb time is charged. With ram 100 ns, 4 levels,
  /// fault 2 µs, read 4 ms, write 6 ms:
  ///   walks 6·400 ns + RAM 3·100 ns + faults 3·2 µs + writes 2·6 ms + reads 3·4 ms
  ///   = 2400 + 300 + 6000 ns + 24 ms = 24.0087 ms, 8.0029 ms per access.
  /// Formula: tlb = 0, h = (3 − (6 − 3))/3 = 0, p = 1, z = 0, d = 2/3:
  ///   0 + 400 + 100 + (2000 + 0 + 400 + 4 ms + (2/3)·6 ms) = 8.0029 ms.
  @Test func majorFaultsAndWriteBacksWithoutATLB() {
    let machine = Self.machine(tlbEntries: 0, diskRead: 4e9, diskWrite: 6e9)
    let tally = Self.tally(accesses: 3, hits: 0, misses: 6, major: 3, dirty: 2)
    let eat = EffectiveAccessTime(tally: tally, machine: machine)
    #expect(eat.tlbLatency == 0)
    #expect(eat.tlbHitRatio == 0)
    #expect(eat.faultRate == 1)
    #expect(eat.minorFaultFraction == 0)
    #expect(eat.dirtyEvictionFraction == 2.0 / 3)
    #expect(Self.close(eat.predicted, 8.0029e-3), "\(eat.predicted)")
    #expect(EffectiveAccessTime.totalPicoseconds(tally: tally, machine: machine) == 24_008_700_000)
  }

  /// 2-entry LRU TLB, 2 frames under FIFO, zero-fill: W0 R1 R0 W2 R0.
  ///   W0: miss, walk, minor fault (free frame), retry miss, walk → TLB {0}; page 0 dirty
  ///   R1: miss, walk, minor fault (free frame), retry → {0, 1}
  ///   R0: hit
  ///   W2: miss, walk, fault: FIFO evicts 0 (dirty: write back; its TLB entry goes → {1}); page 2 was
  ///       never touched: minor; retry → {1, 2}
  ///   R0: miss, walk, fault: FIFO evicts 1 (clean; → {2}); page 0 was touched: major, disk read;
  ///       retry → {2, 0}
  /// A = 5, H = 1, M = 8, F = 4 (3 minor, 1 major), W = 1. With tlb 1 ns, ram 100 ns, 4 levels,
  /// fault 2 µs, read 5 ms, write 3 ms:
  ///   lookups 9·1 + walks 8·400 + RAM 5·100 + faults 4·2000 ns + 3 ms + 5 ms = 8 011 709 ns,
  ///   1 602 341.8 ns per access.
  /// Formula: h = (5 − (8 − 4))/5 = 1/5, p = 4/5, z = 3/4, d = 1/4:
  ///   1 + (4/5)·400 + 100 + (4/5)·(2000 + 1 + 400 + (1/4)·5 ms + (1/4)·3 ms)
  ///   = 421 + 0.8·2 002 401 = 1 602 341.8 ns.
  @Test func mixedFaultsAndAWriteBack() {
    let machine = Self.machine(tlbEntries: 2, diskRead: 5e9, diskWrite: 3e9)
    let tally = Self.tally(accesses: 5, hits: 1, misses: 8, minor: 3, major: 1, dirty: 1)
    let eat = EffectiveAccessTime(tally: tally, machine: machine)
    #expect(eat.tlbHitRatio == 0.2)
    #expect(eat.faultRate == 0.8)
    #expect(eat.minorFaultFraction == 0.75)
    #expect(eat.dirtyEvictionFraction == 0.25)
    #expect(Self.close(eat.predicted, 1_602_341.8e-9), "\(eat.predicted)")
    #expect(EffectiveAccessTime.totalPicoseconds(tally: tally, machine: machine) == 8_011_709_000)
  }

  /// Over seeded random tallies obeying memgo's identity (lookups H + M = A + F), the per-access
  /// formula times A equals the count-based total.
  @Test func ratiosAgreeWithCountsOnRandomTallies() {
    var rng = Xoshiro256StarStar(seed: 11)
    for _ in 0..<1_000 {
      let accesses = 1 + rng.nextInt(below: 1_000_000)
      let faults = rng.nextInt(below: accesses + 1)
      let minor = rng.nextInt(below: faults + 1)
      let dirty = rng.nextInt(below: faults + 1)
      let tlbEntries = rng.nextBool(probability: 0.2) ? 0 : 64
      let hits = tlbEntries == 0 ? 0 : rng.nextInt(below: accesses + 1)
      let misses = accesses + faults - hits
      let machine = Self.machine(
        tlbEntries: tlbEntries, levels: 1 + Int(rng.nextInt(below: 5)), tlb: Double(rng.nextInt(below: 3_000)),
        ram: Double(rng.nextInt(below: 200_000)), fault: Double(rng.nextInt(below: 5_000_000)),
        diskRead: Double(rng.nextInt(below: 10_000_000_000)), diskWrite: Double(rng.nextInt(below: 10_000_000_000)))
      let tally = Self.tally(
        accesses: accesses, hits: hits, misses: misses, minor: minor, major: faults - minor, dirty: dirty)
      let eat = EffectiveAccessTime(tally: tally, machine: machine)
      let total = EffectiveAccessTime.totalPicoseconds(tally: tally, machine: machine)
      #expect(Self.close(eat.predicted * Double(accesses) * 1e12, total, relative: 1e-12))
      if tlbEntries == 0 { #expect(eat.tlbHitRatio == 0) }
    }
  }

  /// Latencies are the means of their distributions; constants are rounded to whole picoseconds.
  @Test func latenciesAreDistributionMeans() {
    var machine = Self.machine(tlbEntries: 64, tlb: 1_000.4, diskRead: 5e9, diskWrite: 5e9)
    machine.latency.fault = .exponential(mean: 3_000_000)
    machine.latency.diskRead = .uniform(min: 1e9, max: 3e9)
    machine.latency.ram = .constant(-5)
    let eat = EffectiveAccessTime(tally: RunTally(), machine: machine)
    #expect(eat.tlbLatency == 1e-9)
    #expect(eat.ramLatency == 0)
    #expect(eat.faultLatency == 3e-6)
    #expect(eat.diskReadLatency == 2e-3)
    // No accesses: every ratio is 0.
    #expect(eat.tlbHitRatio == 0 && eat.faultRate == 0 && eat.minorFaultFraction == 0)
    // An infinite mean (Pareto with shape ≤ 1) gives an infinite prediction only if it is used.
    machine.latency.diskWrite = .pareto(scale: 1e9, shape: 1)
    let unused = EffectiveAccessTime(tally: Self.tally(accesses: 4, hits: 4, misses: 0), machine: machine)
    #expect(unused.diskWriteLatency == .infinity)
    #expect(unused.predicted.isFinite)
    let used = EffectiveAccessTime(
      tally: Self.tally(accesses: 4, hits: 2, misses: 3, major: 1, dirty: 1), machine: machine)
    #expect(used.predicted == .infinity)
  }
}
