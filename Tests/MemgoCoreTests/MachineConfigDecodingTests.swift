import Testing

@testable import MemgoCore

@Suite struct MachineConfigDecodingTests {
  typealias F = ScenarioFixture

  func machine(_ body: String) -> MachineConfig? { F.scenario(F.minimal(machine: body))?.machine }
  func problems(machine body: String) -> [String] { F.problems(F.minimal(machine: body)) }

  @Test func defaultsMatchTheTypeDefaults() throws {
    let m = try #require(machine(#""frames": 64"#))
    #expect(m.cpus == nil)
    #expect(m.pageSize == 4096)
    #expect(m.frames == 64)
    #expect(m.tlb.entries == 64 && m.tlb.ways == 4 && m.tlb.asid)
    #expect(m.pageTable.levels == 4)
    #expect(m.replacement.policy == .fifo && m.replacement.scope == .global && m.replacement.referenceOnLoad)
    #expect(m.zeroFill)
    #expect(m.latency.tlb == .constant(1_000) && m.latency.ram == .constant(100_000))
    #expect(m.latency.fault == .constant(2_000_000))
    #expect(m.latency.diskRead == .constant(5_000_000_000) && m.latency.diskWrite == .constant(5_000_000_000))
    #expect(m.disk.channels == 1)
  }

