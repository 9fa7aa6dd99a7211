/// The result of decoding `machine`: the configuration when it is valid, and the geometry other
/// checks need (page size, page-table levels) whenever those fields alone are valid.
struct MachineDecoding {
  var config: MachineConfig?
  var pageSize: Int?
  var levels: Int?
}

// MARK: - Decoding the machine

extension ScenarioDecoder {
  /// Limits on machine parameters (SPEC "Model semantics": frames up to 2^31).
  static let maximumCPUs = 4096
  static let maximumFrames = 1 << 31
  static let pageSizeRange = 256...(1 << 30)
  static let maximumTLBEntries = 65536
  static let pageTableLevels = 1...6
  static let maximumWalkCacheEntries = 4096
  static let maximumDiskChannels = 1024

  /// Decodes `machine`; defaults are those of `MachineConfig.init`.
  mutating func machine(_ node: JSONNode) -> MachineDecoding {
    var result = MachineDecoding()
    guard let object = object(node, keys: ScenarioSchema.machineKeys) else { return result }
    let defaults = MachineConfig(frames: 1)
    var valid = true
    /// Decodes an optional field, falling back to `fallback` when absent; marks the machine invalid
    /// when present but wrong.
    func field<T>(_ key: String, _ fallback: T, _ decode: (inout ScenarioDecoder, JSONNode) -> T?) -> T? {
      guard let child = object[key] else { return fallback }
      let value = decode(&self, child)
      if value == nil { valid = false }
      return value
    }

    // `cpus` is optional itself: absent means one core per process.
    var cpus: Int? = nil
    if let cpusNode = object["cpus"] {
      cpus = int(cpusNode, 1...Self.maximumCPUs)
      if cpus == nil { valid = false }
    }
    let pageSize = field("pageSize", defaults.pageSize) { $0.pageSize($1) }
    result.pageSize = pageSize
    let frames = framesOrMemory(object, pageSize: pageSize)
    if frames == nil { valid = false }
    let tlb = field("tlb", defaults.tlb) { $0.tlb($1) }
    let pageTable = field("pageTable", defaults.pageTable) { decoder, child in
      guard let table = decoder.object(child, keys: ScenarioSchema.pageTableKeys) else { return nil }
      var config: PageTableConfig? = PageTableConfig()
      if let levelsNode = table["levels"] {
        if let levels = decoder.int(levelsNode, Self.pageTableLevels) { config?.levels = levels } else { config = nil }
      }
      if let cacheNode = table["walkCache"] {
        if let entries = decoder.int(cacheNode, 0...Self.maximumWalkCacheEntries) {
          config?.walkCache = entries
        } else {
          config = nil
        }
      }
      return config
    }
    result.levels = pageTable?.levels
    let replacement = field("replacement", defaults.replacement) { $0.replacement($1) }
    let zeroFill = field("zeroFill", defaults.zeroFill) { $0.bool($1) }
    let latency = field("latency", defaults.latency) { $0.latency($1) }
    let disk = field("disk", defaults.disk) { decoder, child in
      guard let diskObject = decoder.object(child, keys: ScenarioSchema.diskKeys) else { return nil }
      guard let channelsNode = diskObject["channels"] else { return DiskConfig() }
      return decoder.int(channelsNode, 1...Self.maximumDiskChannels).map { DiskConfig(channels: $0) }
    }

    // A fixed quota larger than memory could never be admitted.
    if let frames, let replacement, case .frames(let quota) = replacement.frameQuota, quota > frames,
      let replacementNode = object["replacement"], case .object(let members) = replacementNode.value,
      let quotaNode = JSONObjectView(node: replacementNode, members: members)["frameQuota"]
    {
      valid = false
      report(
        quotaNode,
        "\(quota) is more than machine.frames (\(frames)) (expected a quota of at most \(frames) frames, or \"equal\")")
    }

    guard valid, let pageSize, let frames, let tlb, let pageTable, let replacement, let zeroFill,
      let latency, let disk
    else { return result }
    result.config = MachineConfig(
      cpus: cpus, pageSize: pageSize, frames: frames, tlb: tlb, pageTable: pageTable, replacement: replacement,
      zeroFill: zeroFill, latency: latency, disk: disk)
    return result
  }

