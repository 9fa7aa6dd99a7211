// MARK: - The README's key table

extension ScenarioSchema {
  /// The README's scenario key table (`memgo schema --format markdown`), generated from the key
  /// declarations: one row per key, by dotted path (`processes[i].access.stride`), with its values,
  /// meaning and default. Objects are not rows; their keys are.
  public static var markdownKeyTable: String {
    var out = "| key | values | meaning | default |\n|---|---|---|---|\n"
    for row in rows(Scenario.keyTable.shape, prefix: "") {
      out += "| `\(row.path)` | \(row.values) | \(row.meaning) | \(row.defaultValue) |\n"
    }
    return out
  }

  /// One row of the table.
  struct KeyRow {
    var path: String
    var values: String
    var meaning: String
    var defaultValue: String
  }

  /// The rows of the keys of `shape`, under `prefix`.
  static func rows(_ shape: ObjectShape, prefix: String) -> [KeyRow] {
    shape.keys.flatMap { key -> [KeyRow] in
      let path = prefix.isEmpty ? key.name : "\(prefix).\(key.name)"
      switch key.kind {
      case .object(let inner): return rows(inner, prefix: path)
      case .array(.object(let inner)): return rows(inner, prefix: "\(path)[i]")
      case .accessPattern:
        return [row(key, path: path)] + patternRows(prefix: path)
      default: return [row(key, path: path)]
      }
    }
  }

  /// The parameters of every access pattern, as `access.NAME` rows naming their pattern.
  private static func patternRows(prefix: String) -> [KeyRow] {
    let family = AccessPatternConfig.family
    return family.variants.flatMap { variant in
      variant.parameters.map { parameter in
        var row = row(parameter, path: "\(prefix).\(parameter.name)")
        row.meaning = "`\(variant.name)`: \(parameter.meaning)"
        if parameter.required { row.defaultValue = "required" }
        return row
      }
    }
  }

  private static func row(_ key: KeyDeclaration, path: String) -> KeyRow {
    var defaultValue = key.defaultValue
    if key.required {
      defaultValue = "required"
    } else if defaultJSON(key) != nil {
      defaultValue = "`\(defaultValue)`"
    }
    return KeyRow(
      path: path, values: values(key.kind, name: key.name), meaning: key.meaning, defaultValue: defaultValue)
  }

  /// What a value of `kind` may be, in a few words: `1 … 2^31`, `0 <= writeFraction <= 1`, `size`.
  static func values(_ kind: ValueKind, name: String) -> String {
    switch kind {
    case .integer(let range):
      return "\(ScenarioDecoder.formatLimit(range.lowerBound)) … \(ScenarioDecoder.formatLimit(range.upperBound))"
    case .unsignedInteger: return "0 … 2^64-1"
    case .number(let min, let max):
      return min == nil && max == nil ? "number" : ScenarioDecoder.rangeText(name, min, max)
    case .duration: return "duration"
    case .size: return "size"
    case .string: return "string"
    case .boolean: return "`true`, `false`"
    case .choice(let names): return names.map { "`\($0)`" }.joined(separator: ", ")
    case .distribution(let quantity): return "\(quantity.noun) or distribution"
    case .quantity: return "in the distribution's unit"
    case .object: return "object"
    case .array(let element): return "array of \(values(element, name: name))"
    case .anyOf(let kinds): return kinds.map { values($0, name: name) }.joined(separator: " or ")
    case .accessPattern: return "pattern name or object"
    case .sweep: return "object"
    }
  }
}
