import Foundation
import Testing

@testable import MemgoCore

/// The JSON Schema generated from the key declarations: committed as docs/scenario.schema.json,
/// and every example scenario validates against it (with a small validator of the keywords the
/// schema uses).
@Suite struct ScenarioSchemaJSONSchemaTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Every scenario file under scenarios/, by path relative to the repository.
  /// The scenario files under scenarios/ and examples/.
  static var exampleScenarios: [String] {
    ["scenarios", "examples"].flatMap { folder in
      let paths = FileManager.default.subpaths(atPath: repository.appendingPathComponent(folder).path) ?? []
      return paths.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }
  }

  static func json(_ path: String) throws -> JSONValue {
    let data = try Data(contentsOf: repository.appendingPathComponent(path))
    return try JSONParser.parse(Array(data))
  }

  /// The committed schema is what `memgo schema` prints now (regenerate with
  /// `memgo schema --output docs/scenario.schema.json`).
  @Test func committedSchemaIsCurrent() throws {
    let committed = try String(
      contentsOf: Self.repository.appendingPathComponent("docs/scenario.schema.json"), encoding: .utf8)
    #expect(committed == ScenarioSchema.jsonSchema)
  }

  @Test func schemaIsDraft2020WithEveryTopLevelKey() throws {
    let schema = try JSONParser.parse(Array(ScenarioSchema.jsonSchema.utf8))
    guard case .object(let members) = schema else { throw CancellationError() }
    #expect(members.first?.key == "$schema")
    #expect(members.first?.value == .string("https://json-schema.org/draft/2020-12/schema"))
    #expect(members.contains { $0.key == "$id" } && members.contains { $0.key == "title" })
    guard case .object(let properties)? = members.first(where: { $0.key == "properties" })?.value else {
      throw CancellationError()
    }
    #expect(properties.map(\.key) == Scenario.keyTable.shape.names)
    #expect(members.first { $0.key == "required" }?.value == .array([.string("machine"), .string("processes")]))
    #expect(members.first { $0.key == "additionalProperties" }?.value == .bool(false))
    #expect(ScenarioSchema.jsonSchema == ScenarioSchema.jsonSchema)
  }

  /// Every example scenario validates, and names the schema by a relative path that exists.
  @Test func everyExampleScenarioValidatesAndNamesTheSchema() throws {
    let schema = try JSONParser.parse(Array(ScenarioSchema.jsonSchema.utf8))
    #expect(Self.exampleScenarios.count >= 10)
    for path in Self.exampleScenarios {
      let scenario = try Self.json(path)
      #expect(
        SchemaValidator(root: schema).problems(scenario).isEmpty,
        "\(path): \(SchemaValidator(root: schema).problems(scenario))")
      guard case .object(let members) = scenario, case .string(let reference)? = members.first?.value,
        members.first?.key == "$schema"
      else {
        Issue.record("\(path): no \"$schema\" first")
        continue
      }
      let folder = URL(fileURLWithPath: path).deletingLastPathComponent().relativePath
      let target = Self.repository.appendingPathComponent(folder).appendingPathComponent(reference).standardized
      #expect(target.path == Self.repository.appendingPathComponent("docs/scenario.schema.json").standardized.path)
    }
  }

  /// The validator is not vacuous: misspelt keys, wrong types, bad units and out-of-range values fail.
  @Test func invalidScenariosFailTheSchema() throws {
    let validator = SchemaValidator(root: try JSONParser.parse(Array(ScenarioSchema.jsonSchema.utf8)))
    func problems(_ text: String) throws -> [String] { validator.problems(try JSONParser.parse(Array(text.utf8))) }
    let valid = #"{"machine": {"frames": 8}, "processes": [{"requests": 1}]}"#
    #expect(try problems(valid).isEmpty)
    #expect(try !problems(#"{"machine": {"framez": 8}, "processes": [{}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {"frames": "8"}, "processes": [{}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {"frames": 0}, "processes": [{}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {"pageSize": "4kb"}, "processes": [{}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {}, "processes": [{"interval": {"dist": "uniform", "min": "1us"}}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {}, "processes": [{"access": {"pattern": "zipf"}}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {}, "processes": [{"access": "loop"}]}"#).isEmpty)
    #expect(try !problems(#"{"machine": {}}"#).isEmpty)
    #expect(try problems(#"{"machine": {}, "processes": [{"access": "sequential", "size": "4KiB"}]}"#).isEmpty)
    #expect(
      try problems(
        #"{"machine": {"latency": {"diskRead": {"dist": "empirical", "values": ["1ms"], "weights": [1]}}}, "processes": [{}]}"#
      ).isEmpty)
  }

  /// The unit patterns accept what the unit parser reads.
  @Test func unitPatternsAgreeWithTheParser() throws {
    let duration = try NSRegularExpression(pattern: ScenarioSchema.durationPattern)
    let size = try NSRegularExpression(pattern: ScenarioSchema.sizePattern)
    func matches(_ regex: NSRegularExpression, _ s: String) -> Bool {
      regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }
    for text in [
      "5ms", "2.5ms", "0s", "100ns", "7ps", "3µs", "1.5us", "5", "5 ms", "-1s", "1e3ns", "5sec", ".5s", "5.s",
    ] {
      #expect(matches(duration, text) == ((try? Units.parseDuration(text)) != nil), "\(text)")
    }
    for text in ["4KiB", "1.5MiB", "8B", "1KB", "2TiB", "4kb", "4096", "4 KiB", "1.KiB"] {
      #expect(matches(size, text) == ((try? Units.parseSize(text)) != nil), "\(text)")
    }
  }
}

