// MARK: - Decoding a whole scenario

extension ScenarioDecoder {
  /// Limits on top-level fields.
  static let maximumReplications = 100_000

  /// Decodes and validates one scenario from the document `root` (a `sweep` member is allowed and
  /// ignored: the loader expands it). `defaultName` is used when the file gives no `name`.
  /// Returns nil when any problem was found; `errors` then lists them all.
  mutating func scenario(_ root: JSONValue, defaultName: String) -> Scenario? {
    let problemsBefore = problemCount
    guard
      let decoded = decode(JSONNode(root: root), Scenario.keyTable, from: ScenarioDraft(defaultName: defaultName))
    else { return nil }
    let draft = decoded.target
    guard problemCount == problemsBefore, let name = draft.name, let config = draft.machine.config else { return nil }
    let scenario = Scenario(
      name: name, description: draft.description, seed: draft.seed, replications: draft.replications,
      stop: draft.stop, warmup: draft.warmup, machine: config, processes: draft.groups.compactMap(\.config))
    return checkResources(scenario, root: decoded.object) ? scenario : nil
  }

  /// The checks across top-level keys: walk-cache size and OPT against the processes, a stop
  /// condition somewhere, and warmup before `stop.time`.
  mutating func checkScenario(_ decoding: inout ObjectDecoding<ScenarioDraft>) -> Bool {
    let object = decoding.object
    let draft = decoding.target
    let problemsBefore = problemCount
    if let config = draft.machine.config, config.pageTable.walkCache > 0 {
      checkWalkCacheSize(config, processes: draft.groups.reduce(0) { $0 + ($1.count ?? 0) }, in: object)
    }
    if let config = draft.machine.config, config.replacement.needsFuture {
      checkFuturePolicy(config.replacement.policy, groups: draft.groups, in: object)
    }

    // A stop condition: stop.time, stop.requests, or requests in every group.
    let everyGroupHasRequests = !draft.groups.isEmpty && draft.groups.allSatisfy(\.hasRequests)
    var stopMembers: [JSONMember]?
    if case .object(let members)? = object["stop"]?.value { stopMembers = members }
    let stopGiven = stopMembers.map { $0.contains { $0.key == "time" || $0.key == "requests" } } ?? false
    if !stopGiven && !everyGroupHasRequests {
      let expected = "stop.time, stop.requests, or requests in every process group"
      if let stopNode = object["stop"] {
        if stopMembers != nil { reportAfterMembers(stopNode, "no stop condition (expected \(expected))") }
      } else {
        reportMissing("stop", in: object, expected: expected)
      }
    }
    if decoding.isClean("warmup"), let stopTime = draft.stop.time, draft.warmup >= stopTime,
      let warmupNode = object["warmup"]
    {
      report(
        warmupNode,
        "warmup \(Units.formatDuration(draft.warmup)) is not before stop.time \(Units.formatDuration(stopTime)) "
          + "(expected warmup < stop.time)")
    }
    return problemCount == problemsBefore
  }

  /// `processes`: a non-empty array of groups with unique names and at most 10^6 processes in all.
  mutating func processGroups(_ node: JSONNode, pageSize: Int?, levels: Int?) -> [ProcessGroupDecoding] {
    guard case .array(let elements) = node.value else {
      reportType(node, expected: "an array of process groups")
      return []
    }
    if elements.isEmpty {
      report(node, "empty array (expected at least one process group)")
      return []
    }
    if elements.count > Self.maximumProcessGroups {
      // Refused before decoding them: each group keeps its own statistics in every run.
      report(
        node,
        "\(elements.count) process groups (expected at most \(Self.formatLimit(Self.maximumProcessGroups)); "
          + "use \"count\" for identical processes)")
      return []
    }
    var groups: [ProcessGroupDecoding] = []
    var firstIndexByName: [String: Int] = [:]
    var total = 0
    var traceProcesses = 0
    for (i, element) in elements.enumerated() {
      let group = processGroup(node.element(i, element), index: i, pageSize: pageSize, levels: levels)
      if let config = group.config, config.access.isTrace {
        // Each trace-replay process keeps its trace file open, with a read buffer, for the whole run.
        traceProcesses += config.count
        if traceProcesses > Self.maximumTraceProcesses, case .object(let members) = element {
          let groupNode = node.element(i, element)
          let at = JSONObjectView(node: groupNode, members: members)["count"] ?? groupNode
          report(
            at,
            "\(traceProcesses) trace-replay processes (expected at most \(Self.maximumTraceProcesses) over all "
              + "groups: each keeps its trace file open during the run)")
        }
      }
      if let name = group.name {
        if let first = firstIndexByName[name] {
          let nameNode = group.nameNode ?? node.element(i, element)
          report(
            nameNode, "duplicate process group name \(quoted(name)) (also processes[\(first)]; expected unique names)")
        } else {
          firstIndexByName[name] = i
        }
      }
      total += group.count ?? 0
      groups.append(group)
    }
    if total > Self.maximumProcesses {
      reportAfterMembers(node, "\(total) processes in all (expected at most 10^6 over all groups)")
    }
    return groups
  }

