/// The machine's step latencies (`machine.latency`), each a constant or a distribution, drawn
/// from the machine's own random stream. Constants skip the generator entirely.
struct LatencySamplers {
  struct Step {
    let sampler: DistributionSampler
    let constant: Int64?
    init(_ distribution: Distribution) {
      sampler = DistributionSampler(distribution)
      if case .constant(let picoseconds) = distribution {
        constant = Int64(max(0, picoseconds.rounded()))
      } else {
        constant = nil
      }
    }
  }

  let tlbStep: Step
  let ramStep: Step
  let faultStep: Step
  let diskReadStep: Step
  let diskWriteStep: Step
  var random: Xoshiro256StarStar

  init(_ config: LatencyConfig, random: Xoshiro256StarStar) {
    tlbStep = Step(config.tlb)
    ramStep = Step(config.ram)
    faultStep = Step(config.fault)
    diskReadStep = Step(config.diskRead)
    diskWriteStep = Step(config.diskWrite)
    self.random = random
  }

  @inline(__always) mutating func draw(_ step: Step) -> Int64 {
    if let c = step.constant { return c }
    return step.sampler.sampleDuration(&random)
  }

  /// One TLB lookup, picoseconds.
  mutating func tlb() -> Int64 { draw(tlbStep) }
  /// One RAM access (also one page-table entry read), picoseconds.
  mutating func ram() -> Int64 { draw(ramStep) }
  /// Fault handling, picoseconds.
  mutating func fault() -> Int64 { draw(faultStep) }
  /// Disk service of one page read, picoseconds.
  mutating func diskRead() -> Int64 { draw(diskReadStep) }
  /// Disk service of one page write, picoseconds.
  mutating func diskWrite() -> Int64 { draw(diskWriteStep) }
}