/// A validator of the JSON Schema keywords memgo's schema uses: `$ref` (to `#/$defs/...`), `type`,
/// `properties`, `required`, `additionalProperties`, `enum`, `const`, `oneOf`, `items`,
/// `minItems`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `pattern`.
struct SchemaValidator {
  let root: JSONValue

  func problems(_ value: JSONValue) -> [String] { problems(value, root, at: "") }

  private func member(_ schema: JSONValue, _ key: String) -> JSONValue? {
    guard case .object(let members) = schema else { return nil }
    return members.first { $0.key == key }?.value
  }

  private func number(_ value: JSONValue) -> Double? {
    if case .number(let literal) = value { return Double(literal) }
    return nil
  }

  private func problems(_ value: JSONValue, _ schema: JSONValue, at path: String) -> [String] {
    var found: [String] = []
    if case .string(let reference)? = member(schema, "$ref") {
      let name = String(reference.dropFirst("#/$defs/".count))
      guard let target = member(root, "$defs").flatMap({ member($0, name) }) else {
        return ["\(path): no \(reference)"]
      }
      found += problems(value, target, at: path)
    }
    if case .string(let type)? = member(schema, "type") {
      let ok: Bool
      switch (type, value) {
      case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool): ok = true
      case ("number", .number): ok = true
      case ("integer", .number(let literal)): ok = Double(literal).map { $0 == $0.rounded() } ?? false
      default: ok = false
      }
      if !ok { return found + ["\(path): not a \(type)"] }
    }
    if case .array(let names)? = member(schema, "enum"), !names.contains(value) { found.append("\(path): not in enum") }
    if let constant = member(schema, "const"), constant != value { found.append("\(path): not \(constant)") }
    if case .array(let alternatives)? = member(schema, "oneOf") {
      let matching = alternatives.filter { problems(value, $0, at: path).isEmpty }.count
      if matching != 1 { found.append("\(path): matches \(matching) of oneOf") }
    }
    if let x = number(value) {
      if let lo = member(schema, "minimum").flatMap(number), x < lo { found.append("\(path): below minimum") }
      if let hi = member(schema, "maximum").flatMap(number), x > hi { found.append("\(path): above maximum") }
      if let lo = member(schema, "exclusiveMinimum").flatMap(number), x <= lo { found.append("\(path): too small") }
      if let hi = member(schema, "exclusiveMaximum").flatMap(number), x >= hi { found.append("\(path): too large") }
    }
    if case .string(let text) = value, case .string(let pattern)? = member(schema, "pattern") {
      let regex = try? NSRegularExpression(pattern: pattern)
      if regex?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
        found.append("\(path): \(text) does not match \(pattern)")
      }
    }
    if case .array(let elements) = value {
      if let minimum = member(schema, "minItems").flatMap(number), Double(elements.count) < minimum {
        found.append("\(path): too few items")
      }
      if let items = member(schema, "items") {
        for (i, element) in elements.enumerated() { found += problems(element, items, at: "\(path)[\(i)]") }
      }
    }
    if case .object(let members) = value {
      let properties: [JSONMember]
      if case .object(let declared)? = member(schema, "properties") { properties = declared } else { properties = [] }
      if case .array(let required)? = member(schema, "required") {
        for case .string(let key) in required where !members.contains(where: { $0.key == key }) {
          found.append("\(path): missing \(key)")
        }
      }
      for m in members {
        if let property = properties.first(where: { $0.key == m.key }) {
          found += problems(m.value, property.value, at: "\(path).\(m.key)")
        } else if let additional = member(schema, "additionalProperties") {
          if additional == .bool(false) {
            found.append("\(path): unknown key \(m.key)")
          } else {
            found += problems(m.value, additional, at: "\(path).\(m.key)")
          }
        }
      }
    }
    return found
  }
}
