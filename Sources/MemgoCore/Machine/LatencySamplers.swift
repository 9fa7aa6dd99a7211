/// The machine's step latencies (`machine.latency`), each a constant or a distribution, drawn
/// from the machine's own random stream. Constants (the usual case) are plain integers, so the
/// per-access path neither draws a random number nor touches a sampler.
struct LatencySamplers {
  /// One step: its constant in picoseconds, or -1 and a sampler.
  struct Step {
    let constant: Int64
    let sampler: DistributionSampler
    init(_ distribution: Distribution) {
      sampler = DistributionSampler(distribution)
      if case .constant(let picoseconds) = distribution {
        constant = Int64(min(max(0, picoseconds.rounded()), Double(DistributionSampler.maximumDuration)))
      } else {
        constant = -1
      }
    }
  }

  let tlbConstant: Int64
  let ramConstant: Int64
  let steps: [Step]  // tlb, ram, fault, diskRead, diskWrite
  var random: Xoshiro256StarStar

  init(_ config: LatencyConfig, random: Xoshiro256StarStar) {
    steps = [config.tlb, config.ram, config.fault, config.diskRead, config.diskWrite].map(Step.init)
    tlbConstant = steps[0].constant
    ramConstant = steps[1].constant
    self.random = random
  }

  mutating func draw(_ index: Int) -> Int64 {
    var random = self.random
    let value = steps.withUnsafeBufferPointer { steps in
      steps[index].constant >= 0 ? steps[index].constant : steps[index].sampler.sampleDuration(&random)
    }
    self.random = random
    return value
  }

  /// One TLB lookup, picoseconds.
  @inline(__always) mutating func tlb() -> Int64 { tlbConstant >= 0 ? tlbConstant : draw(0) }
  /// One RAM access (also one page-table entry read), picoseconds.
  @inline(__always) mutating func ram() -> Int64 { ramConstant >= 0 ? ramConstant : draw(1) }
  /// `t` after `entries` page-table entry reads, one RAM access each: one saturating addition when
  /// the RAM latency is a constant, else one draw per entry, in order.
  @inline(__always) mutating func afterEntryReads(_ entries: Int, from t: SimTime) -> SimTime {
    if ramConstant >= 0 {
      let (total, overflow) = ramConstant.multipliedReportingOverflow(by: Int64(entries))
      return overflow ? SimTime.horizon : t.later(by: total)
    }
    var t = t
    for _ in 0..<entries { t = t.later(by: draw(1)) }
    return t
  }

  /// Fault handling, picoseconds.
  mutating func fault() -> Int64 { draw(2) }
  /// Disk service of one page read, picoseconds.
  mutating func diskRead() -> Int64 { draw(3) }
  /// Disk service of one page write, picoseconds.
  mutating func diskWrite() -> Int64 { draw(4) }
}