  /// The most page-walk-cache entries a machine may have in all (16 bytes each: 256 MiB).
  static let maximumWalkCacheTotal = 1 << 24

  /// Walk caches are per MMU: one per CPU, or one per process without a CPU pool. Their entries in
  /// all must stay within `maximumWalkCacheTotal`, so that memory does not explode with many
  /// processes.
  private mutating func checkWalkCacheSize(_ machine: MachineConfig, processes: Int, in object: JSONObjectView) {
    let mmus = machine.cpus ?? processes
    let perMMU = max(0, machine.pageTable.levels - 1) * machine.pageTable.walkCache
    let (total, overflow) = perMMU.multipliedReportingOverflow(by: mmus)
    guard overflow || total > Self.maximumWalkCacheTotal else { return }
    guard let machineNode = object["machine"], case .object(let members) = machineNode.value,
      let tableNode = JSONObjectView(node: machineNode, members: members)["pageTable"],
      case .object(let tableMembers) = tableNode.value,
      let cacheNode = JSONObjectView(node: tableNode, members: tableMembers)["walkCache"]
    else { return }
    let owners = machine.cpus == nil ? "\(mmus) processes (one MMU each without cpus)" : "\(mmus) CPUs"
    report(
      cacheNode,
      "\(machine.pageTable.walkCache) entries per level for \(owners) make "
        + (overflow ? "too many" : "\(total)") + " walk-cache entries (expected at most 2^24 in all; "
        + "use fewer entries, or set cpus)")
  }

  /// A policy that needs the future reference stream (OPT) runs only where it is known before the
  /// run: every process group must replay a trace. Reported at `machine.replacement.policy`, naming
  /// the first group that does not (groups that failed to decode have their own problems).
  private mutating func checkFuturePolicy(
    _ policy: PolicyKind, groups: [ProcessGroupDecoding], in object: JSONObjectView
  ) {
    guard let g = groups.firstIndex(where: { $0.config.map { !$0.access.isTrace } ?? false }),
      let group = groups[g].config,
      let machineNode = object["machine"], case .object(let members) = machineNode.value,
      let replacementNode = JSONObjectView(node: machineNode, members: members)["replacement"],
      case .object(let replacementMembers) = replacementNode.value,
      let policyNode = JSONObjectView(node: replacementNode, members: replacementMembers)["policy"]
    else { return }
    report(
      policyNode,
      "policy \(quoted(policy.rawValue)) needs the future reference stream: every process group must replay a "
        + "trace (processes[\(g)] (\(quoted(group.name))) uses pattern \(quoted(group.access.name)))")
  }

  /// A scenario name, usable as a report file name stem.
  mutating func scenarioName(_ node: JSONNode) -> String? {
    guard let name = string(node) else { return nil }
    if let problem = scenarioNameProblem(name) {
      report(node, "\(Self.found(node.value)) \(problem)")
      return nil
    }
    return name
  }

  /// Why `name` cannot name report files (`NAME.md`, ...), or nil.
  func scenarioNameProblem(_ name: String) -> String? {
    if name.isEmpty || name.unicodeScalars.count > 100 { return "is not a usable name (expected 1 to 100 characters)" }
    if name == "." || name == ".." || name.contains("/") || name.contains("\\")
      || name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
    {
      return "is not a usable name (it names report files: no '/', '\\' or control characters)"
    }
    return nil
  }
}
