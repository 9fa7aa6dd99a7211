/// What a scenario key holds: the decoder reads it, the JSON Schema states it, and the README's key
/// table names it from this one description.
indirect enum ValueKind: Sendable {
  /// A whole number within the range.
  case integer(ClosedRange<Int>)
  /// A whole number in 0...2^64-1.
  case unsignedInteger
  /// A finite number within the bounds.
  case number(min: ScenarioDecoder.Bound?, max: ScenarioDecoder.Bound?)
  /// A duration string with a unit (`"5ms"`).
  case duration
  /// A size string with a unit (`"4KiB"`).
  case size
  case string
  case boolean
  /// One of these names.
  case choice([String])
  /// A constant or a distribution object (`Distribution.family`) of durations, sizes or numbers.
  case distribution(QuantityKind)
  /// A value in the units of the distribution it parameterises.
  case quantity
  /// An object with these keys.
  case object(ObjectShape)
  /// A non-empty array of these.
  case array(ValueKind)
  /// Any one of these.
  case anyOf([ValueKind])
  /// An access pattern (`AccessPatternConfig.family`): a name, or an object keyed on `pattern`.
  case accessPattern
  /// The sweep: dotted scenario paths mapped to lists of values.
  case sweep
}

/// One scenario key, declared once: its name, what it holds, its default and meaning as users read
/// them, and whether it is required. The decoder, the sweep-path check, the JSON Schema
/// (`memgo schema`) and the README's key table all read it.
struct KeyDeclaration: Sendable {
  var name: String
  var kind: ValueKind
  /// The default as users read it (`"4KiB"`, `64`, `omitted`); empty for objects and required keys.
  var defaultValue: String
  /// What it means, one line (Markdown allowed: code spans).
  var meaning: String
  /// Whether a missing key is a problem.
  var required = false
  /// What to write when it is missing (`missing required key (expected ...)`), when required.
  var expected: String?
  /// Whether a sweep may name it.
  var sweepable = true
  /// Whether unknown-key messages list it (`$schema` is accepted and suggested, not listed).
  var listed = true
}

/// The keys of one kind of object, in declaration order (the order of the schema and the README).
struct ObjectShape: Sendable {
  var keys: [KeyDeclaration]

  /// The keys unknown-key messages list.
  var listedNames: [String] { keys.filter(\.listed).map(\.name) }
  /// The names a misspelt key is compared with: the listed ones first, so that they win ties.
  var suggestedNames: [String] { listedNames + keys.filter { !$0.listed }.map(\.name) }
  /// Every key's name.
  var names: [String] { keys.map(\.name) }

  /// The key called `name`, or nil.
  func key(_ name: String) -> KeyDeclaration? { keys.first { $0.name == name } }
}

/// A family of objects told apart by one key (`dist`, `pattern`): each variant's name, meaning and
/// parameters.
struct VariantFamily: Sendable {
  /// One member of the family.
  struct Variant: Sendable {
    var name: String
    var meaning: String
    var parameters: [KeyDeclaration]
    /// The parameter called `name`, or nil.
    func parameter(_ name: String) -> KeyDeclaration? { parameters.first { $0.name == name } }
  }

  /// The key naming the variant (`dist`).
  var tag: String
  /// What the tag means, for the schema and the README.
  var meaning: String
  var variants: [Variant]

  /// The variants' names, in declaration order.
  var names: [String] { variants.map(\.name) }
  /// The tag, then every variant's parameters, each once, in declaration order.
  var allKeys: [String] {
    var keys = [tag]
    for variant in variants {
      for parameter in variant.parameters where !keys.contains(parameter.name) { keys.append(parameter.name) }
    }
    return keys
  }

  /// The variant called `name`, or nil.
  func variant(_ name: String) -> Variant? { variants.first { $0.name == name } }

  /// The first declaration of the parameter `name` in any variant.
  func anyParameter(_ name: String) -> KeyDeclaration? {
    for variant in variants { if let parameter = variant.parameter(name) { return parameter } }
    return nil
  }
}
