/// The result of decoding one process group: the configuration when valid, and the facts the
/// scenario-level checks need even when other fields are wrong.
struct ProcessGroupDecoding {
  var config: ProcessGroupConfig?
  /// The group's name (given or defaulted), when valid.
  var name: String?
  /// The name's node, when the name was given.
  var nameNode: JSONNode?
  var count: Int?
  /// Whether the group gives `requests` (a stop condition when every group does).
  var hasRequests: Bool
}

// MARK: - Decoding process groups

extension ScenarioDecoder {
  /// Limits on process groups (SPEC "Model semantics": processes up to 10^6, address spaces up to 2^48).
  static let maximumProcesses = 1_000_000
  /// The most process groups (entries of `processes`); each keeps its statistics in every run.
  static let maximumProcessGroups = 10_000
  /// The most processes replaying trace files (each holds an open file and a 1 MiB read buffer).
  static let maximumTraceProcesses = 256
  static let maximumAddressSpace: Int64 = 1 << 48
  static let maximumRequests = 1_000_000_000_000

  /// Decodes `processes[index]` by `ProcessGroupConfig.keyTable`. `pageSize` and `levels` (nil
  /// when the machine's are invalid) bound the address space.
  mutating func processGroup(_ node: JSONNode, index: Int, pageSize: Int?, levels: Int?) -> ProcessGroupDecoding {
    var result = ProcessGroupDecoding(hasRequests: false)
    let draft = ProcessGroupDraft(config: ProcessGroupConfig(name: "group\(index)"), pageSize: pageSize, levels: levels)
    guard let decoding = decode(node, ProcessGroupConfig.keyTable, from: draft) else { return result }
    result.hasRequests = decoding.object.has("requests")
    result.nameNode = decoding.object["name"]
    if decoding.isClean("name") { result.name = decoding.target.config.name }
    if decoding.isClean("count") { result.count = decoding.target.config.count }
    if decoding.isValid { result.config = decoding.target.config }
    return result
  }

  /// A group name: 1 to 100 characters, no control characters.
  mutating func processName(_ node: JSONNode) -> String? {
    guard let name = string(node) else { return nil }
    if name.isEmpty || name.unicodeScalars.count > 100 || name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
      report(
        node, "\(Self.found(node.value)) is not a usable name (expected 1 to 100 characters, no control characters)")
      return nil
    }
    return name
  }

  /// An address space: whole pages, at least one page, at most 2^48 bytes and at most what the page
  /// table can map (pageSize × 512^levels).
  mutating func addressSpace(_ node: JSONNode, pageSize: Int?, levels: Int?) -> Int64? {
    guard let bytes = size(node) else { return nil }
    let shown = Self.found(node.value)
    guard let pageSize else { return bytes }
    let page = Int64(pageSize)
    if bytes < page {
      report(node, "\(shown) is smaller than one page (expected at least pageSize, \(Units.formatSize(page)))")
      return nil
    }
    if bytes % page != 0 {
      report(node, "\(shown) is not a whole number of pages (pageSize is \(Units.formatSize(page)))")
      return nil
    }
    if let levels {
      // pageSize × 512^levels, saturating: beyond 2^48 the global limit applies anyway.
      var mappable = page
      for _ in 0..<levels {
        let (product, overflow) = mappable.multipliedReportingOverflow(by: 512)
        mappable = overflow ? .max : product
      }
      if bytes > mappable {
        report(
          node,
          "\(shown) is more than a \(levels)-level page table maps (expected at most \(Units.formatSize(mappable)): "
            + "\(Units.formatSize(page)) pages x 512^\(levels))")
        return nil
      }
    }
    return bytes
  }

  /// A request-size distribution: a constant is at least 1B, and no request may exceed the address space.
  mutating func requestSize(_ node: JSONNode, addressSpace: Int64?) -> Distribution? {
    guard let distribution = distribution(node, of: .size) else { return nil }
    if case .constant(let v) = distribution, v < 1 {
      report(node, "\(Self.found(node.value)) is out of range (expected a request size of at least 1B)")
      return nil
    }
    if let addressSpace, let largest = distribution.upperBound, largest > Double(addressSpace) {
      report(
        node,
        "largest request size \(Units.formatSize(Int64(largest))) exceeds the address space "
          + "(\(Units.formatSize(addressSpace)))")
      return nil
    }
    return distribution
  }
}
