/// One axis of a sweep as planned from the file: the dotted key, its parsed path, its values, and
/// where the axis sits in the file (for error positions).
struct SweepAxisPlan {
  var key: String
  var path: JSONPath
  var values: [JSONValue]
  /// File-order position of the axis's member: [index of `sweep` at the top, index inside `sweep`].
  var order: [Int]
}

/// Reads the `sweep` object, substitutes sweep values into the scenario tree and expands the
/// cartesian product (SPEC "sweep": keys in file order, last key fastest).
enum ScenarioSweep {
  /// The most points a sweep may have.
  static let maximumPoints = 100_000
  /// The most axes a sweep may have.
  static let maximumAxes = 32
  /// Points × JSON values per point checked at most (bounds the loader's time on huge files).
  static let maximumWork = 20_000_000

  // MARK: - Planning

  /// The axes of the `sweep` object at `node`, or nil after reporting problems to `decoder`.
  /// `root` is the whole document: every axis path must be settable in it (see `substituting`).
  static func plan(_ node: JSONNode, root: JSONValue, decoder: inout ScenarioDecoder) -> [SweepAxisPlan]? {
    guard case .object(let members) = node.value else {
      decoder.reportType(node, expected: "an object mapping scenario paths to lists of values")
      return nil
    }
    var axes: [SweepAxisPlan] = []
    var valid = true
    if members.count > maximumAxes {
      decoder.report(node, "\(members.count) sweep paths (expected at most \(maximumAxes))")
      return nil
    }
    for (i, member) in members.enumerated() {
      let memberPath = node.path.appending(key: member.key)
      let memberOrder = node.order + [i]
      guard let path = JSONPath(parsing: member.key) else {
        decoder.report(
          path: node.path, order: memberOrder,
          "invalid sweep path \(quoted(member.key)) (expected keys joined by '.' with [i] indices, "
            + "e.g. \"processes[0].count\")")
        valid = false
        continue
      }
      if let problem = ScenarioSchema.checkSweepPath(path) {
        decoder.report(path: node.path, order: memberOrder, problem)
        valid = false
        continue
      }
      let valueNode = JSONNode(value: member.value, path: memberPath, order: memberOrder)
      guard case .array(let values) = member.value else {
        let hint = member.value.abbreviated(30)
        decoder.report(
          valueNode, "expected a list of values, found \(ScenarioDecoder.found(member.value)) (write [\(hint)])")
        valid = false
        continue
      }
      if values.isEmpty {
        decoder.report(valueNode, "empty list (expected at least one value)")
        valid = false
        continue
      }
      if let overlapping = axes.first(where: { $0.path.hasPrefix(path) || path.hasPrefix($0.path) }) {
        decoder.report(
          path: node.path, order: memberOrder,
          "sweep path \(quoted(member.key)) overlaps \(quoted(overlapping.key)) (expected independent paths)")
        valid = false
        continue
      }
      if let problem = substitutionProblem(path, in: root) {
        decoder.report(valueNode, problem)
        valid = false
        continue
      }
      axes.append(SweepAxisPlan(key: member.key, path: path, values: values, order: memberOrder))
    }
    guard valid else { return nil }
    var points = 1
    for axis in axes {
      let (product, overflow) = points.multipliedReportingOverflow(by: axis.values.count)
      if overflow || product > maximumPoints {
        decoder.report(
          node,
          "too many sweep points: the lists' lengths multiply to "
            + (overflow ? "more than 10^5" : String(product)) + " (expected at most 10^5)")
        return nil
      }
      points = product
    }
    let perPoint =
      nodeCount(root) - nodeCount(node.value)
      + axes.reduce(0) { sum, axis in sum + (axis.values.map(nodeCount).max() ?? 0) }
    let (work, overflow) = perPoint.multipliedReportingOverflow(by: points)
    if overflow || work > maximumWork {
      decoder.report(
        node,
        "sweep too large to check: \(points) points of \(perPoint) JSON values each "
          + "(expected at most \(ScenarioDecoder.formatLimit(maximumWork)) values over all points)")
      return nil
    }
    return axes
  }

  /// The number of JSON values in `value` (containers and scalars), counted without recursion.
  static func nodeCount(_ value: JSONValue) -> Int {
    var count = 0
    var stack = [value]
    while let top = stack.popLast() {
      count += 1
      switch top {
      case .array(let elements): stack.append(contentsOf: elements)
      case .object(let members): stack.append(contentsOf: members.map(\.value))
      default: break
      }
    }
    return count
  }

  // MARK: - Substitution

  /// Why a value cannot be placed at `path` in `root`, or nil if it can. Missing object members are
  /// created (with any missing intermediate objects); array elements must exist.
  static func substitutionProblem(_ path: JSONPath, in root: JSONValue) -> String? {
    if case .failure(let problem) = substituting(.null, at: path, in: root) { return problem.message }
    return nil
  }

  struct SubstitutionProblem: Error {
    var message: String
  }

  /// `root` with the value at `path` replaced by `value`.
  static func substituting(_ value: JSONValue, at path: JSONPath, in root: JSONValue)
    -> Result<JSONValue, SubstitutionProblem>
  {
    substituting(value, at: path.components[...], in: root, prefix: .root, target: path)
  }

