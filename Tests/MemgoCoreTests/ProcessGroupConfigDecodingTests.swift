import Testing

@testable import MemgoCore

@Suite struct ProcessGroupConfigDecodingTests {
  typealias F = ScenarioFixture

  /// Problems of a one-group scenario; the group gets `requests` (a stop condition) unless it has its own.
  func problems(_ process: String, machine: String = #""frames": 64"#) -> [String] {
    let body = process.contains("\"requests\"") ? process : process + #", "requests": 1"#
    return F.problems(F.minimal(machine: machine, process: body))
  }

  @Test func defaultsMatchTheTypeDefaults() throws {
    let scenario = try #require(
      F.scenario(#"{"machine": {"frames": 1}, "processes": [{}, {"requests": 5}], "stop": {"time": "1s"}}"#))
    let g = scenario.processes[0]
    #expect(g.name == "group0" && scenario.processes[1].name == "group1")
    #expect(g.count == 1 && g.start == .zero && g.addressSpace == 16 << 20 && g.requests == nil)
    #expect(g.interval == .exponential(mean: 50_000_000) && g.size == .constant(64))
    #expect(g.writeFraction == 0 && g.access == .uniform)
    #expect(scenario.processes[1].requests == 5)
  }

  @Test func everyFieldDecodes() throws {
    let g = try #require(
      F.scenario(
        F.minimal(
          process: """
            "name": "db", "count": 4, "start": "1ms", "addressSpace": "1GiB", "requests": 100000,
            "interval": "10us", "size": "4KiB", "writeFraction": 0.25, "access": "sequential"
            """))?.processes.first)
    #expect(g.name == "db" && g.count == 4 && g.start == .milliseconds(1) && g.addressSpace == 1 << 30)
    #expect(g.requests == 100_000 && g.interval == .constant(10_000_000) && g.size == .constant(4096))
    #expect(g.writeFraction == 0.25 && g.access == .sequential(stride: nil))
  }

  @Test func namesAndCounts() {
    #expect(
      F.problems(
        #"{"machine": {"frames": 1}, "processes": [{"name": "a", "requests": 1}, {"name": "a", "requests": 1}]}"#) == [
          #"processes[1].name: duplicate process group name "a" (also processes[0]; expected unique names)"#
        ])
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "processes": [{"name": "group1", "requests": 1}, {"requests": 1}]}"#) == [
        #"processes[1]: duplicate process group name "group1" (also processes[0]; expected unique names)"#
      ])
    #expect(
      problems(#""name": """#) == [
        #"processes[0].name: "" is not a usable name (expected 1 to 100 characters, no control characters)"#
      ])
    #expect(problems(#""count": 0"#) == ["processes[0].count: 0 is out of range (expected 1 <= count <= 10^6)"])
    #expect(
      F.problems(
        #"{"machine": {"frames": 1}, "stop": {"time": "1s"}, "processes": [{"count": 600000}, {"count": 400001}]}"#)
        == [
          "processes: 1000001 processes in all (expected at most 10^6 over all groups)"
        ])
    // 10^6 processes fit the memory budget when their page tables are small (one level, one page).
    #expect(
      F.scenario(
        #"{"machine": {"frames": 1, "pageTable": {"levels": 1}}, "stop": {"time": "1s"}, "#
          + #""processes": [{"count": 600000, "addressSpace": "4KiB"}, {"count": 400000, "addressSpace": "4KiB"}]}"#)
        != nil)
  }

  @Test func addressSpaceLimits() {
    #expect(
      problems(#""addressSpace": "2KiB""#) == [
        #"processes[0].addressSpace: "2KiB" is smaller than one page (expected at least pageSize, 4KiB)"#
      ])
    #expect(
      problems(#""addressSpace": "10000B""#) == [
        #"processes[0].addressSpace: "10000B" is not a whole number of pages (pageSize is 4KiB)"#
      ])
    #expect(
      problems(#""addressSpace": "4MiB", "size": "8B""#, machine: #""frames": 1, "pageTable": {"levels": 1}"#) == [
        #"processes[0].addressSpace: "4MiB" is more than a 1-level page table maps "#
          + "(expected at most 2MiB: 4KiB pages x 512^1)"
      ])
    #expect(
      F.scenario(F.minimal(process: #""addressSpace": "256TiB", "requests": 1"#))?.processes.first?.addressSpace == 1
        << 48)
    #expect(
      problems(#""addressSpace": "257TiB""#) == [#"processes[0].addressSpace: "257TiB" exceeds the limit of 256TiB"#])
    // With 1GiB pages and 6 levels the page table could map far beyond 2^48: the size limit applies.
    #expect(
      F.scenario(
        F.minimal(
          machine: #""frames": 1, "pageSize": "1GiB", "pageTable": {"levels": 6}"#,
          process: #""addressSpace": "4GiB", "requests": 1"#))?
        .processes.first?.addressSpace == 4 << 30)
    // A wrong page size hides the address-space checks that depend on it.
    #expect(
      problems(#""addressSpace": "10000B""#, machine: #""frames": 1, "pageSize": "3KiB""#) == [
        #"machine.pageSize: "3KiB" is not a power of two (expected a page size such as "4KiB")"#
      ])
  }

  @Test func requestsSizesAndWrites() {
    #expect(
      problems(#""requests": 0"#) == ["processes[0].requests: 0 is out of range (expected 1 <= requests <= 10^12)"])
    #expect(
      problems(#""requests": 1000000000001"#) == [
        "processes[0].requests: 1000000000001 is out of range (expected 1 <= requests <= 10^12)"
      ])
    #expect(
      problems(#""requests": 1, "size": "32MiB""#) == [
        "processes[0].size: largest request size 32MiB exceeds the address space (16MiB)"
      ])
    #expect(
      problems(#""requests": 1, "size": {"dist": "uniform", "min": "1B", "max": "17MiB"}"#) == [
        "processes[0].size: largest request size 17MiB exceeds the address space (16MiB)"
      ])
    #expect(
      problems(#""requests": 1, "size": "0B""#) == [
        #"processes[0].size: "0B" is out of range (expected a request size of at least 1B)"#
      ])
    #expect(
      problems(#""requests": 1, "writeFraction": 1.5"#) == [
        "processes[0].writeFraction: 1.5 is out of range (expected 0 <= writeFraction <= 1)"
      ])
    #expect(
      problems(#""requests": 1, "writeFraction": "0.3""#) == [
        #"processes[0].writeFraction: expected a number, found "0.3""#
      ])
    #expect(
      problems(#""requests": 1, "start": 0"#) == [
        #"processes[0].start: expected a duration string with a unit, e.g. "0ns" or "0us""#
      ])
    #expect(problems(#""requests": 1, "sise": "8B""#) == [#"processes[0]: unknown key "sise" (did you mean "size"?)"#])
  }

  @Test func processListShape() {
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "processes": [], "stop": {"time": "1s"}}"#) == [
        "processes: empty array (expected at least one process group)"
      ])
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "processes": {}, "stop": {"time": "1s"}}"#) == [
        "processes: expected an array of process groups, found an object"
      ])
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "stop": {"time": "1s"}}"#) == [
        "processes: missing required key (expected an array of process groups)"
      ])
    #expect(
      F.problems(#"{"machine": {"frames": 1}, "processes": [3], "stop": {"time": "1s"}}"#) == [
        "processes[0]: expected an object, found 3"
      ])
  }
}
