import Testing

@testable import MemgoCore

@Suite struct AccessPatternConfigDecodingTests {
  typealias F = ScenarioFixture

  func access(_ json: String) -> AccessPatternConfig? {
    F.scenario(F.minimal(process: #""requests": 1, "access": \#(json)"#))?.processes.first?.access
  }

  func problems(_ json: String) -> [String] {
    F.problems(F.minimal(process: #""requests": 1, "access": \#(json)"#))
  }

  @Test func everyPatternDecodes() {
    #expect(F.scenario(F.minimal())?.processes.first?.access == .uniform)
    #expect(access(#""uniform""#) == .uniform)
    #expect(access(#"{"pattern": "uniform"}"#) == .uniform)
    #expect(access(#"{"pattern": "sequential"}"#) == .sequential(stride: nil))
    #expect(access(#""sequential""#) == .sequential(stride: nil))
    #expect(access(#"{"pattern": "sequential", "stride": "4KiB"}"#) == .sequential(stride: 4096))
    #expect(access(#"{"pattern": "loop", "pages": 16}"#) == .loop(pages: 16))
    #expect(access(#"{"pattern": "zipf", "exponent": 0.9}"#) == .zipf(exponent: 0.9))
    #expect(
      access(#"{"pattern": "hotcold", "hotFraction": 0.2, "hotProbability": 0.8}"#)
        == .hotcold(hotFraction: 0.2, hotProbability: 0.8))
    #expect(
      access(#"{"pattern": "workingset", "size": "1MiB", "phaseLength": 1000, "locality": 0.9}"#)
        == .workingset(size: 1 << 20, phaseLength: 1000, locality: 0.9))
  }

  @Test func parameterBounds() {
    #expect(
      problems(#"{"pattern": "sequential", "stride": "0B"}"#) == [
        #"processes[0].access.stride: "0B" is out of range (expected stride >= 1B)"#
      ])
    #expect(
      problems(#"{"pattern": "sequential", "stride": "32MiB"}"#) == [
        #"processes[0].access.stride: "32MiB" is larger than the address space (16MiB)"#
      ])
    #expect(
      problems(#"{"pattern": "loop", "pages": 0}"#) == [
        "processes[0].access.pages: 0 is out of range (expected 1 <= pages <= 2^40)"
      ])
    #expect(access(#"{"pattern": "loop", "pages": 4096}"#) == .loop(pages: 4096))
    #expect(
      problems(#"{"pattern": "loop", "pages": 4097}"#) == [
        "processes[0].access.pages: 4097 pages exceed the address space (4096 pages of 4KiB)"
      ])
    #expect(
      problems(#"{"pattern": "zipf", "exponent": 0}"#) == [
        "processes[0].access.exponent: 0 is out of range (expected 0 < exponent <= 10)"
      ])
    #expect(access(#"{"pattern": "zipf", "exponent": 10}"#) == .zipf(exponent: 10))
    #expect(
      problems(#"{"pattern": "zipf", "exponent": 10.5}"#) == [
        "processes[0].access.exponent: 10.5 is out of range (expected 0 < exponent <= 10)"
      ])
    #expect(
      problems(#"{"pattern": "hotcold", "hotFraction": 1, "hotProbability": 1.5}"#) == [
        "processes[0].access.hotFraction: 1 is out of range (expected 0 < hotFraction < 1)",
        "processes[0].access.hotProbability: 1.5 is out of range (expected 0 <= hotProbability <= 1)",
      ])
    #expect(
      problems(#"{"pattern": "workingset", "size": "32MiB", "phaseLength": 0, "locality": -0.1}"#) == [
        #"processes[0].access.size: "32MiB" is larger than the address space (16MiB)"#,
        "processes[0].access.phaseLength: 0 is out of range (expected 1 <= phaseLength <= 10^12)",
        "processes[0].access.locality: -0.1 is out of range (expected 0 <= locality <= 1)",
      ])
    #expect(
      problems(#"{"pattern": "workingset", "size": "0B", "phaseLength": 1, "locality": 1}"#) == [
        #"processes[0].access.size: "0B" is out of range (expected size >= 1B)"#
      ])
  }

  @Test func missingAndForeignParameters() {
    #expect(
      problems(#"{"pattern": "zipf"}"#) == [
        #"processes[0].access.exponent: missing required key (expected a number for pattern "zipf")"#
      ])
    #expect(
      problems(#""zipf""#) == [
        #"processes[0].access: pattern "zipf" needs "exponent" (write {"pattern": "zipf", ...})"#
      ])
    #expect(
      problems(#"{"pattern": "zipf", "exponent": 0.5, "stride": "4KiB"}"#) == [
        #"processes[0].access: "stride" is not a parameter of pattern "zipf" (expected exponent)"#
      ])
    #expect(
      problems(#"{"pattern": "uniform", "exponent": 1}"#) == [
        #"processes[0].access: "exponent" is not a parameter of pattern "uniform" (expected no parameters)"#
      ])
    #expect(
      problems(#"{"pattern": "uniform", "colour": 1}"#) == [
        #"processes[0].access: unknown key "colour" (expected one of pattern)"#
      ])
    #expect(
      problems(#"{"exponent": 1}"#) == [
        "processes[0].access.pattern: missing required key (expected one of uniform, sequential, loop, zipf, hotcold, "
          + "workingset, trace)"
      ])
  }

  @Test func unknownPatternsAndTraceWithoutPath() {
    #expect(
      problems(#"{"pattern": "zipff", "exponent": 1}"#) == [
        #"processes[0].access.pattern: unknown pattern "zipff" (did you mean "zipf"? expected one of uniform, "#
          + "sequential, loop, zipf, hotcold, workingset, trace)"
      ])
    #expect(
      problems(#"{"pattern": "trace"}"#) == [
        #"processes[0].access.path: missing required key (expected the trace file's path, relative to the "#
          + #"scenario file for pattern "trace")"#
      ])
    #expect(
      problems(#"{"pattern": "trace", "path": "/nonexistent/t.trace"}"#).first?.hasPrefix(
        "processes[0].access.path: /nonexistent/t.trace") == true)
    #expect(problems("3") == [#"processes[0].access: expected an object such as {"pattern": "uniform"}, found 3"#])
  }
}
