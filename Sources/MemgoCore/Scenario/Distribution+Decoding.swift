// MARK: - Decoding distributions

extension ScenarioDecoder {
  /// The most values an empirical distribution may list (each run builds an alias table over them).
  static let maximumEmpiricalValues = 1_000_000

  /// A distribution of durations, sizes or numbers: a bare constant (`"5ms"`, `"4KiB"`, `0.5`) or
  /// an object `{"dist": KIND, ...parameters}` (SPEC "Scenario file"). Parameters are in the
  /// quantity's units, except `shape` (a plain number) and `weights` (plain numbers). Values are
  /// returned in base units (picoseconds, bytes).
  package mutating func distribution(_ node: JSONNode, of kind: QuantityKind) -> Distribution? {
    guard case .object = node.value else {
      if case .array = node.value {
        reportType(node, expected: "a \(kind.noun) or a distribution object such as {\"dist\": \"exponential\", ...}")
        return nil
      }
      return quantity(node, kind).map { .constant($0) }
    }
    guard case .object(let members) = node.value,
      let dist = variant(JSONObjectView(node: node, members: members), of: Distribution.family)
    else { return nil }
    let object = dist.object
    /// A required parameter, or nil after reporting it missing (`shape` is a plain number).
    func required(_ key: String, _ decoder: inout ScenarioDecoder) -> JSONNode? {
      var what = "a \(kind.noun)"
      if case .number? = dist.variant.parameter(key)?.kind { what = "a number" }
      return dist.required(key, &decoder, what: what)
    }

    switch dist.variant.name {
    case "constant":
      guard let v = required("value", &self).flatMap({ quantity($0, kind) }) else { return nil }
      return .constant(v)
    case "uniform":
      let minNode = required("min", &self)
      let maxNode = required("max", &self)
      guard let minNode, let maxNode, let lo = quantity(minNode, kind), let hi = quantity(maxNode, kind) else {
        return nil
      }
      guard lo <= hi else {
        report(
          maxNode,
          "max \(Self.found(maxNode.value)) is less than min \(Self.found(minNode.value)) (expected min <= max)")
        return nil
      }
      return .uniform(min: lo, max: hi)
    case "exponential":
      guard let mean = required("mean", &self).flatMap({ positive($0, kind) }) else { return nil }
      return .exponential(mean: mean)
    case "normal", "lognormal":
      let meanNode = required("mean", &self)
      let stddevNode = required("stddev", &self)
      let mean = meanNode.flatMap { positive($0, kind) }
      let stddev = stddevNode.flatMap { nonNegative($0, kind) }
      guard let mean, let stddev else { return nil }
      return dist.variant.name == "normal"
        ? .normal(mean: mean, stddev: stddev) : .lognormal(mean: mean, stddev: stddev)
    case "pareto":
      let scaleNode = required("scale", &self)
      let shapeNode = required("shape", &self)
      let scale = scaleNode.flatMap { positive($0, kind) }
      let shape = shapeNode.flatMap { double($0, declaredBy: dist.variant.parameter("shape")) }
      guard let scale, let shape else { return nil }
      return .pareto(scale: scale, shape: shape)
    default:  // empirical
      return empirical(object, kind: kind, required: { required("values", &$0) })
    }
  }

  /// `{"dist": "empirical", "values": [...], "weights": [...]}`; equal weights when omitted.
  private mutating func empirical(
    _ object: JSONObjectView, kind: QuantityKind, required: (inout ScenarioDecoder) -> JSONNode?
  ) -> Distribution? {
    guard let valuesNode = required(&self) else { return nil }
    guard case .array(let valueElements) = valuesNode.value else {
      reportType(valuesNode, expected: "an array of \(kind.noun)s")
      return nil
    }
    if valueElements.isEmpty {
      report(valuesNode, "empty array (expected at least one value)")
      return nil
    }
    if valueElements.count > Self.maximumEmpiricalValues {
      report(
        valuesNode,
        "\(valueElements.count) values (expected at most \(Self.formatLimit(Self.maximumEmpiricalValues)))")
      return nil
    }
    var values: [Double] = []
    var valid = true
    for (i, element) in valueElements.enumerated() {
      if let v = quantity(valuesNode.element(i, element), kind) { values.append(v) } else { valid = false }
    }
    var weights = [Double](repeating: 1, count: valueElements.count)
    if let weightsNode = object["weights"] {
      guard case .array(let weightElements) = weightsNode.value else {
        reportType(weightsNode, expected: "an array of numbers")
        return nil
      }
      if weightElements.count != valueElements.count {
        report(
          weightsNode,
          "\(weightElements.count) weights for \(valueElements.count) values (expected one weight per value)")
        return nil
      }
      weights = []
      for (i, element) in weightElements.enumerated() {
        let weightNode = weightsNode.element(i, element)
        if let w = double(weightNode, min: .atLeast(0), name: "weight") { weights.append(w) } else { valid = false }
      }
      if valid {
        let total = weights.reduce(0, +)
        if !(total > 0 && total.isFinite) {
          report(weightsNode, "weights sum to \(total) (expected a positive, finite sum)")
          return nil
        }
      }
    }
    guard valid else { return nil }
    return .empirical(values: values, weights: weights)
  }

  /// A single value of the quantity, in base units.
  mutating func quantity(_ node: JSONNode, _ kind: QuantityKind) -> Double? {
    switch kind {
    case .duration: return duration(node).map { Double($0.picoseconds) }
    case .size: return size(node).map { Double($0) }
    case .number: return double(node)
    }
  }

  /// A quantity greater than zero.
  private mutating func positive(_ node: JSONNode, _ kind: QuantityKind) -> Double? {
    if kind == .number { return double(node, min: .above(0)) }
    guard let v = quantity(node, kind) else { return nil }
    guard v > 0 else {
      report(node, "\(Self.found(node.value)) is out of range (expected \(node.name) > 0)")
      return nil
    }
    return v
  }

  /// A quantity of zero or more (durations and sizes cannot be negative).
  private mutating func nonNegative(_ node: JSONNode, _ kind: QuantityKind) -> Double? {
    kind == .number ? double(node, min: .atLeast(0)) : quantity(node, kind)
  }
}

extension Distribution {
  /// The largest value the distribution can produce, where bounded (constant, uniform, empirical).
  package var upperBound: Double? {
    switch self {
    case .constant(let v): return v
    case .uniform(_, let hi): return hi
    case .empirical(let values, _): return values.max()
    case .exponential, .normal, .lognormal, .pareto: return nil
    }
  }
}
