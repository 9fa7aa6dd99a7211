extension KeyDeclaration {
  /// A parameter of a distribution kind or an access pattern; `expected` says what to write when a
  /// required one is missing (distribution parameters: derived from the quantity).
  static func parameter(
    _ name: String, _ kind: ValueKind, _ meaning: String, required: Bool = true, expected: String? = nil,
    default defaultValue: String = ""
  ) -> KeyDeclaration {
    KeyDeclaration(
      name: name, kind: kind, defaultValue: defaultValue, meaning: meaning, required: required, expected: expected)
  }
}

// MARK: - Distribution kinds

extension Distribution {
  /// The distribution kinds (`"dist"`) and their parameters, in the units of the quantity except
  /// `shape` and `weights` (plain numbers). Every parameter is required except `weights`.
  static let family = VariantFamily(
    tag: "dist", meaning: "the kind of distribution",
    variants: [
      .init(name: "constant", meaning: "always `value`", parameters: [.parameter("value", .quantity, "the value")]),
      .init(
        name: "uniform", meaning: "uniform between `min` and `max`",
        parameters: [
          .parameter("min", .quantity, "the lowest value"),
          .parameter("max", .quantity, "the highest value, at least min"),
        ]),
      .init(
        name: "exponential", meaning: "exponential with `mean`",
        parameters: [.parameter("mean", .quantity, "the mean, more than 0")]),
      .init(
        name: "normal", meaning: "normal, truncated at zero",
        parameters: [
          .parameter("mean", .quantity, "the mean, more than 0"),
          .parameter("stddev", .quantity, "the standard deviation"),
        ]),
      .init(
        name: "lognormal", meaning: "lognormal with the mean and standard deviation of the distribution itself",
        parameters: [
          .parameter("mean", .quantity, "the mean, more than 0"),
          .parameter("stddev", .quantity, "the standard deviation"),
        ]),
      .init(
        name: "pareto", meaning: "Pareto with `scale` (the minimum) and `shape`",
        parameters: [
          .parameter("scale", .quantity, "the scale (minimum value), more than 0"),
          .parameter("shape", .number(min: .above(0), max: nil), "the shape, a plain number more than 0"),
        ]),
      .init(
        name: "empirical", meaning: "one of `values`, drawn with `weights` (equal when omitted)",
        parameters: [
          .parameter("values", .array(.quantity), "the values, at most 10^6"),
          .parameter(
            "weights", .array(.number(min: .atLeast(0), max: nil)), "one weight per value, plain numbers",
            required: false, default: "equal"),
        ]),
    ])
}
