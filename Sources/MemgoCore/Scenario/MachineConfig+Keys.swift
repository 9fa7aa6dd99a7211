// MARK: - Machine keys

extension MachineConfig {
  /// The keys of `machine`; defaults are those of `MachineConfig.init`. `frames` and `memory` are
  /// read by the check (exactly one must be given), which also compares a fixed frame quota with
  /// the frames.
  static let keyTable = KeyTable<MachineConfig>(
    [
      .integer(
        "cpus", 1...ScenarioDecoder.maximumCPUs, \.cpus, default: "omitted",
        "size of a FCFS CPU pool serving thinking and accesses (each CPU its own TLB); omitted: every process has "
          + "its own core"),
      .reading(
        "pageSize", .size, \.pageSize, default: "\"4KiB\"", "page size, a power of two from 256B to 1GiB",
        read: { $0.pageSize($1) }),
      .custom(
        "frames", .integer(1...ScenarioDecoder.maximumFrames), default: "required (or `memory`)",
        "physical page frames", store: nil),
      .custom(
        "memory", .size, default: "instead of `frames`",
        "physical memory as a size, a whole number of pages (frames = memory / pageSize)", store: nil),
      .object("tlb", TLBConfig.keyTable, \.tlb, "the translation lookaside buffer, one per CPU"),
      .object("pageTable", PageTableConfig.keyTable, \.pageTable, "the radix page table"),
      .object("replacement", ReplacementConfig.keyTable, \.replacement, "page replacement and frame allocation"),
      .boolean(
        "zeroFill", \.zeroFill, default: "true", "a never-touched page is zero-filled (minor fault, no disk read)"),
      .object("latency", LatencyConfig.keyTable, \.latency, "how long each step of an access takes"),
      .object("disk", DiskConfig.keyTable, \.disk, "the paging disk"),
    ], check: { decoder, decoding in decoder.checkMachine(&decoding) })
}

extension TLBConfig {
  /// The keys of `machine.tlb`; `ways` must divide `entries`.
  static let keyTable = KeyTable<TLBConfig>(
    [
      .integer("entries", 0...ScenarioDecoder.maximumTLBEntries, \.entries, default: "64", "TLB entries (0: no TLB)"),
      .integer(
        "ways", 1...ScenarioDecoder.maximumTLBEntries, \.ways, default: "4",
        "associativity, dividing entries (= entries: fully associative; LRU within a set)"),
      .boolean("asid", \.asid, default: "true", "entries are tagged with an address-space id (no flush on a switch)"),
    ],
    check: { decoder, decoding in
      guard decoding.allClean else { return true }
      let (entries, ways) = (decoding.target.entries, decoding.target.ways)
      guard entries > 0 && entries % ways != 0 else { return true }
      if let waysNode = decoding.object["ways"] {
        decoder.report(waysNode, "\(ways) does not divide entries (\(entries))")
      } else if let entriesNode = decoding.object["entries"] {
        decoder.report(
          entriesNode, "\(entries) is not a multiple of the default ways (\(ways)) (set \"ways\" to a divisor)")
      }
      return false
    })
}

extension PageTableConfig {
  /// The keys of `machine.pageTable`.
  static let keyTable = KeyTable<PageTableConfig>([
    .integer(
      "levels", ScenarioDecoder.pageTableLevels, \.levels, default: "4",
      "radix page-table levels, 512 entries per table"),
    .integer(
      "walkCache", 0...ScenarioDecoder.maximumWalkCacheEntries, \.walkCache, default: "0",
      "entries of each upper level's page-walk cache, per MMU (0: none)"),
  ])
}

