// MARK: - Access-pattern keys

extension AccessPatternConfig {
  /// The access patterns (`"pattern"`) and their parameters. A pattern without required parameters
  /// may also be written as its bare name (`"access": "uniform"`).
  static let family = VariantFamily(
    tag: "pattern", meaning: "the access pattern",
    variants: [
      .init(name: "uniform", meaning: "byte addresses uniform over the whole address space", parameters: []),
      .init(
        name: "sequential", meaning: "consecutive addresses advancing by `stride`, wrapping",
        parameters: [
          .parameter("stride", .size, "the step, at least 1B", required: false, default: "the request size")
        ]),
      .init(
        name: "loop", meaning: "page after page over the first `pages` pages, cyclically",
        parameters: [
          .parameter(
            "pages", .integer(1...(1 << 40)), "pages in the loop, within the address space",
            expected: "an integer number of pages")
        ]),
      .init(
        name: "zipf",
        meaning: "page k with probability ∝ 1/(k+1)^exponent, hot pages scattered by a seeded permutation",
        parameters: [
          .parameter(
            "exponent", .number(min: .above(0), max: .atMost(ScenarioDecoder.maximumZipfExponent)), "the exponent s",
            expected: "a number")
        ]),
      .init(
        name: "hotcold", meaning: "`hotFraction` of the pages get `hotProbability` of the requests",
        parameters: [
          .parameter(
            "hotFraction", .number(min: .above(0), max: .below(1)), "the share of hot pages",
            expected: "a number between 0 and 1"),
          .parameter(
            "hotProbability", .number(min: .atLeast(0), max: .atMost(1)), "the share of requests to hot pages",
            expected: "a number from 0 to 1"),
        ]),
      .init(
        name: "workingset",
        meaning: "Denning-style phases: a working set of `size`, a new one every `phaseLength` requests",
        parameters: [
          .parameter("size", .size, "the working set, within the address space", expected: "a size such as \"1MiB\""),
          .parameter(
            "phaseLength", .integer(1...ScenarioDecoder.maximumPhaseLength), "requests per phase",
            expected: "an integer number of requests"),
          .parameter(
            "locality", .number(min: .atLeast(0), max: .atMost(1)), "probability that a request stays in the set",
            expected: "a number from 0 to 1"),
        ]),
      .init(
        name: "trace", meaning: "replay a trace file, one request per reference",
        parameters: [
          .parameter(
            "path", .string, "the trace file, relative to the scenario file",
            expected: "the trace file's path, relative to the scenario file"),
          .parameter(
            "format", .choice(TraceFormat.allCases.map(\.rawValue)), "the trace's format", required: false,
            default: "\"auto\""),
        ]),
    ])
}
