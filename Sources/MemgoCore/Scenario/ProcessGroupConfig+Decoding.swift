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

  /// Decodes `processes[index]`; defaults are those of `ProcessGroupConfig.init`. `pageSize` and
  /// `levels` (nil when the machine's are invalid) bound the address space.
  mutating func processGroup(_ node: JSONNode, index: Int, pageSize: Int?, levels: Int?) -> ProcessGroupDecoding {
    var result = ProcessGroupDecoding(hasRequests: false)
    guard let object = object(node, keys: ScenarioSchema.processKeys) else { return result }
    result.hasRequests = object.has("requests")
    let defaults = ProcessGroupConfig(name: "group\(index)")
    var valid = true
    func field<T>(_ key: String, _ fallback: T, _ decode: (inout ScenarioDecoder, JSONNode) -> T?) -> T? {
      guard let child = object[key] else { return fallback }
      let value = decode(&self, child)
      if value == nil { valid = false }
      return value
    }

    result.nameNode = object["name"]
    let name = field("name", defaults.name) { $0.processName($1) }
    result.name = name
    let count = field("count", defaults.count) { $0.int($1, 1...Self.maximumProcesses) }
    result.count = count
    let start = field("start", defaults.start) { $0.duration($1) }
    let addressSpace = field("addressSpace", defaults.addressSpace) {
      $0.addressSpace($1, pageSize: pageSize, levels: levels)
    }
    var requests: Int? = nil
    if let requestsNode = object["requests"] {
      requests = int(requestsNode, 1...Self.maximumRequests)
      if requests == nil { valid = false }
    }
    let interval = field("interval", defaults.interval) { $0.distribution($1, of: .duration) }
    let size = field("size", defaults.size) { $0.requestSize($1, addressSpace: addressSpace) }
    let writeFraction = field("writeFraction", defaults.writeFraction) {
      $0.double($1, min: .atLeast(0), max: .atMost(1))
    }
    let access = field("access", defaults.access) {
      $0.accessPattern($1, addressSpace: addressSpace, pageSize: pageSize)
    }

    guard valid, let name, let count, let start, let addressSpace, let interval, let size, let writeFraction,
      let access
    else { return result }
    result.config = ProcessGroupConfig(
      name: name, count: count, start: start, addressSpace: addressSpace, requests: requests, interval: interval,
      size: size, writeFraction: writeFraction, access: access)
    return result
  }

  /// A group name: 1 to 100 characters, no control characters.
  private mutating func processName(_ node: JSONNode) -> String? {
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
  private mutating func addressSpace(_ node: JSONNode, pageSize: Int?, levels: Int?) -> Int64? {
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
  private mutating func requestSize(_ node: JSONNode, addressSpace: Int64?) -> Distribution? {
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
