import Testing

@testable import MemgoCore

@Suite struct DistributionDecodingTests {
  typealias F = ScenarioFixture

  func interval(_ json: String) -> Distribution? {
    F.scenario(F.minimal(process: #""requests": 1, "interval": \#(json)"#))?.processes.first?.interval
  }

  func size(_ json: String) -> Distribution? {
    F.scenario(F.minimal(process: #""requests": 1, "size": \#(json)"#))?.processes.first?.size
  }

  func intervalProblems(_ json: String) -> [String] {
    F.problems(F.minimal(process: #""requests": 1, "interval": \#(json)"#))
  }

  @Test func constantsBareAndExplicit() {
    #expect(interval(#""5ns""#) == .constant(5_000))
    #expect(interval(#"{"dist": "constant", "value": "2.5ms"}"#) == .constant(2_500_000_000))
    #expect(size(#""4KiB""#) == .constant(4096))
    #expect(size(#"{"dist": "constant", "value": "1KB"}"#) == .constant(1000))
  }

  @Test func everyKindDecodesInBaseUnits() {
    #expect(interval(#"{"dist": "uniform", "min": "1us", "max": "3us"}"#) == .uniform(min: 1_000_000, max: 3_000_000))
    #expect(interval(#"{"dist": "exponential", "mean": "50us"}"#) == .exponential(mean: 50_000_000))
    #expect(
      interval(#"{"dist": "normal", "mean": "10us", "stddev": "2us"}"#) == .normal(mean: 10_000_000, stddev: 2_000_000))
    #expect(
      interval(#"{"dist": "lognormal", "mean": "10us", "stddev": "0s"}"#) == .lognormal(mean: 10_000_000, stddev: 0))
    #expect(interval(#"{"dist": "pareto", "scale": "1us", "shape": 1.5}"#) == .pareto(scale: 1_000_000, shape: 1.5))
    #expect(
      size(#"{"dist": "empirical", "values": ["64B", "4KiB"], "weights": [3, 1]}"#)
        == .empirical(values: [64, 4096], weights: [3, 1]))
    #expect(
      size(#"{"dist": "empirical", "values": ["64B", "1KiB"]}"#) == .empirical(values: [64, 1024], weights: [1, 1]))
  }

  @Test func parameterValidation() {
    #expect(
      F.problems(F.minimal(process: #""requests": 1, "size": {"dist": "uniform", "min": "16KiB", "max": "8B"}"#)) == [
        #"processes[0].size.max: max "8B" is less than min "16KiB" (expected min <= max)"#
      ])
    #expect(
      intervalProblems(#"{"dist": "exponential", "mean": "0s"}"#) == [
        #"processes[0].interval.mean: "0s" is out of range (expected mean > 0)"#
      ])
    #expect(
      intervalProblems(#"{"dist": "normal", "mean": "0ns", "stddev": "1ns"}"#) == [
        #"processes[0].interval.mean: "0ns" is out of range (expected mean > 0)"#
      ])
    #expect(
      intervalProblems(#"{"dist": "pareto", "scale": "0s", "shape": 0}"#) == [
        #"processes[0].interval.scale: "0s" is out of range (expected scale > 0)"#,
        "processes[0].interval.shape: 0 is out of range (expected shape > 0)",
      ])
    #expect(
      intervalProblems(#"{"dist": "pareto", "scale": "1s", "shape": "2"}"#) == [
        #"processes[0].interval.shape: expected a number, found "2""#
      ])
    #expect(
      intervalProblems(#"{"dist": "normal", "mean": "1us", "stddev": "-1us"}"#) == [
        #"processes[0].interval.stddev: negative duration "-1us" (expected a value of 0 or more)"#
      ])
  }

  @Test func empiricalValidation() {
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": []}"#) == [
        "processes[0].interval.values: empty array (expected at least one value)"
      ])
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": ["1us"], "weights": [1, 2]}"#) == [
        "processes[0].interval.weights: 2 weights for 1 values (expected one weight per value)"
      ])
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": ["1us", "2us"], "weights": [1, -1]}"#) == [
        "processes[0].interval.weights[1]: -1 is out of range (expected weight >= 0)"
      ])
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": ["1us", "2us"], "weights": [0, 0]}"#) == [
        "processes[0].interval.weights: weights sum to 0.0 (expected a positive, finite sum)"
      ])
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": ["1us", 2]}"#) == [
        #"processes[0].interval.values[1]: expected a duration string with a unit, e.g. "2ns" or "2us""#
      ])
    #expect(
      intervalProblems(#"{"dist": "empirical", "values": "1us"}"#) == [
        #"processes[0].interval.values: expected an array of durations, found "1us""#
      ])
  }

  @Test func kindsAndKeys() {
    #expect(
      intervalProblems(#"{"mean": "1us"}"#) == [
        "processes[0].interval.dist: missing required key (expected one of constant, uniform, exponential, normal, "
          + "lognormal, pareto, empirical)"
      ])
    #expect(
      intervalProblems(#"{"dist": "normall", "mean": "1us"}"#) == [
        #"processes[0].interval.dist: unknown dist "normall" (did you mean "normal"? expected one of constant, "#
          + "uniform, exponential, normal, lognormal, pareto, empirical)"
      ])
    #expect(
      intervalProblems(#"{"dist": "exponential", "mean": "1us", "stdev": "1us"}"#) == [
        #"processes[0].interval: unknown key "stdev" (expected one of dist, mean)"#
      ])
    #expect(
      intervalProblems(#"{"dist": "uniform", "mean": "1us", "min": "1us", "max": "2us"}"#) == [
        #"processes[0].interval: "mean" is not a parameter of dist "uniform" (expected min, max)"#
      ])
    #expect(
      intervalProblems(#"{"dist": "normal", "mean": "1us", "stdev": "1us"}"#) == [
        #"processes[0].interval: unknown key "stdev" (did you mean "stddev"?)"#,
        #"processes[0].interval.stddev: missing required key (expected a duration for dist "normal")"#,
      ])
    #expect(
      intervalProblems(#"{"dist": "pareto", "scale": "1us"}"#) == [
        #"processes[0].interval.shape: missing required key (expected a number for dist "pareto")"#
      ])
    #expect(
      intervalProblems(#"["1us"]"#) == [
        #"processes[0].interval: expected a duration or a distribution object such as {"dist": "exponential", ...}, "#
          + "found an array"
      ])
    #expect(
      intervalProblems("5000") == [
        #"processes[0].interval: expected a duration string with a unit, e.g. "5000ns" or "5us""#
      ])
    #expect(
      intervalProblems("true") == [#"processes[0].interval: expected a duration string such as "5ms", found true"#])
  }

  @Test func upperBounds() {
    #expect(Distribution.constant(5).upperBound == 5)
    #expect(Distribution.uniform(min: 1, max: 9).upperBound == 9)
    #expect(Distribution.empirical(values: [3, 7, 2], weights: [1, 1, 1]).upperBound == 7)
    #expect(Distribution.exponential(mean: 1).upperBound == nil)
  }
}