extension ReplacementConfig {
  /// The keys of `machine.replacement`. Policy and scope parameters are decoded whatever the policy
  /// and scope (a sweep may change them); their ranges are checked by `validate()` and reported at
  /// the parameter's own path.
  static let keyTable = KeyTable<ReplacementConfig>(
    [
      .choice(
        "policy", what: "policy", \.policy, default: "\"fifo\"",
        "the replacement policy; `opt` (Belady's MIN) only when every process group replays a trace"),
      .choice(
        "scope", what: "scope", \.scope, default: "\"global\"",
        "`global`: one pool; `local`: `frameQuota` frames each; `workingset` (window `tau`) and `pff` "
          + "(`pffUpper`, `pffLower`) with load control"),
      .boolean(
        "referenceOnLoad", \.referenceOnLoad, default: "true",
        "clock, nru, aging, wsclock, mglru: a loaded page starts referenced"),
      .integer("agingBits", ReplacementConfig.agingBitsRange, \.agingBits, default: "8", "aging: bits of each counter"),
      .duration("agingPeriod", \.agingPeriod, default: "auto", "aging: time between counter shifts"),
      .duration("wsclockTau", \.wsclockTau, default: "auto", "wsclock: age beyond which a page leaves the working set"),
      .number(
        "twoQKin", min: .atLeast(0), max: .atMost(1), \.twoQKin, default: "0.25", "2q: A1in's share of the frames"),
      .number(
        "twoQKout", min: .atLeast(0), max: .atMost(4), \.twoQKout, default: "0.5",
        "2q: A1out's length, as a fraction of the frames"),
      .number(
        "s3fifoSmallFraction", min: .atLeast(0), max: .atMost(1), \.s3fifoSmallFraction, default: "0.1",
        "s3fifo: the small FIFO's share of the frames"),
      .number(
        "lirsHIRFraction", min: .atLeast(0), max: .atMost(1), \.lirsHIRFraction, default: "0.01",
        "lirs: resident HIR pages' share of the frames (at least 1, at most all but 1)"),
      .number(
        "clockproColdMinimum", min: .atLeast(0), max: .atMost(0.5), \.clockproColdMinimum, default: "0.01",
        "clockpro: m_min, the least share of the frames targeted for cold (and for hot) pages"),
      .reading(
        "frameQuota", .anyOf([.integer(1...ScenarioDecoder.maximumFrames), .choice(["equal"])]), \.frameQuota,
        default: "\"equal\"", "scope local: frames per process, or `\"equal\"` (frames / processes)",
        read: { $0.frameQuota($1) }),
      .integer(
        "tau", 1...ScenarioDecoder.maximumRequests, \.tau, default: "\(ReplacementConfig().tau)",
        "scope workingset: the window, in references"),
      .number(
        "pffUpper", min: .above(0), max: .atMost(1), \.pffUpper, default: "\(ReplacementConfig().pffUpper)",
        "scope pff: fault rate above which a process gets a frame"),
      .number(
        "pffLower", min: .above(0), max: .atMost(1), \.pffLower, default: "\(ReplacementConfig().pffLower)",
        "scope pff: fault rate below which a process gives one up"),
    ],
    check: { decoder, decoding in
      guard decoding.allClean else { return true }
      var valid = true
      for problem in decoding.target.validate() {
        valid = false
        if let node = decoding.object[problem.key] {
          decoder.report(node, problem.message)
        } else {
          // A default out of step with a given value (pffLower above a given pffUpper).
          decoder.report(decoding.object.node, "\(problem.key) (default): \(problem.message)")
        }
      }
      return valid
    })
}

extension LatencyConfig {
  /// The keys of `machine.latency`: one duration distribution per step of an access.
  static let keyTable = KeyTable<LatencyConfig>([
    .distribution("tlb", of: .duration, \.tlb, default: "\"1ns\"", "a TLB lookup"),
    .distribution(
      "ram", of: .duration, \.ram, default: "\"100ns\"", "one RAM access (also each page-table entry read)"),
    .distribution("fault", of: .duration, \.fault, default: "\"2us\"", "the fault handler"),
    .distribution("diskRead", of: .duration, \.diskRead, default: "\"5ms\"", "a disk page read"),
    .distribution("diskWrite", of: .duration, \.diskWrite, default: "\"5ms\"", "a disk page write"),
  ])
}

extension DiskConfig {
  /// The keys of `machine.disk`.
  static let keyTable = KeyTable<DiskConfig>([
    .integer(
      "channels", 1...ScenarioDecoder.maximumDiskChannels, \.channels, default: "1",
      "disk servers in front of one FCFS queue")
  ])
}