  private static func substituting(
    _ value: JSONValue, at rest: ArraySlice<JSONPath.Component>, in tree: JSONValue?, prefix: JSONPath,
    target: JSONPath
  ) -> Result<JSONValue, SubstitutionProblem> {
    guard let component = rest.first else { return .success(value) }
    let place = prefix.isEmpty ? "the scenario" : prefix.description
    switch component {
    case .key(let key):
      var members: [JSONMember]
      switch tree {
      case nil: members = []
      case .object(let existing)?: members = existing
      case let other?:
        return .failure(
          SubstitutionProblem(
            message: "cannot set \(target): \(place) is \(ScenarioDecoder.found(other)), not an object"))
      }
      let index = members.firstIndex { $0.key == key }
      let child = index.map { members[$0].value }
      switch substituting(value, at: rest.dropFirst(), in: child, prefix: prefix.appending(key: key), target: target) {
      case .failure(let problem): return .failure(problem)
      case .success(let newChild):
        if let index { members[index].value = newChild } else { members.append(JSONMember(key: key, value: newChild)) }
        return .success(.object(members))
      }
    case .index(let i):
      guard case .array(var elements)? = tree else {
        let what = tree.map { "is \(ScenarioDecoder.found($0)), not an array" } ?? "is not in the file"
        return .failure(SubstitutionProblem(message: "cannot set \(target): \(place) \(what)"))
      }
      guard i < elements.count else {
        return .failure(
          SubstitutionProblem(
            message: "cannot set \(target): \(place) has \(elements.count) element\(elements.count == 1 ? "" : "s") "
              + "(expected an index below \(elements.count))"))
      }
      switch substituting(
        value, at: rest.dropFirst(), in: elements[i], prefix: prefix.appending(index: i), target: target)
      {
      case .failure(let problem): return .failure(problem)
      case .success(let newChild):
        elements[i] = newChild
        return .success(.array(elements))
      }
    }
  }

  // MARK: - Expansion

  /// The value index of each axis at point `index` (mixed radix, last axis fastest).
  static func valueIndices(of index: Int, axes: [SweepAxisPlan]) -> [Int] {
    var indices = [Int](repeating: 0, count: axes.count)
    var rest = index
    for a in axes.indices.reversed() {
      indices[a] = rest % axes[a].values.count
      rest /= axes[a].values.count
    }
    return indices
  }

  /// Decodes every point. Returns the points, or every problem: a problem inside a swept value is
  /// reported once at that value (`sweep.machine.frames[2]: ...`); any other problem found at every
  /// point is reported once as is, and one found at only some points names the first such point.
  static func expand(
    root: JSONValue, axes: [SweepAxisPlan], file: String, defaultName: String,
    traceChecks: TraceCheckCache = TraceCheckCache()
  ) -> Expansion {
    let total = axes.reduce(1) { $0 * $1.values.count }
    var points: [SweepPoint] = []
    points.reserveCapacity(total)
    // Distinct problems in first-seen order, with how many points had each and the first one.
    struct Problem {
      var error: ScenarioError
      var firstPoint: Int
      var pointCount: Int
      var lastPoint: Int
      var atSweepValue: Bool
    }
    var problems: [Problem] = []
    var problemIndex: [String: Int] = [:]
    var omitted = false

    for p in 0..<total {
      let indices = valueIndices(of: p, axes: axes)
      var tree = root
      var parameters: [JSONMember] = []
      for (a, axis) in axes.enumerated() {
        let value = axis.values[indices[a]]
        parameters.append(JSONMember(key: axis.key, value: value))
        // The plan checked that every axis path can be set, and axes do not overlap.
        if case .success(let substituted) = substituting(value, at: axis.path, in: tree) { tree = substituted }
      }
      var decoder = ScenarioDecoder(file: file, traceChecks: traceChecks)
      if let scenario = decoder.scenario(tree, defaultName: defaultName) {
        points.append(SweepPoint(index: p, parameters: parameters, scenario: scenario))
        continue
      }
      if decoder.omitted > 0 { omitted = true }
      for var error in decoder.errors {
        var atSweepValue = false
        if let a = axes.firstIndex(where: { error.path.hasPrefix($0.path) }) {
          // The problem lies in the swept value itself: point at it in the sweep.
          let axis = axes[a]
          let inside = error.path.components.dropFirst(axis.path.components.count)
          error.path = JSONPath([.key("sweep"), .key(axis.key), .index(indices[a])] + inside)
          error.order = axis.order + [indices[a]] + error.order.dropFirst(axis.path.components.count)
          atSweepValue = true
        }
        let key = error.path.description + "\u{0}" + error.message
        if let k = problemIndex[key] {
          if problems[k].lastPoint != p {
            problems[k].pointCount += 1
            problems[k].lastPoint = p
          }
        } else if problems.count >= ScenarioDecoder.maximumKeptErrors {
          omitted = true
        } else {
          problemIndex[key] = problems.count
          problems.append(
            Problem(error: error, firstPoint: p, pointCount: 1, lastPoint: p, atSweepValue: atSweepValue))
        }
      }
    }
    if problems.isEmpty && !omitted { return .points(points) }
    let errors = problems.map { problem -> ScenarioError in
      var error = problem.error
      if !problem.atSweepValue && problem.pointCount < total {
        let indices = valueIndices(of: problem.firstPoint, axes: axes)
        let where_ = zip(axes, indices).map { "\($0.key)=\($0.values[$1].abbreviated(30))" }.joined(separator: ", ")
        let others = problem.pointCount - 1
        error.message +=
          " (at sweep point \(where_)"
          + (others > 0 ? "; also at \(others) other point\(others == 1 ? "" : "s")" : "") + ")"
      }
      return error
    }
    return .problems(errors, incomplete: omitted)
  }

  /// Every point of a valid sweep, or the problems found (`incomplete` when some were not kept).
  enum Expansion {
    case points([SweepPoint])
    case problems([ScenarioError], incomplete: Bool)
  }
}
