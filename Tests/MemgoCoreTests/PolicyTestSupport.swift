import Testing

@testable import MemgoCore

// Shared helpers of the policy tests: replaying small strings and the seeded differential harness.

/// Page `n` of process 0.
func page(_ n: Int64) -> PageKey { PageKey(process: 0, vpn: n) }

/// The outcome of replaying `refs` (page numbers of process 0, all reads unless listed in
/// `writes` by index) on `frames` frames.
struct ReplayOutcome {
  var faults: Int
  var steps: [ReplayStep]
  /// The victims' page numbers in eviction order.
  var victims: [Int64] { steps.compactMap { $0.victim?.vpn } }
  /// `F` or `.` per reference.
  var pattern: String { String(steps.map { $0.hit ? "." : "F" }) }
}

func replay<P: ReplacementPolicy>(
  _ policy: P.Type, _ refs: [Int64], frames: Int, writes: Set<Int> = [],
  configuration: ReplacementConfig = ReplacementConfig(), seed: UInt64 = 1
) -> ReplayOutcome {
  let pages = refs.map(page)
  let next = NextUse.indices(for: pages)
  var r = PolicyReplay<P>(frames: frames, configuration: configuration, seed: seed)
  var steps: [ReplayStep] = []
  for i in pages.indices {
    steps.append(r.reference(pages[i], isWrite: writes.contains(i), nextUse: next[i]))
  }
  return ReplayOutcome(faults: Int(r.faults), steps: steps)
}

/// Silberschatz's reference string (Operating System Concepts, §10.4.2).
let textbookString: [Int64] = [7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1]
/// Belady's anomaly string.
let anomalyString: [Int64] = [1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5]

/// One operation of a random workload.
enum WorkloadOp {
  case reference(PageKey, isWrite: Bool)
  /// The process exits: its resident pages are freed, in frame order.
  case exit(process: Int)
}

/// A seeded random workload: frame count, parameters, and a mix of references and exits, with
/// some locality so that hits happen.
struct RandomWorkload {
  var frames: Int
  var configuration: ReplacementConfig
  var ops: [WorkloadOp]
  var nextUses: [Int64]

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 12345)
    func below(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
    frames = 1 + below(16)
    let processes = 1 + below(3)
    let universe = 1 + below(2 * frames + 6)
    // Mostly short strings (fast, many shapes), some long ones (deep states).
    let length = below(3) == 0 ? below(240) : below(50)
    let writePercent = [0, 25, 75, 100][below(4)]
    let exitPermille = below(2) == 0 ? 0 : 15
    configuration = ReplacementConfig(
      referenceOnLoad: below(2) == 0,
      agingBits: 1 + below(10),
      agingPeriod: below(2) == 0 ? nil : SimTime(picoseconds: Int64(1 + below(20))),
      wsclockTau: below(2) == 0 ? nil : SimTime(picoseconds: Int64(below(40))),
      twoQKin: [0, 0.1, 0.25, 0.5, 1][below(5)],
      twoQKout: [0, 0.25, 0.5, 1, 2][below(5)])
    var ops: [WorkloadOp] = []
    var recent: [PageKey] = []
    var pages: [PageKey] = []
    for _ in 0..<length {
      if below(1000) < exitPermille {
        ops.append(.exit(process: below(processes)))
        continue
      }
      let p: PageKey
      if !recent.isEmpty && below(2) == 0 {
        p = recent[below(recent.count)]
      } else {
        p = PageKey(process: below(processes), vpn: Int64(below(universe)))
      }
      recent.append(p)
      if recent.count > 6 { recent.removeFirst() }
      pages.append(p)
      ops.append(.reference(p, isWrite: below(100) < writePercent))
    }
    self.ops = ops
    nextUses = NextUse.indices(for: pages)
    // Drawn last, so that adding them left every other policy's workloads as they were.
    configuration.s3fifoSmallFraction = [0, 0.1, 0.25, 0.5, 1][below(5)]
    configuration.lirsHIRFraction = [0, 0.01, 0.25, 0.5, 1][below(5)]
    configuration.clockproColdMinimum = [0, 0.01, 0.125, 0.25, 0.5][below(5)]
  }
}

