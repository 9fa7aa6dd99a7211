/// An object of a `VariantFamily` whose variant is known (`{"dist": "uniform", ...}`): its members
/// and the variant's declarations.
struct VariantObject {
  let object: JSONObjectView
  let family: VariantFamily
  let variant: VariantFamily.Variant

  /// The parameter `key`, or nil after reporting it missing: `missing required key (expected WHAT
  /// for dist "uniform")`, where `what` defaults to the parameter's declared `expected`.
  func required(_ key: String, _ decoder: inout ScenarioDecoder, what: String? = nil) -> JSONNode? {
    if let child = object[key] { return child }
    let what = what ?? variant.parameter(key)?.expected ?? "a value"
    decoder.reportMissing(key, in: object, expected: "\(what) for \(family.tag) \(quoted(variant.name))")
    return nil
  }
}

// MARK: - Decoding family objects

extension ScenarioDecoder {
  /// Reads the variant an object of `family` names by its tag, and checks its keys: with a known
  /// variant, every key outside its parameters (a parameter of another variant says so); otherwise
  /// only keys that no variant takes. Nil after reporting the tag missing, not a string or unknown.
  mutating func variant(_ object: JSONObjectView, of family: VariantFamily) -> VariantObject? {
    var variant: VariantFamily.Variant?
    if let tagNode = object[family.tag] {
      if let name = string(tagNode) {
        variant = family.variant(name)
        if variant == nil { report(tagNode, Self.unknownName(family.tag, name, valid: family.names)) }
      }
    } else {
      reportMissing(family.tag, in: object, expected: "one of " + family.names.joined(separator: ", "))
    }
    let allowed = variant.map { [family.tag] + $0.parameters.map(\.name) } ?? family.allKeys
    for (i, member) in object.members.enumerated() where !allowed.contains(member.key) {
      report(
        path: object.node.path, order: object.node.order + [i],
        Self.foreignKeyMessage(
          member.key, allowed: allowed, kind: variant.map { "\(family.tag) \(quoted($0.name))" },
          otherKindsKeys: family.allKeys))
    }
    return variant.map { VariantObject(object: object, family: family, variant: $0) }
  }
}
