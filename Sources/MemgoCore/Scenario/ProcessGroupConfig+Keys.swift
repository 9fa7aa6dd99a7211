/// A process group as its keys are decoded: the configuration so far, and the machine's geometry
/// that bounds its address space (nil where the machine's own fields are invalid).
struct ProcessGroupDraft {
  var config: ProcessGroupConfig
  let pageSize: Int?
  let levels: Int?
}

// MARK: - Process-group keys

extension ProcessGroupConfig {
  /// The keys of `processes[i]`; defaults are those of `ProcessGroupConfig.init`. The request size
  /// and the access pattern are checked against the address space when it is valid.
  static let keyTable = KeyTable<ProcessGroupDraft>([
    .reading(
      "name", .string, \.config.name, default: "\"group<i>\"", "the group's name in reports",
      read: { $0.processName($1) }),
    .integer(
      "count", 1...ScenarioDecoder.maximumProcesses, \.config.count, default: "1",
      "identical processes in the group (at most 10^6 over all groups)"),
    .duration("start", \.config.start, default: "\"0s\"", "when they start"),
    .custom(
      "addressSpace", .size, default: "\"16MiB\"",
      "virtual address space per process, whole pages, at most 256TiB and within the page table's reach",
      store: { decoder, node, decoding in
        let draft = decoding.target
        guard let bytes = decoder.addressSpace(node, pageSize: draft.pageSize, levels: draft.levels) else {
          return false
        }
        decoding.target.config.addressSpace = bytes
        return true
      }),
    .integer(
      "requests", 1...ScenarioDecoder.maximumRequests, \.config.requests, default: "unlimited",
      "requests per process, then it exits and frees its frames"),
    .distribution(
      "interval", of: .duration, \.config.interval, default: "exponential, mean 50us",
      "think time before each request"),
    .custom(
      "size", .distribution(.size), default: "\"64B\"",
      "bytes per request, at least 1B; a request touches every page of [va, va+size)",
      store: { decoder, node, decoding in
        let addressSpace = decoding.isClean("addressSpace") ? decoding.target.config.addressSpace : nil
        guard let size = decoder.requestSize(node, addressSpace: addressSpace) else { return false }
        decoding.target.config.size = size
        return true
      }),
    .number(
      "writeFraction", min: .atLeast(0), max: .atMost(1), \.config.writeFraction, default: "0",
      "probability that a request writes"),
    .custom(
      "access", .accessPattern, default: "\"uniform\"", "where requests land in the address space",
      store: { decoder, node, decoding in
        let addressSpace = decoding.isClean("addressSpace") ? decoding.target.config.addressSpace : nil
        guard let access = decoder.accessPattern(node, addressSpace: addressSpace, pageSize: decoding.target.pageSize)
        else { return false }
        decoding.target.config.access = access
        return true
      }),
  ])
}
