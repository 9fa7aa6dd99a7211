/// The paths a sweep may name, derived from the key declarations (`Scenario.keyTable` and the
/// tables it holds, `Distribution.family`, `AccessPatternConfig.family`).
public enum ScenarioSchema {
  /// The shape of the scenario tree, for checking sweep paths.
  indirect enum Node: Sendable {
    case object([(key: String, node: Node)])
    case array(Node)
    /// A scalar (number, string, boolean).
    case leaf
    /// A value that may be a constant or a distribution object.
    case distribution
  }

  /// Top-level keys that a sweep may not name (`$schema`, `name`, `description`, `sweep`).
  static let unsweepable = Scenario.keyTable.shape.keys.filter { !$0.sweepable }.map(\.name)

  /// The sweepable tree: every declared key a sweep may name.
  static let tree: Node = node(for: .object(Scenario.keyTable.shape))

  /// The node a value of `kind` is in the tree.
  static func node(for kind: ValueKind) -> Node {
    switch kind {
    case .object(let shape): return .object(shape.keys.filter(\.sweepable).map { ($0.name, node(for: $0.kind)) })
    case .array(let element): return .array(node(for: element))
    case .distribution: return .distribution
    case .accessPattern: return .object(AccessPatternConfig.family.allKeys.map { ($0, .leaf) })
    default: return .leaf
    }
  }

  /// Checks that `path` names a place the schema knows; returns a message saying what is wrong
  /// (with the nearest valid path where one is close), or nil when the path is valid.
  static func checkSweepPath(_ path: JSONPath) -> String? {
    if case .key(let first)? = path.components.first, unsweepable.contains(first) {
      return "\(quoted(first)) cannot be swept"
    }
    var node = tree
    var prefix = JSONPath.root
    for (i, component) in path.components.enumerated() {
      switch (node, component) {
      case (.object(let children), .key(let key)):
        guard let child = children.first(where: { $0.key == key })?.node else {
          let names = children.map(\.key)
          if let guess = nearestName(key, in: names) {
            var fixed = path
            fixed.components[i] = .key(guess)
            return "unknown scenario path \(quoted(path.description)) (did you mean \(quoted(fixed.description))?)"
          }
          let at = prefix.isEmpty ? "at the top level" : "in \(prefix)"
          return
            "unknown scenario path \(quoted(path.description)) (\(quoted(key)) is not a key \(at); expected one of "
            + names.joined(separator: ", ") + ")"
        }
        node = child
      case (.object, .index(let index)):
        return "\(prefix.isEmpty ? "the scenario" : prefix.description) is an object, not an array (remove [\(index)])"
      case (.array(let element), .index):
        node = element
      case (.array, .key(let key)):
        return "\(prefix) is an array: name an element, e.g. \(prefix)[0].\(key)"
      case (.distribution, .key(let key)):
        let distributionKeys = Distribution.family.allKeys
        guard distributionKeys.contains(key) else {
          let hint =
            nearestName(key, in: distributionKeys).map { "did you mean \(quoted($0))?" }
            ?? "expected one of " + distributionKeys.joined(separator: ", ")
          return "unknown distribution parameter \(quoted(key)) in \(quoted(path.description)) (\(hint))"
        }
        node = Distribution.family.anyParameter(key).map { Self.node(for: $0.kind) } ?? .leaf
      case (.distribution, .index), (.leaf, _):
        return "\(prefix) holds a single value: a sweep path cannot go inside it"
      }
      prefix.components.append(component)
    }
    return nil
  }
}
