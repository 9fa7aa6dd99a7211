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

  /// Decodes `machine` by `MachineConfig.keyTable`; the page size and levels are kept whenever
  /// those fields alone are valid.
  mutating func machine(_ node: JSONNode) -> MachineDecoding {
    var result = MachineDecoding()
    guard let decoding = decode(node, MachineConfig.keyTable, from: MachineConfig(frames: 1)) else { return result }
    if decoding.isClean("pageSize") { result.pageSize = decoding.target.pageSize }
    if decoding.isClean("pageTable") { result.levels = decoding.target.pageTable.levels }
    if decoding.isValid { result.config = decoding.target }
    return result
  }

  /// The machine's cross-field checks: exactly one of `frames` and `memory` (a whole number of
  /// pages), and a fixed frame quota no larger than memory (it could never be admitted).
  mutating func checkMachine(_ decoding: inout ObjectDecoding<MachineConfig>) -> Bool {
    let pageSize = decoding.isClean("pageSize") ? decoding.target.pageSize : nil
    guard let frames = framesOrMemory(decoding.object, pageSize: pageSize) else { return false }
    decoding.target.frames = frames
    let replacement = decoding.target.replacement
    if decoding.isClean("replacement"), case .frames(let quota) = replacement.frameQuota, quota > frames,
      let replacementNode = decoding.object["replacement"], case .object(let members) = replacementNode.value,
      let quotaNode = JSONObjectView(node: replacementNode, members: members)["frameQuota"]
    {
      report(
        quotaNode,
        "\(quota) is more than machine.frames (\(frames)) (expected a quota of at most \(frames) frames, or \"equal\")")
      return false
    }
    return true
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

  /// `frameQuota`: a number of frames (at least 1), or `"equal"`.
  mutating func frameQuota(_ node: JSONNode) -> FrameQuota? {
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
}
