import Foundation
import Testing

@testable import MemgoCore

/// OPT in the discrete-event simulator: trace-driven processes get each page access's next use
/// from `ProcessFutures`, and the simulator's faults are Belady's.
@Suite struct ProcessFuturesTests {
  /// One reference of a test trace: its page, a byte offset in it, its size and whether it writes.
  struct Reference {
    var page: UInt64
    var offset: UInt64 = 0
    var size: UInt64 = 1
    var isWrite = false

    /// The pages it touches, in order.
    func pages(pageSize: UInt64 = 4096) -> [UInt64] {
      let first = page * pageSize + offset
      return Array(first / pageSize...(first + size - 1) / pageSize)
    }
  }

  /// `count` references over `pages` pages, a quarter of them writes, from `seed`.
  static func randomTrace(seed: UInt64, count: Int, pages: UInt64, maximumSize: UInt64 = 1) -> [Reference] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      Reference(
        page: random.next() % pages, offset: random.next() % 4096, size: 1 + random.next() % maximumSize,
        isWrite: random.next() % 4 == 0)
    }
  }

  /// Writes `references` as a din trace (label, hex address, hex size) to a temporary file.
  static func dinFile(_ references: [Reference]) -> String {
    let lines = references.map { r in
      "\(r.isWrite ? 1 : 0) \(String(r.page * 4096 + r.offset, radix: 16)) \(String(r.size, radix: 16))"
    }
    return TraceTestSupport.temporaryFile(lines.joined(separator: "\n") + "\n", name: "opt")
  }

  /// Writes `references` as a plain trace (R or W, then the hex address) to a temporary file.
  static func plainFile(_ references: [Reference]) -> String {
    let lines = references.map { r in "\(r.isWrite ? "W" : "R") 0x\(String(r.page * 4096 + r.offset, radix: 16))" }
    return TraceTestSupport.temporaryFile(lines.joined(separator: "\n") + "\n", name: "opt")
  }

  /// Belady's MIN by the definition, in O(n) per fault: on a fault with every frame full, evict
  /// the resident page whose next reference is the farthest, or that is never referenced again.
  static func naiveBelady(_ pages: [UInt64], frames: Int) -> Int {
    var resident: [UInt64] = []
    var faults = 0
    for (i, page) in pages.enumerated() where !resident.contains(page) {
      faults += 1
      if resident.count < frames {
        resident.append(page)
        continue
      }
      func nextUse(_ candidate: UInt64) -> Int { pages[(i + 1)...].firstIndex(of: candidate) ?? Int.max }
      let victim = resident.indices.max { nextUse(resident[$0]) < nextUse(resident[$1]) } ?? 0
      resident[victim] = page
    }
    return faults
  }

  /// A machine of `frames` frames with deterministic latencies and the given policy and scope.
  static func machine(frames: Int, policy: PolicyKind, scope: AllocationScope = .global, tlbEntries: Int = 4)
    -> MachineConfig
  {
    var machine = SimulatorTests.machine(frames: frames, tlbEntries: tlbEntries, policy: policy, zeroFill: false)
    machine.replacement.scope = scope
    return machine
  }

  /// A group replaying the trace at `path` (in `format`), a reference every microsecond.
  static func replaying(
    _ path: String, format: TraceFormat, name: String = "trace", count: Int = 1, requests: Int? = nil
  )
    -> ProcessGroupConfig
  {
    ProcessGroupConfig(
      name: name, count: count, addressSpace: 1 << 20, requests: requests, interval: .constant(1_000_000),
      access: .trace(path: path, format: format))
  }

  static func run(_ machine: MachineConfig, _ groups: [ProcessGroupConfig]) throws -> RunResult {
    try Experiment.run(
      Scenario(
        name: "t", description: "", seed: 1, replications: 1, stop: StopCondition(), warmup: .zero,
        machine: machine, processes: groups),
      replication: 0)
  }

  static func faults(_ tally: RunTally) -> Int { Int(tally.majorFaults + tally.minorFaults) }

  /// Belady's string 1 2 3 4 1 2 5 1 2 3 4 5. By hand with 3 frames: 1, 2, 3 fault; 4 evicts 3
  /// (next used at 9, after 1 at 4 and 2 at 5); 1 and 2 hit; 5 evicts 4 (used at 10, after 1 at 7
  /// and 2 at 8); 1 and 2 hit; 3 evicts a page never used again; so does 4; 5 hits: 7 faults.
  /// With 4 frames, 6 (5 evicts 4, 4 evicts a page never used again).
  @Test func beladysStringByHand() throws {
    let path = Self.plainFile([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { Reference(page: $0) })
    defer { TraceTestSupport.remove(path) }
    for (frames, expected) in [(3, 7), (4, 6)] {
      let result = try Self.run(Self.machine(frames: frames, policy: .opt), [Self.replaying(path, format: .plain)])
      #expect(result.machine.requests == 12)
      #expect(Self.faults(result.machine) == expected, "\(frames) frames")
    }
  }

  /// One trace process under global scope makes exactly the faults of `memgo trace --policy opt`
  /// and of Belady's MIN by the definition, at every memory size, on seeded random traces with
  /// writes (dirty victims are written back first, which delays but does not change the count).
  @Test(arguments: 0..<8)
  func oneProcessMatchesTraceAnalysisAndNaiveBelady(seed: Int) throws {
    let references = Self.randomTrace(seed: UInt64(seed), count: 300, pages: 24)
    let path = Self.plainFile(references)
    defer { TraceTestSupport.remove(path) }
    let frames = [1, 3, 8, 16]
    let analysis = try TraceAnalysis(
      path: path, options: TraceAnalysisOptions(format: .plain, policies: [.opt], frames: frames, classify: false))
    for (i, size) in frames.enumerated() {
      let result = try Self.run(Self.machine(frames: size, policy: .opt), [Self.replaying(path, format: .plain)])
      let expected = Self.naiveBelady(references.flatMap { $0.pages() }, frames: size)
      #expect(Self.faults(result.machine) == expected, "seed \(seed), \(size) frames")
      #expect(analysis.results[i].faults == Int64(expected), "seed \(seed), \(size) frames")
    }
  }

  /// A reference spanning pages is one access per page, in ascending order, as `memgo trace` and
  /// the simulator both expand it.
  @Test(arguments: 0..<4)
  func referencesSpanningPagesCountEachPage(seed: Int) throws {
    let references = Self.randomTrace(seed: UInt64(seed), count: 200, pages: 16, maximumSize: 3 * 4096)
    let path = Self.dinFile(references)
    defer { TraceTestSupport.remove(path) }
    let pages = references.flatMap { $0.pages() }
    #expect(pages.count > references.count)
    let analysis = try TraceAnalysis(
      path: path, options: TraceAnalysisOptions(format: .din, policies: [.opt], frames: [5], classify: false))
    let result = try Self.run(Self.machine(frames: 5, policy: .opt), [Self.replaying(path, format: .din)])
    #expect(result.machine.accesses == Int64(pages.count))
    #expect(Self.faults(result.machine) == Self.naiveBelady(pages, frames: 5))
    #expect(analysis.results[0].faults == Int64(Self.naiveBelady(pages, frames: 5)))
  }

  /// OPT faults no more than LRU or FIFO on the same scenario.
  @Test(arguments: 0..<6)
  func neverMoreFaultsThanLRUOrFIFO(seed: Int) throws {
    let path = Self.plainFile(Self.randomTrace(seed: 100 + UInt64(seed), count: 400, pages: 20))
    defer { TraceTestSupport.remove(path) }
    let group = Self.replaying(path, format: .plain)
    let faults = try [PolicyKind.opt, .lru, .fifo].map { policy in
      Self.faults(try Self.run(Self.machine(frames: 6, policy: policy), [group]).machine)
    }
    #expect(faults[0] <= faults[1], "seed \(seed): OPT \(faults[0]), LRU \(faults[1])")
    #expect(faults[0] <= faults[2], "seed \(seed): OPT \(faults[0]), FIFO \(faults[2])")
  }

  /// Under scope local each process replaces only its own pages, so with equal quotas each one
  /// faults exactly as OPT alone on its own trace with its quota.
  @Test(arguments: 0..<4)
  func localScopeIsSingleProcessOPTPerProcess(seed: Int) throws {
    let first = Self.randomTrace(seed: 200 + UInt64(seed), count: 300, pages: 18)
    let second = Self.randomTrace(seed: 300 + UInt64(seed), count: 250, pages: 12)
    let paths = [Self.plainFile(first), Self.plainFile(second)]
    defer { paths.forEach(TraceTestSupport.remove) }
    let result = try Self.run(
      Self.machine(frames: 10, policy: .opt, scope: .local),
      [Self.replaying(paths[0], format: .plain, name: "a"), Self.replaying(paths[1], format: .plain, name: "b")])
    #expect(Self.faults(result.groups[0]) == Self.naiveBelady(first.flatMap { $0.pages() }, frames: 5))
    #expect(Self.faults(result.groups[1]) == Self.naiveBelady(second.flatMap { $0.pages() }, frames: 5))
  }

  /// The processes of a group share one preparation of their trace, each reading it from the start.
  @Test func processesOfAGroupEachReadTheWholeFuture() throws {
    let references = Self.randomTrace(seed: 7, count: 300, pages: 15)
    let path = Self.plainFile(references)
    defer { TraceTestSupport.remove(path) }
    let result = try Self.run(
      Self.machine(frames: 8, policy: .opt, scope: .local), [Self.replaying(path, format: .plain, count: 2)])
    #expect(Self.faults(result.machine) == 2 * Self.naiveBelady(references.flatMap { $0.pages() }, frames: 4))
  }

  /// A group with `requests` replays only that many references: what follows is not its future.
  @Test func requestsEndTheFuture() throws {
    let references = Self.randomTrace(seed: 11, count: 300, pages: 20)
    let path = Self.plainFile(references)
    defer { TraceTestSupport.remove(path) }
    for requests in [1, 57, 200] {
      let result = try Self.run(
        Self.machine(frames: 4, policy: .opt), [Self.replaying(path, format: .plain, requests: requests)])
      let pages = references.prefix(requests).flatMap { $0.pages() }
      #expect(Self.faults(result.machine) == Self.naiveBelady(pages, frames: 4), "requests \(requests)")
    }
  }

  /// A trace that cannot be read again (it vanished since the scenario was loaded) is an I/O error
  /// that `Experiment.run` throws, with a policy that needs the future (its preparation reads the
  /// trace) and without (the simulator opens it), never a process that replays nothing.
  @Test func aTraceThatCannotBeReadAgainIsAnIOError() throws {
    let group = Self.replaying("/nonexistent/memgo-opt.trace", format: .plain, requests: 3)
    for policy in [PolicyKind.lru, .opt] {
      let error = #expect(throws: TraceError.self) { try Self.run(Self.machine(frames: 4, policy: policy), [group]) }
      #expect(error?.kind == .io, "\(policy)")
      #expect(error?.file == "/nonexistent/memgo-opt.trace", "\(policy)")
    }
  }

  /// A line that became malformed after the scenario was loaded ends the run with that line's
  /// syntax error, file and line number; the references before it are not a shorter trace.
  @Test func aMalformedLineInTheMiddleIsAnErrorWithItsLine() throws {
    let path = TraceTestSupport.temporaryFile("R 0x1000\nW 0x2000\nR 0xzz\nR 0x3000\n", name: "broken")
    defer { TraceTestSupport.remove(path) }
    for policy in [PolicyKind.lru, .fifo] {
      let error = #expect(throws: TraceError.self) {
        try Self.run(Self.machine(frames: 4, policy: policy), [Self.replaying(path, format: .plain)])
      }
      #expect(error?.kind == .syntax, "\(policy)")
      #expect(error?.file == path, "\(policy)")
      #expect(error?.line == 3, "\(policy)")
    }
    // The same trace without the bad line runs to its end.
    let fixed = TraceTestSupport.temporaryFile("R 0x1000\nW 0x2000\nR 0x3000\n", name: "fixed")
    defer { TraceTestSupport.remove(fixed) }
    let result = try Self.run(Self.machine(frames: 4, policy: .lru), [Self.replaying(fixed, format: .plain)])
    #expect(result.machine.requests == 3)
  }

  /// `prepare` gives one stream per process in process order, nil where a process replays no trace.
  @Test func oneStreamPerProcess() throws {
    let path = Self.plainFile([1, 2, 1].map { Reference(page: $0) })
    defer { TraceTestSupport.remove(path) }
    let other = ProcessGroupConfig(name: "u", count: 2, requests: 1)
    let scenario = Scenario(
      name: "t", description: "", seed: 1, replications: 1, stop: StopCondition(), warmup: .zero,
      machine: Self.machine(frames: 4, policy: .opt), processes: [other, Self.replaying(path, format: .plain)])
    var streams = try ProcessFutures.prepare(scenario)
    #expect(streams.count == 3)
    #expect(streams[0] == nil && streams[1] == nil)
    var nextUses: [Int64] = []
    while let access = try streams[2]?.next() { nextUses.append(access.nextUse) }
    #expect(nextUses == [2, .max, .max])
  }
}