/// Replays `seeds` random workloads through the real policy `P` (by `PolicyReplay`) and the naive
/// `N`, and records an issue at the first reference whose hit or victim differs.
func expectSameVictims<P: ReplacementPolicy, N: NaiveCache>(
  _ real: P.Type, _ naive: N.Type, seeds: Range<UInt64> = 0..<2000,
  adjust: (inout ReplacementConfig) -> Void = { _ in },
  compare: (P, N) -> String? = { _, _ in nil },
  sourceLocation: SourceLocation = #_sourceLocation
) {
  var totalEvictions = 0
  for seed in seeds {
    var workload = RandomWorkload(seed: seed)
    adjust(&workload.configuration)
    var r = PolicyReplay<P>(frames: workload.frames, configuration: workload.configuration, seed: seed)
    var n = N(frames: workload.frames, configuration: workload.configuration)
    var index = 0
    for op in workload.ops {
      switch op {
      case .reference(let p, let isWrite):
        let step = r.reference(p, isWrite: isWrite, nextUse: workload.nextUses[index])
        let expected = n.reference(p, isWrite: isWrite, nextUse: workload.nextUses[index], time: Int64(index))
        if step.hit != expected.hit || step.victim != expected.victim {
          let message =
            "seed \(seed), frames \(workload.frames), reference \(index) to \(p.process):\(p.vpn): "
            + "real hit=\(step.hit) victim=\(String(describing: step.victim?.vpn)), "
            + "naive hit=\(expected.hit) victim=\(String(describing: expected.victim?.vpn))"
          Issue.record("\(message)", sourceLocation: sourceLocation)
          return
        }
        if let difference = compare(r.policy, n) {
          Issue.record("seed \(seed), reference \(index): \(difference)", sourceLocation: sourceLocation)
          return
        }
        if step.victim != nil { totalEvictions += 1 }
        index += 1
      case .exit(let process):
        for f in 0..<workload.frames {
          if let p = r.page(in: FrameNumber(f)), p.process == process {
            r.free(p)
            n.free(p)
          }
        }
      }
    }
  }
  // The workloads must actually exercise replacement.
  #expect(totalEvictions > seeds.count * 5, sourceLocation: sourceLocation)
}

/// A reference to page `vpn` of `process`, for driving a policy by hand.
func ref(_ vpn: Int64, process: Int = 0, write: Bool = false, at time: Int64 = 0, nextUse: Int64 = .max)
  -> PageReference
{
  PageReference(
    page: PageKey(process: process, vpn: vpn), isWrite: write, time: SimTime(picoseconds: time), nextUse: nextUse)
}

/// The victims (page numbers) of a fixed run with a process exit in the middle, on 3 frames:
/// process 1 loads page 5 into frame 0 (the oldest), process 0 loads pages 1 and 2 into frames 1
/// and 2; process 1 exits (frame 0 is freed); process 0 loads 3 (into free frame 0, no eviction),
/// hits 1, then faults on 4 and 5, each evicting a page; then references 4 and 1 again.
func victimsAroundExit<P: ReplacementPolicy>(
  _ policy: P.Type, configuration: ReplacementConfig = ReplacementConfig()
) -> (victims: [Int64], freedFrameReused: Bool) {
  let refs: [PageKey] = [
    PageKey(process: 1, vpn: 5), page(1), page(2), page(3), page(1), page(4), page(5), page(4), page(1),
  ]
  let next = NextUse.indices(for: refs)
  var r = PolicyReplay<P>(frames: 3, configuration: configuration, seed: 1)
  var victims: [Int64] = []
  var reused = false
  for i in refs.indices {
    if i == 3 { r.freeProcess(1) }
    let step = r.reference(refs[i], isWrite: false, nextUse: next[i])
    if i == 3 { reused = step.frame == FrameNumber(0) && step.victim == nil }
    if let v = step.victim { victims.append(v.vpn) }
  }
  return (victims, reused)
}

/// Checks that two configurations of `P` make the same decisions on 300 seeded random workloads:
/// `automatic` and `explicit` each adjust a workload's configuration given its frame count (for
/// parameters whose automatic value counts references, which in a replay equal picoseconds).
func expectSameDecisions<P: ReplacementPolicy>(
  _ policy: P.Type, automatic: (inout ReplacementConfig) -> Void,
  explicit: (inout ReplacementConfig, _ frames: Int) -> Void, sourceLocation: SourceLocation = #_sourceLocation
) {
  for seed in UInt64(0)..<300 {
    let w = RandomWorkload(seed: seed)
    var first = w.configuration
    automatic(&first)
    var second = w.configuration
    explicit(&second, w.frames)
    var a = PolicyReplay<P>(frames: w.frames, configuration: first)
    var b = PolicyReplay<P>(frames: w.frames, configuration: second)
    for case .reference(let p, let isWrite) in w.ops {
      let x = a.reference(p, isWrite: isWrite)
      let y = b.reference(p, isWrite: isWrite)
      if x != y {
        Issue.record("seed \(seed): \(x) != \(y)", sourceLocation: sourceLocation)
        break
      }
    }
  }
}
