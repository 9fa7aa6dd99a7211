/// A location inside a JSON document: object keys and array indices from the root, rendered as
/// `machine.tlb.ways` or `processes[0].size.dist` (the root is the empty path).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
  /// One step from a container to a child.
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  /// The steps from the root, outermost first.
  public var components: [Component]

  /// Creates the path with these steps (the root when empty).
  public init(_ components: [Component] = []) { self.components = components }

  /// The whole document.
  public static let root = JSONPath()

  /// Whether this is the root.
  public var isEmpty: Bool { components.isEmpty }

  /// This path extended by an object key.
  public func appending(key: String) -> JSONPath {
    var path = self
    path.components.append(.key(key))
    return path
  }

  /// This path extended by an array index.
  public func appending(index: Int) -> JSONPath {
    var path = self
    path.components.append(.index(index))
    return path
  }

  /// The last object key on the path, if any (the name of the field it denotes).
  public var lastKey: String? {
    for component in components.reversed() {
      if case .key(let key) = component { return key }
    }
    return nil
  }

  /// Whether `prefix` is this path or one of its ancestors.
  public func hasPrefix(_ prefix: JSONPath) -> Bool {
    prefix.components.count <= components.count
      && Array(components.prefix(prefix.components.count)) == prefix.components
  }

  /// Keys joined by `.`, indices as `[i]`: `processes[0].size.dist`.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += key
      case .index(let i):
        text += "[\(i)]"
      }
    }
    return text
  }

  /// Parses the dotted form (`machine.frames`, `processes[0].count`): names of letters, digits and
  /// `_` separated by `.`, each followed by any number of `[i]` indices (decimal, no leading zeros).
  /// Returns nil for anything else, including the empty string.
  public init?(parsing text: String) {
    var components: [Component] = []
    let bytes = Array(text.utf8)
    var i = 0
    func isNameByte(_ b: UInt8) -> Bool {
      (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 95
    }
    while true {
      let start = i
      while i < bytes.count && isNameByte(bytes[i]) { i += 1 }
      if i == start { return nil }
      components.append(.key(String(decoding: bytes[start..<i], as: UTF8.self)))
      while i < bytes.count && bytes[i] == UInt8(ascii: "[") {
        i += 1
        let digitsStart = i
        var value = 0
        while i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 {
          if i - digitsStart >= 9 { return nil }
          value = value * 10 + Int(bytes[i] - 48)
          i += 1
        }
        let count = i - digitsStart
        if count == 0 || (count > 1 && bytes[digitsStart] == 48) { return nil }
        guard i < bytes.count && bytes[i] == UInt8(ascii: "]") else { return nil }
        i += 1
        components.append(.index(value))
      }
      if i == bytes.count { break }
      guard bytes[i] == UInt8(ascii: ".") else { return nil }
      i += 1
    }
    self.components = components
  }
}