  /// A page size: a power of two from 256B to 1GiB.
  mutating func pageSize(_ node: JSONNode) -> Int? {
    guard let bytes = size(node) else { return nil }
    guard Self.pageSizeRange.contains(Int(bytes)) else {
      report(node, "\(Self.found(node.value)) is out of range (expected 256B <= pageSize <= 1GiB)")
      return nil
    }
    guard bytes & (bytes - 1) == 0 else {
      report(node, "\(Self.found(node.value)) is not a power of two (expected a page size such as \"4KiB\")")
      return nil
    }
    return Int(bytes)
  }

  /// `machine.frames`, or `machine.memory` divided by the page size; exactly one must be given.
  private mutating func framesOrMemory(_ machine: JSONObjectView, pageSize: Int?) -> Int? {
    let framesNode = machine["frames"]
    let memoryNode = machine["memory"]
    switch (framesNode, memoryNode) {
    case (nil, nil):
      reportMissing(
        "frames", in: machine, expected: "the number of page frames, or \"memory\" as a size such as \"64MiB\"")
      return nil
    case (_?, let memoryNode?):
      report(memoryNode, "give either frames or memory, not both")
      return nil
    case (let framesNode?, nil):
      return int(framesNode, 1...Self.maximumFrames)
    case (nil, let memoryNode?):
      guard let bytes = size(memoryNode), let pageSize else { return nil }
      let page = Int64(pageSize)
      let shown = Self.found(memoryNode.value)
      guard bytes % page == 0 else {
        report(memoryNode, "\(shown) is not a whole number of pages (pageSize is \(Units.formatSize(page)))")
        return nil
      }
      let frames = bytes / page
      if frames < 1 {
        report(memoryNode, "\(shown) holds no page frame (expected at least one page of \(Units.formatSize(page)))")
        return nil
      }
      if frames > Int64(Self.maximumFrames) {
        report(memoryNode, "\(shown) is \(frames) frames of \(Units.formatSize(page)) (expected at most 2^31 frames)")
        return nil
      }
      return Int(frames)
    }
  }

  /// `machine.tlb`: `entries` in 0...65536, `ways` dividing `entries` (when there is a TLB), `asid`.
  private mutating func tlb(_ node: JSONNode) -> TLBConfig? {
    guard let object = object(node, keys: ScenarioSchema.tlbKeys) else { return nil }
    let defaults = TLBConfig()
    var valid = true
    var entries: Int? = defaults.entries
    var ways: Int? = defaults.ways
    var asid: Bool? = defaults.asid
    if let n = object["entries"] { entries = int(n, 0...Self.maximumTLBEntries) }
    if let n = object["ways"] { ways = int(n, 1...Self.maximumTLBEntries) }
    if let n = object["asid"] { asid = bool(n) }
    guard let entries, let ways, let asid else { return nil }
    if entries > 0 && entries % ways != 0 {
      valid = false
      if let waysNode = object["ways"] {
        report(waysNode, "\(ways) does not divide entries (\(entries))")
      } else if let entriesNode = object["entries"] {
        report(entriesNode, "\(entries) is not a multiple of the default ways (\(ways)) (set \"ways\" to a divisor)")
      }
    }
    return valid ? TLBConfig(entries: entries, ways: ways, asid: asid) : nil
  }

