import Testing

@testable import MemgoCore

/// The memory estimate and the budget checks built on it (docs/robustness.md, "Limits").
@Suite struct ResourceEstimateTests {
  static func load(_ json: String) -> Result<ScenarioFile, ScenarioLoadError> {
    Result { () throws(ScenarioLoadError) in try ScenarioLoader.load(bytes: Array(json.utf8), path: "t.json") }
  }

  static func problems(_ json: String) -> [String] {
    guard case .failure(let error) = load(json) else { return [] }
    return error.lines
  }

  static func scenario(frames: Int = 64, process: ProcessGroupConfig, policy: PolicyKind = .fifo) -> Scenario {
    var machine = MachineConfig(frames: frames)
    machine.replacement.policy = policy
    return Scenario(
      name: "t", description: "", seed: 1, replications: 1, stop: StopCondition(requests: 10), warmup: .zero,
      machine: machine, processes: [process])
  }

  @Test func pageTablesOfASmallAddressSpaceByHand() {
    // 16 MiB of 4 KiB pages: 4096 pages, 8 leaf tables, 1 table at each of the two levels above:
    // 10 tables of 4 KiB below the top, times 3 for the array's growth.
    let group = ProcessGroupConfig(name: "p", count: 3, addressSpace: 16 << 20)
    let estimate = ResourceEstimate(Self.scenario(process: group))
    #expect(estimate.pageTables == 3 * 10 * 4096 * 3)
    #expect(estimate.largestPageTableGroup == 0)
    // Processes: 3 × (2 × 512 + 64 + 4096 + 64); TLBs: 3 × (64 entries × 16 B + 64).
    #expect(estimate.processes == 3 * 5248)
    #expect(estimate.tlbs == 3 * (64 * 16 + 64))
    #expect(estimate.frames == 64 * (40 + 16))
    #expect(estimate.statistics == 2 * ResourceEstimate.tallyBytes)
    #expect(
      estimate.total == estimate.frames + estimate.processes + estimate.tlbs + estimate.pageTables
        + estimate.statistics)
  }

  @Test func requestsBoundThePagesTouched() {
    // 1 TiB would need 2^19 + 2^10 + 2 tables; 10 requests of at most 64 B touch at most 10 × 2 pages,
    // each needing at most 3 tables.
    var group = ProcessGroupConfig(name: "p", addressSpace: 1 << 40, requests: 10, size: .constant(64))
    #expect(ResourceEstimate(Self.scenario(process: group)).pageTables == 60 * 4096 * 3)
    group.requests = nil
    #expect(ResourceEstimate(Self.scenario(process: group)).pageTables == (524_288 + 1024 + 2) * 4096 * 3)
  }

  @Test func theExamplesOfTheDocumentation() {
    // docs/robustness.md, "The memory budget".
    let fifo = ResourceEstimate(Self.scenario(frames: 100_000_000, process: ProcessGroupConfig(name: "p")))
    #expect(ResourceEstimate.approximateSize(fifo.total) == "5.2 GiB")
    let terabyte = ResourceEstimate(Self.scenario(process: ProcessGroupConfig(name: "p", addressSpace: 1 << 40)))
    #expect(ResourceEstimate.approximateSize(terabyte.pageTables) == "6.0 GiB")
    var huge = ProcessGroupConfig(name: "p", addressSpace: 64 << 40)
    #expect(ResourceEstimate.approximateSize(ResourceEstimate(Self.scenario(process: huge)).pageTables) == "384.8 GiB")
    huge.requests = 1_000_000
    #expect(ResourceEstimate.approximateSize(ResourceEstimate(Self.scenario(process: huge)).pageTables) == "68.7 GiB")
    huge.requests = 100_000
    #expect(ResourceEstimate.approximateSize(ResourceEstimate(Self.scenario(process: huge)).pageTables) == "6.9 GiB")
    let many = ResourceEstimate(Self.scenario(process: ProcessGroupConfig(name: "p", count: 1_000_000)))
    #expect(ResourceEstimate.approximateSize(many.pageTables) == "114.4 GiB")
    var tiny = Self.scenario(process: ProcessGroupConfig(name: "p", count: 1_000_000, addressSpace: 4096))
    tiny.machine.pageTable.levels = 1
    #expect(ResourceEstimate.approximateSize(ResourceEstimate(tiny).total) == "5.9 GiB")
    #expect(ResourceEstimate.resultBudget / (2 * ResourceEstimate.tallyBytes) == 35_544)
  }

  /// A policy that needs the future prepares each trace's next uses, one trace at a time, numbering
  /// at worst every page of the address space (96 B each, plus 4 MiB of buffers), and each trace
  /// process keeps a reader (4096 × 8 B of blocks plus 1024 far next uses of 8 B). Other policies,
  /// and scopes that ignore the policy, prepare nothing.
  @Test func nextUsesOfTraceGroups() {
    let trace = AccessPatternConfig.trace(path: "x.trace", format: .plain)
    let small = ProcessGroupConfig(name: "s", count: 3, addressSpace: 1 << 20, access: trace)
    let large = ProcessGroupConfig(name: "l", addressSpace: 1 << 30, access: trace)
    var scenario = Self.scenario(process: small, policy: .opt)
    scenario.processes.append(large)
    let estimate = ResourceEstimate(scenario)
    #expect(estimate.nextUses == (1 << 18) * 96 + (4 << 20) + 4 * (4096 * 8 + 8192))
    #expect(estimate.largestPreparationGroup == 1)
    #expect(
      estimate.total == estimate.frames + estimate.processes + estimate.tlbs + estimate.pageTables
        + estimate.statistics + estimate.nextUses)
    scenario.machine.replacement.policy = .lru
    #expect(ResourceEstimate(scenario).nextUses == 0)
    scenario.machine.replacement = ReplacementConfig(policy: .opt, scope: .workingset)
    #expect(ResourceEstimate(scenario).nextUses == 0)
  }

  @Test func ghostListsMakeARCAndTwoQTheLargestPerFrame() {
    var config = ReplacementConfig(policy: .twoQ, twoQKout: 4)
    #expect(ResourceEstimate.bytesPerFrame(for: config) == 32 + 480 + 96)
    config.policy = .arc
    #expect(ResourceEstimate.bytesPerFrame(for: config) == 32 + 480)
    for policy in PolicyKind.allCases {
      config.policy = policy
      #expect(ResourceEstimate.bytesPerFrame(for: config) <= 608)
    }
  }

  @Test func saturatesInsteadOfOverflowing() {
    var scenario = Self.scenario(
      frames: 1 << 31,
      process: ProcessGroupConfig(name: "p", count: 1_000_000, addressSpace: 1 << 48), policy: .arc)
    scenario.machine.pageSize = 256
    scenario.machine.pageTable.levels = 6
    scenario.machine.tlb = TLBConfig(entries: 65536, ways: 4)
    let estimate = ResourceEstimate(scenario)
    #expect(estimate.total == .max)
    #expect(estimate.largestPart == .pageTables)
  }

  @Test func approximateSizes() {
    #expect(ResourceEstimate.approximateSize(512) == "512 B")
    #expect(ResourceEstimate.approximateSize(1536) == "1.5 KiB")
    #expect(ResourceEstimate.approximateSize(12 << 30) == "12.0 GiB")
    #expect(ResourceEstimate.approximateSize(.max) == "8.0 EiB")
  }

  // MARK: - Refusals, each at the key that contributes most

  @Test func tooManyFramesAreRefusedAtFrames() {
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 2147483648}, "processes": [{"name": "p"}]}"#)
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("t.json: machine.frames: a run needs an estimated 112.0 GiB of memory") == true)
    #expect(lines.first?.contains("budget of 12.0 GiB per run") == true)
  }

  @Test func memoryIsRefusedLikeFrames() {
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"memory": "8TiB", "replacement": {"policy": "arc"}}, "processes": [{}]}"#)
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("t.json: machine.memory: a run needs an estimated") == true)
    #expect(lines.first?.contains("2147483648 frames at about 552 B each with policy arc") == true)
  }

  @Test func worstCasePageTablesAreRefusedAtTheAddressSpace() {
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{"name": "a"}, {"name": "b", "addressSpace": "64TiB"}]}"#
    )
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("t.json: processes[1].addressSpace: a run needs an estimated") == true)
    #expect(lines.first?.contains("page tables of 1 process(es) of group \"b\"") == true)
  }

  @Test func nextUsesOfAHugeAddressSpaceAreRefusedAtIt() {
    let path = TraceTestSupport.temporaryFile("R 0x1000\n", name: "opt")
    defer { TraceTestSupport.remove(path) }
    func file(_ policy: String) -> String {
      #"{"stop": {"requests": 1}, "machine": {"frames": 64, "replacement": {"policy": "\#(policy)"}}, "#
        + #""processes": [{"name": "t", "addressSpace": "1TiB", "requests": 10, "#
        + #""access": {"pattern": "trace", "path": "\#(path)"}}]}"#
    }
    #expect(Self.problems(file("lru")) == [])
    let lines = Self.problems(file("opt"))
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("t.json: processes[0].addressSpace: a run needs an estimated 24.0 GiB") == true)
    #expect(
      lines.first?.contains(
        "the largest part is the next uses policy opt needs, numbering in the worst case every page of 1TiB in "
          + "the trace of group \"t\"") == true)
    #expect(lines.first?.hasSuffix("(expected a smaller addressSpace, larger pages, or another policy)") == true)
  }

  @Test func manyProcessesAreRefusedAtTheirCount() {
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 64, "pageTable": {"levels": 1}, "pageSize": "1GiB"}, "processes": [{"count": 1000000, "addressSpace": "1GiB", "size": "1B"}]}"#
    )
    // 10^6 processes: 5.1 GiB of process state and 1 GiB of TLBs fit; with 65536-entry TLBs they do not.
    #expect(lines == [])
    let tlbHeavy = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 64, "tlb": {"entries": 65536}}, "processes": [{"count": 100000, "addressSpace": "4KiB", "size": "1B"}]}"#
    )
    #expect(tlbHeavy.count == 1)
    #expect(tlbHeavy.first?.hasPrefix("t.json: machine.tlb.entries: a run needs an estimated") == true)
    #expect(tlbHeavy.first?.contains("machine.cpus") == true)
  }

  @Test func aSweptValueBeyondTheBudgetIsReportedInTheSweep() {
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{}], "sweep": {"machine.frames": [64, 2147483648]}}"#
    )
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("t.json: sweep.machine.frames[1]: a run needs an estimated") == true)
  }

  @Test func resultsBeyondTheBudgetAreRefusedAtReplications() {
    let lines = Self.problems(
      #"{"replications": 100000, "stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{}]}"#)
    #expect(
      lines == [
        "t.json: replications: 100000 run(s) keep an estimated 11.3 GiB of statistics until the report is written, "
          + "more than memgo's budget of 4.0 GiB (expected fewer replications, sweep points or process groups; "
          + "each run keeps about 59.0 KiB per group)"
      ])
    let sweep = Self.problems(
      #"{"replications": 1000, "stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{}], "sweep": {"seed": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37]}}"#
    )
    #expect(sweep.first?.hasPrefix("t.json: replications: 37000 run(s)") == true)
  }

  @Test func groupsAndEmpiricalValuesAreCappedBeforeDecoding() {
    let groups = "[" + Array(repeating: "1", count: 10_001).joined(separator: ",") + "]"
    #expect(
      Self.problems(#"{"stop": {"requests": 1}, "machine": {"frames": 64}, "processes": \#(groups)}"#)
        == ["t.json: processes: 10001 process groups (expected at most 10^4; use \"count\" for identical processes)"])
    let values = "[" + Array(repeating: "\"1us\"", count: 1_000_001).joined(separator: ",") + "]"
    let lines = Self.problems(
      #"{"stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{"interval": {"dist": "empirical", "values": \#(values)}}]}"#
    )
    #expect(lines == ["t.json: processes[0].interval.values: 1000001 values (expected at most 10^6)"])
  }

  @Test func parallelRunsShrinkToFitTheBudget() throws {
    let file = try Self.load(
      #"{"stop": {"requests": 1}, "machine": {"frames": 150000000}, "processes": [{}]}"#
    ).get()
    let one = ResourceEstimate(file.points[0].scenario).total
    #expect(one > ResourceEstimate.runBudget / 2 && one <= ResourceEstimate.runBudget)
    #expect(ResourceEstimate.parallelRuns(file.points, jobs: 8) == 1)
    let small = try Self.load(#"{"stop": {"requests": 1}, "machine": {"frames": 64}, "processes": [{}]}"#).get()
    #expect(ResourceEstimate.parallelRuns(small.points, jobs: 8) == 8)
  }
}
