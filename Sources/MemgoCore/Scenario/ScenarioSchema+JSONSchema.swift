// MARK: - The JSON Schema of scenario files

extension ScenarioSchema {
  /// The identifier of the schema (`$id`).
  static let schemaID = "urn:memgo:scenario"

  /// The JSON Schema (draft 2020-12) of scenario files, generated from the key declarations:
  /// editors use it to validate and complete scenario files (`memgo schema`,
  /// docs/scenario.schema.json). Keys appear in declaration order, so the text is stable.
  public static var jsonSchema: String { JSONWriter.pretty(jsonSchemaValue) }

  /// The schema as a JSON value.
  static var jsonSchemaValue: JSONValue {
    var root: [JSONMember] = [
      member("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
      member("$id", .string(schemaID)),
      member("title", .string("memgo scenario")),
      member(
        "description",
        .string(
          "A memgo scenario file: the machine, the process groups, when a run stops, and an optional sweep. "
            + "Durations and sizes are strings with a unit; memgo validate checks what a schema cannot "
            + "(cross-field rules, limits that depend on other keys)."
        )),
    ]
    root += objectMembers(Scenario.keyTable.shape, quantity: nil)
    root.append(
      member(
        "$defs",
        .object([
          member("duration", durationSchema),
          member("size", sizeSchema),
          member("durationDistribution", distributionSchema(.duration)),
          member("sizeDistribution", distributionSchema(.size)),
          member("accessPattern", accessPatternSchema),
        ])))
    return .object(root)
  }

  // MARK: - Values

  /// `^[0-9]+(\.[0-9]+)?(ps|ns|...)$`: what `Units.parseDuration` reads (the limits aside).
  static var durationPattern: String {
    unitPattern((Units.durationUnits + Units.durationAliases).map(\.name))
  }

  /// What `Units.parseSize` reads (the limit aside).
  static var sizePattern: String { unitPattern(Units.sizeUnits.map(\.name)) }

  private static func unitPattern(_ units: [String]) -> String {
    "^[0-9]+(\\.[0-9]+)?(" + units.joined(separator: "|") + ")$"
  }

  private static var durationSchema: JSONValue {
    .object([
      member("type", .string("string")),
      member("pattern", .string(durationPattern)),
      member("description", .string("A duration: a number and a unit (ps, ns, us, ms, s), e.g. \"2.5ms\"")),
    ])
  }

  private static var sizeSchema: JSONValue {
    .object([
      member("type", .string("string")),
      member("pattern", .string(sizePattern)),
      member(
        "description",
        .string("A size: a number and a unit (B, KiB, MiB, GiB, TiB, KB, MB, GB, TB), e.g. \"4KiB\"")),
    ])
  }

  /// The schema of a value of `kind`; `quantity` gives the units of distribution parameters.
  static func schema(_ kind: ValueKind, quantity: QuantityKind?) -> [JSONMember] {
    switch kind {
    case .integer(let range):
      return [
        member("type", .string("integer")), member("minimum", .number(String(range.lowerBound))),
        member("maximum", .number(String(range.upperBound))),
      ]
    case .unsignedInteger:
      return [
        member("type", .string("integer")), member("minimum", .number("0")),
        member("maximum", .number(String(UInt64.max))),
      ]
    case .number(let min, let max):
      var members = [member("type", .string("number"))]
      if let min { members.append(member(min.inclusive ? "minimum" : "exclusiveMinimum", number(min.value))) }
      if let max { members.append(member(max.inclusive ? "maximum" : "exclusiveMaximum", number(max.value))) }
      return members
    case .duration: return [reference("duration")]
    case .size: return [reference("size")]
    case .string: return [member("type", .string("string"))]
    case .boolean: return [member("type", .string("boolean"))]
    case .choice(let names): return [member("enum", .array(names.map(JSONValue.string)))]
    case .distribution(let quantity): return [reference("\(quantity.noun)Distribution")]
    case .quantity:
      switch quantity {
      case .duration?: return [reference("duration")]
      case .size?: return [reference("size")]
      case .number?, nil: return [member("type", .string("number"))]
      }
    case .object(let shape): return objectMembers(shape, quantity: quantity)
    case .array(let element):
      return [
        member("type", .string("array")), member("items", .object(schema(element, quantity: quantity))),
        member("minItems", .number("1")),
      ]
    case .anyOf(let kinds):
      return [member("oneOf", .array(kinds.map { .object(schema($0, quantity: quantity)) }))]
    case .accessPattern: return [reference("accessPattern")]
    case .sweep:
      return [
        member("type", .string("object")),
        member(
          "additionalProperties",
          .object([
            member("type", .string("array")), member("minItems", .number("1")),
            member("description", .string("The values of this scenario path, one sweep point each")),
          ])),
      ]
    }
  }

  /// `type`, `properties`, `required` and `additionalProperties: false` of an object of `shape`.
  private static func objectMembers(_ shape: ObjectShape, quantity: QuantityKind?) -> [JSONMember] {
    var members = [
      member("type", .string("object")),
      member("properties", .object(shape.keys.map { member($0.name, property($0, quantity: quantity)) })),
    ]
    let required = shape.keys.filter(\.required).map(\.name)
    if !required.isEmpty { members.append(member("required", .array(required.map(JSONValue.string)))) }
    members.append(member("additionalProperties", .bool(false)))
    return members
  }

  /// A key's schema: its value's, with a description (meaning and default) and a JSON default.
  private static func property(_ key: KeyDeclaration, quantity: QuantityKind?) -> JSONValue {
    var members = [member("description", .string(plain(key)))]
    if let value = defaultJSON(key) { members.append(member("default", value)) }
    return .object(members + schema(key.kind, quantity: quantity))
  }

  /// A key's meaning and default as plain text (code spans unquoted).
  private static func plain(_ key: KeyDeclaration) -> String {
    var text = key.meaning.plainText
    if !key.defaultValue.isEmpty { text += ". Default: " + key.defaultValue.plainText }
    return text
  }

  /// The default as a JSON value, when it is written as one (`"4KiB"`, `64`, `true`).
  static func defaultJSON(_ key: KeyDeclaration) -> JSONValue? {
    guard !key.defaultValue.isEmpty, let value = try? JSONParser.parse(Array(key.defaultValue.utf8)) else {
      return nil
    }
    switch value {
    case .string, .number, .bool: return value
    default: return nil
    }
  }

  // MARK: - Families

  /// A constant of `quantity`, or an object of one of the distribution kinds (keyed on `dist`).
  private static func distributionSchema(_ quantity: QuantityKind) -> JSONValue {
    let constant = JSONValue.object(
      [member("description", .string("A constant \(quantity.noun)"))] + schema(.quantity, quantity: quantity))
    return .object([
      member(
        "description",
        .string("A \(quantity.noun), or a distribution of \(quantity.noun)s: {\"dist\": KIND, ...parameters}")),
      member("oneOf", .array([constant] + variantSchemas(Distribution.family, quantity: quantity))),
    ])
  }

  /// A pattern without required parameters by name, or an object of one pattern (keyed on `pattern`).
  private static var accessPatternSchema: JSONValue {
    let family = AccessPatternConfig.family
    let byName = family.variants.filter { !$0.parameters.contains(where: \.required) }.map(\.name)
    let name = JSONValue.object([
      member("description", .string("A pattern without required parameters, by name")),
      member("enum", .array(byName.map(JSONValue.string))),
    ])
    return .object([
      member("description", .string("Where a process's requests land: {\"pattern\": NAME, ...parameters}")),
      member("oneOf", .array([name] + variantSchemas(family, quantity: nil))),
    ])
  }

  /// One object schema per variant: the tag fixed to its name, its parameters, nothing else.
  private static func variantSchemas(_ family: VariantFamily, quantity: QuantityKind?) -> [JSONValue] {
    family.variants.map { variant in
      var properties = [
        member(
          family.tag,
          .object([member("description", .string(family.meaning)), member("const", .string(variant.name))]))
      ]
      properties += variant.parameters.map { member($0.name, property($0, quantity: quantity)) }
      let required = [family.tag] + variant.parameters.filter(\.required).map(\.name)
      return .object([
        member("description", .string("\(family.tag) \(variant.name): " + variant.meaning.plainText)),
        member("type", .string("object")),
        member("properties", .object(properties)),
        member("required", .array(required.map(JSONValue.string))),
        member("additionalProperties", .bool(false)),
      ])
    }
  }

  // MARK: - Helpers

  private static func member(_ key: String, _ value: JSONValue) -> JSONMember { JSONMember(key: key, value: value) }

  private static func reference(_ name: String) -> JSONMember { member("$ref", .string("#/$defs/\(name)")) }

  private static func number(_ v: Double) -> JSONValue {
    .number(v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : "\(v)")
  }
}

extension String {
  /// The string without Markdown's code marks (backticks).
  fileprivate var plainText: String { String(filter { $0 != "`" }) }
}