  /// `machine.replacement`: a policy by name (any `PolicyKind`), a scope, and policy options.
  private mutating func replacement(_ node: JSONNode) -> ReplacementConfig? {
    guard let object = object(node, keys: ScenarioSchema.replacementKeys) else { return nil }
    var config = ReplacementConfig()
    var valid = true
    if let policyNode = object["policy"] {
      if let policy = policyKind(policyNode) { config.policy = policy } else { valid = false }
    }
    if let scopeNode = object["scope"] {
      if let name = string(scopeNode) {
        if let scope = AllocationScope(rawValue: name) {
          config.scope = scope
        } else {
          valid = false
          report(scopeNode, Self.unknownName("scope", name, valid: AllocationScope.allCases.map(\.rawValue)))
        }
      } else {
        valid = false
      }
    }
    if let n = object["referenceOnLoad"] {
      if let b = bool(n) { config.referenceOnLoad = b } else { valid = false }
    }
    // Policy parameters: decoded whatever the policy (a sweep may change it), ranges checked by
    // `ReplacementConfig.validate()` and reported at the parameter's own path.
    if let n = object["agingBits"] {
      if let bits = int(n, ReplacementConfig.agingBitsRange) { config.agingBits = bits } else { valid = false }
    }
    if let n = object["agingPeriod"] {
      if let period = duration(n) { config.agingPeriod = period } else { valid = false }
    }
    if let n = object["wsclockTau"] {
      if let tau = duration(n) { config.wsclockTau = tau } else { valid = false }
    }
    if let n = object["twoQKin"] {
      if let kin = double(n, min: .atLeast(0), max: .atMost(1), name: "twoQKin") { config.twoQKin = kin } else { valid = false }
    }
    if let n = object["twoQKout"] {
      if let kout = double(n, min: .atLeast(0), max: .atMost(4), name: "twoQKout") {
        config.twoQKout = kout
      } else {
        valid = false
      }
    }
    // Scope parameters, likewise decoded whatever the scope.
    if let n = object["frameQuota"] {
      if let quota = frameQuota(n) { config.frameQuota = quota } else { valid = false }
    }
    if let n = object["tau"] {
      if let tau = int(n, 1...Self.maximumRequests) { config.tau = Int64(tau) } else { valid = false }
    }
    if let n = object["pffUpper"] {
      if let rate = double(n, min: .above(0), max: .atMost(1), name: "pffUpper") {
        config.pffUpper = rate
      } else {
        valid = false
      }
    }
    if let n = object["pffLower"] {
      if let rate = double(n, min: .above(0), max: .atMost(1), name: "pffLower") {
        config.pffLower = rate
      } else {
        valid = false
      }
    }
    if valid {
      for problem in config.validate() {
        valid = false
        if let n = object[problem.key] {
          report(n, problem.message)
        } else {
          // A default out of step with a given value (pffLower above a given pffUpper).
          report(object.node, "\(problem.key) (default): \(problem.message)")
        }
      }
    }
    return valid ? config : nil
  }

  /// `frameQuota`: a number of frames (at least 1), or `"equal"`.
  private mutating func frameQuota(_ node: JSONNode) -> FrameQuota? {
    switch node.value {
    case .string("equal"):
      return .equal
    case .string(let text):
      report(node, "\(quoted(text)) is not a quota (expected a number of frames, or \"equal\")")
      return nil
    default:
      return int(node, 1...Self.maximumFrames, name: "frameQuota").map { .frames($0) }
    }
  }

  /// A policy name from `PolicyKind`. Whether the processes allow a policy that needs the future
  /// (OPT) is checked with the whole scenario (`checkFuturePolicy`).
  mutating func policyKind(_ node: JSONNode) -> PolicyKind? {
    guard let name = string(node) else { return nil }
    guard let policy = PolicyKind(rawValue: name) else {
      report(node, Self.unknownName("policy", name, valid: PolicyKind.allCases.map(\.rawValue)))
      return nil
    }
    return policy
  }

  /// `machine.latency`: one duration distribution per step.
  private mutating func latency(_ node: JSONNode) -> LatencyConfig? {
    guard let object = object(node, keys: ScenarioSchema.latencyKeys) else { return nil }
    var config = LatencyConfig()
    var valid = true
    let fields: [WritableKeyPath<LatencyConfig, Distribution>] = [\.tlb, \.ram, \.fault, \.diskRead, \.diskWrite]
    for (key, field) in zip(ScenarioSchema.latencyKeys, fields) {
      guard let child = object[key] else { continue }
      if let d = distribution(child, of: .duration) { config[keyPath: field] = d } else { valid = false }
    }
    return valid ? config : nil
  }
}