  @Test func everyFieldDecodes() throws {
    let m = try #require(
      machine(
        """
        "cpus": 8, "pageSize": "2MiB", "frames": 100, "tlb": {"entries": 1536, "ways": 12, "asid": false},
        "pageTable": {"levels": 3}, "replacement": {"policy": "fifo", "scope": "global", "referenceOnLoad": false},
        "zeroFill": false, "disk": {"channels": 4},
        "latency": {"tlb": "0.5ns", "ram": "80ns", "fault": "1us", "diskRead": {"dist": "exponential", "mean": "8ms"},
                    "diskWrite": {"dist": "uniform", "min": "1ms", "max": "3ms"}}
        """))
    #expect(m.cpus == 8 && m.pageSize == 2 << 20 && m.frames == 100)
    #expect(m.tlb.entries == 1536 && m.tlb.ways == 12 && !m.tlb.asid)
    #expect(m.pageTable.levels == 3)
    #expect(!m.replacement.referenceOnLoad && !m.zeroFill && m.disk.channels == 4)
    #expect(
      m.latency.tlb == .constant(500) && m.latency.ram == .constant(80_000) && m.latency.fault == .constant(1_000_000))
    #expect(m.latency.diskRead == .exponential(mean: 8_000_000_000))
    #expect(m.latency.diskWrite == .uniform(min: 1_000_000_000, max: 3_000_000_000))
  }

  // MARK: - frames and memory

  @Test func memoryGivesFrames() {
    #expect(machine(#""memory": "4MiB""#)?.frames == 1024)
    #expect(machine(#""memory": "1GiB", "pageSize": "2MiB""#)?.frames == 512)
    // 2^31 frames are within the frames limit, but beyond the memory budget of a run.
    #expect(problems(machine: #""frames": 2147483648"#).first?.hasPrefix("machine.frames: a run needs an estimated") == true)
    #expect(machine(#""frames": 100000000"#)?.frames == 100_000_000)
  }

  @Test func framesAndMemoryProblems() {
    #expect(
      problems(machine: #""cpus": 1"#) == [
        "machine.frames: missing required key "
          + #"(expected the number of page frames, or "memory" as a size such as "64MiB")"#
      ])
    #expect(
      problems(machine: #""frames": 8, "memory": "1MiB""#) == ["machine.memory: give either frames or memory, not both"]
    )
    #expect(problems(machine: #""frames": 0"#) == ["machine.frames: 0 is out of range (expected 1 <= frames <= 2^31)"])
    #expect(
      problems(machine: #""frames": 2147483649"#) == [
        "machine.frames: 2147483649 is out of range (expected 1 <= frames <= 2^31)"
      ])
    #expect(
      problems(machine: #""frames": 64.5"#) == ["machine.frames: 64.5 is not an integer (expected a whole number)"])
    #expect(problems(machine: #""frames": "64""#) == [#"machine.frames: expected an integer, found "64""#])
    #expect(
      problems(machine: #""memory": "10000B""#) == [
        #"machine.memory: "10000B" is not a whole number of pages (pageSize is 4KiB)"#
      ])
    #expect(
      problems(machine: #""memory": "0B""#) == [
        #"machine.memory: "0B" holds no page frame (expected at least one page of 4KiB)"#
      ])
    #expect(
      problems(machine: #""memory": "1TiB", "pageSize": "256B""#) == [
        #"machine.memory: "1TiB" is 4294967296 frames of 256B (expected at most 2^31 frames)"#
      ])
    #expect(
      problems(machine: #""memory": 4096"#) == [
        #"machine.memory: expected a size string with a unit, e.g. "4096B" or "4KiB""#
      ])
  }

  // MARK: - Other fields

  @Test func cpusAndPageSizeLimits() {
    #expect(machine(#""frames": 1, "cpus": 4096"#)?.cpus == 4096)
    #expect(
      problems(machine: #""frames": 1, "cpus": 0"#) == ["machine.cpus: 0 is out of range (expected 1 <= cpus <= 4096)"])
    #expect(problems(machine: #""frames": 1, "cpus": null"#) == ["machine.cpus: expected an integer, found null"])
    #expect(
      problems(machine: #""frames": 1, "pageSize": "3KiB""#) == [
        #"machine.pageSize: "3KiB" is not a power of two (expected a page size such as "4KiB")"#
      ])
    #expect(
      problems(machine: #""frames": 1, "pageSize": "128B""#) == [
        #"machine.pageSize: "128B" is out of range (expected 256B <= pageSize <= 1GiB)"#
      ])
    #expect(
      problems(machine: #""frames": 1, "pageSize": "2GiB""#) == [
        #"machine.pageSize: "2GiB" is out of range (expected 256B <= pageSize <= 1GiB)"#
      ])
    #expect(machine(#""frames": 1, "pageSize": "256B""#)?.pageSize == 256)
    #expect(machine(#""frames": 1, "pageSize": "1GiB""#)?.pageSize == 1 << 30)
  }

  @Test func tlbGeometry() {
    #expect(
      problems(machine: #""frames": 1, "tlb": {"entries": 64, "ways": 3}"#) == [
        "machine.tlb.ways: 3 does not divide entries (64)"
      ])
    #expect(
      problems(machine: #""frames": 1, "tlb": {"entries": 6}"#) == [
        #"machine.tlb.entries: 6 is not a multiple of the default ways (4) (set "ways" to a divisor)"#
      ])
    #expect(machine(#""frames": 1, "tlb": {"entries": 0, "ways": 3}"#)?.tlb.entries == 0)
    #expect(machine(#""frames": 1, "tlb": {"entries": 64, "ways": 64}"#)?.tlb.ways == 64)
    #expect(
      problems(machine: #""frames": 1, "tlb": {"entries": 65537}"#) == [
        "machine.tlb.entries: 65537 is out of range (expected 0 <= entries <= 2^16)"
      ])
    #expect(
      problems(machine: #""frames": 1, "tlb": {"ways": 0}"#) == [
        "machine.tlb.ways: 0 is out of range (expected 1 <= ways <= 2^16)"
      ])
    #expect(
      problems(machine: #""frames": 1, "tlb": {"asid": "yes"}"#) == [
        #"machine.tlb.asid: expected true or false, found "yes""#
      ])
    #expect(
      problems(machine: #""frames": 1, "tlb": {"way": 2}"#) == [
        #"machine.tlb: unknown key "way" (did you mean "ways"?)"#
      ])
    #expect(problems(machine: #""frames": 1, "tlb": 64"#) == ["machine.tlb: expected an object, found 64"])
  }

  @Test func pageTableAndDisk() {
    #expect(
      problems(machine: #""frames": 1, "pageTable": {"levels": 7}"#) == [
        "machine.pageTable.levels: 7 is out of range (expected 1 <= levels <= 6)"
      ])
    #expect(
      problems(machine: #""frames": 1, "disk": {"channels": 0}"#) == [
        "machine.disk.channels: 0 is out of range (expected 1 <= channels <= 1024)"
      ])
    #expect(
      problems(machine: #""frames": 1, "disk": {"channels": 1025}"#) == [
        "machine.disk.channels: 1025 is out of range (expected 1 <= channels <= 1024)"
      ])
    #expect(machine(#""frames": 1, "disk": {}"#)?.disk.channels == 1)
  }

  @Test func replacementPolicies() throws {
    for kind in PolicyKind.allCases where !kind.needsFuture {
      #expect(machine(#""frames": 1, "replacement": {"policy": "\#(kind.rawValue)"}"#)?.replacement.policy == kind)
    }
    #expect(
      problems(machine: #""frames": 1, "replacement": {"policy": "xyzzy"}"#) == [
        #"machine.replacement.policy: unknown policy "xyzzy" (expected one of \#(F.policyList))"#
      ])
    #expect(
      problems(machine: #""frames": 1, "replacement": {"policy": "fifoo"}"#) == [
        #"machine.replacement.policy: unknown policy "fifoo" (did you mean "fifo"? expected one of \#(F.policyList))"#
      ])
    let scopes = AllocationScope.allCases.map(\.rawValue).joined(separator: ", ")
    #expect(
      problems(machine: #""frames": 1, "replacement": {"scope": "everywhere"}"#) == [
        #"machine.replacement.scope: unknown scope "everywhere" (expected one of \#(scopes))"#
      ])
    #expect(
      problems(machine: #""frames": 1, "replacement": {"polcy": "fifo"}"#) == [
        #"machine.replacement: unknown key "polcy" (did you mean "policy"?)"#
      ])
    if let future = PolicyKind.allCases.first(where: \.needsFuture) {
      let problems = problems(machine: #""frames": 1, "replacement": {"policy": "\#(future.rawValue)"}"#)
      #expect(problems.count == 1)
      #expect(problems.first?.contains("needs the future reference stream") == true)
    }
  }

  @Test func latencyEntriesAreDurationDistributions() {
    #expect(
      problems(machine: #""frames": 1, "latency": {"ram": 100}"#) == [
        #"machine.latency.ram: expected a duration string with a unit, e.g. "100ns" or "100us""#
      ])
    #expect(
      problems(machine: #""frames": 1, "latency": {"diskRead": 5000}"#) == [
        #"machine.latency.diskRead: expected a duration string with a unit, e.g. "5000ns" or "5us""#
      ])
    #expect(
      problems(machine: #""frames": 1, "latency": {"disk": "5ms"}"#) == [
        #"machine.latency: unknown key "disk" (expected one of tlb, ram, fault, diskRead, diskWrite)"#
      ])
  }

  @Test func unknownMachineKeySuggestsTheNearest() {
    #expect(problems(machine: #""framez": 64"#).first == #"machine: unknown key "framez" (did you mean "frames"?)"#)
    #expect(
      problems(machine: #""frames": 64, "colour": 1"#) == [
        #"machine: unknown key "colour" (expected one of cpus, pageSize, frames, memory, tlb, pageTable, "#
          + "replacement, zeroFill, latency, disk)"
      ])
  }
}
