// MARK: - Refusing scenarios beyond the memory budget

extension ScenarioDecoder {
  /// Reports a scenario whose run would need more than `ResourceEstimate.runBudget`, at the key
  /// that contributes the most (SPEC: values beyond the documented limits are invalid input).
  /// Returns whether the scenario fits.
  mutating func checkResources(_ scenario: Scenario, root: JSONObjectView) -> Bool {
    let estimate = ResourceEstimate(scenario)
    let total = estimate.total
    guard total > ResourceEstimate.runBudget else { return true }
    let part = estimate.largestPart
    let machine = root["machine"].flatMap(Self.objectView)
    let processes = root["processes"]
    var node = machine?.node ?? root.node
    var what: String
    var expected: String
    /// Points `node` at group `g`'s `addressSpace` (else at the group) and returns the group.
    func pointAtAddressSpace(ofGroup g: Int) -> ProcessGroupConfig {
      if let group = processes.flatMap({ Self.element(g, of: $0) }) { node = group["addressSpace"] ?? group.node }
      return scenario.processes[g]
    }
    switch part {
    case .frames:
      node = machine.flatMap { $0["frames"] ?? $0["memory"] } ?? node
      let perFrame = 40 + ResourceEstimate.bytesPerFrame(for: scenario.machine.replacement)
      what =
        "\(scenario.machine.frames) frames at about \(perFrame) B each with policy "
        + "\(scenario.machine.replacement.policy.rawValue)"
      expected = "fewer frames"
    case .processes, .tlbs:
      let biggest = scenario.processes.indices.max { scenario.processes[$0].count < scenario.processes[$1].count }
      if part == .tlbs, scenario.machine.tlb.entries > 0, let tlb = machine?["tlb"].flatMap(Self.objectView) {
        node = tlb["entries"] ?? tlb.node
      } else if let biggest, let group = processes.flatMap({ Self.element(biggest, of: $0) }) {
        node = group["count"] ?? group.node
      }
      let count = scenario.processes.reduce(0) { $0 + $1.count }
      what =
        part == .tlbs
        ? "\(scenario.machine.cpus ?? count) TLBs of \(scenario.machine.tlb.entries) entries"
        : "the state of \(count) processes"
      expected = "fewer processes, a smaller TLB, or a CPU pool (machine.cpus) whose CPUs share TLBs"
    case .pageTables:
      let config = pointAtAddressSpace(ofGroup: estimate.largestPageTableGroup ?? 0)
      what =
        "the page tables of \(config.count) process(es) of group \(quoted(config.name)) in the worst case, "
        + "every page of \(Units.formatSize(config.addressSpace)) mapped in \(scenario.machine.pageTable.levels) levels"
      expected =
        "a smaller addressSpace, larger pages, fewer processes, or \"requests\" per process with "
        + "bounded request sizes, which bound the pages touched"
    case .statistics:
      node = processes ?? node
      what = "the statistics of \(scenario.processes.count) process groups"
      expected = "fewer process groups"
    case .nextUses:
      let config = pointAtAddressSpace(ofGroup: estimate.largestPreparationGroup ?? 0)
      what =
        "the next uses policy \(scenario.machine.replacement.policy.rawValue) needs, numbering in the worst case "
        + "every page of \(Units.formatSize(config.addressSpace)) in the trace of group \(quoted(config.name))"
      expected = "a smaller addressSpace, larger pages, or another policy"
    }
    report(
      node,
      "a run needs an estimated \(ResourceEstimate.approximateSize(total)) of memory, more than memgo's budget of "
        + "\(ResourceEstimate.approximateSize(ResourceEstimate.runBudget)) per run; the largest part is \(what), "
        + "about \(ResourceEstimate.approximateSize(estimate[part])) (expected \(expected))")
    return false
  }

  /// The node as an object view, if it is an object.
  private static func objectView(_ node: JSONNode) -> JSONObjectView? {
    guard case .object(let members) = node.value else { return nil }
    return JSONObjectView(node: node, members: members)
  }

  /// Element `index` of an array node, as an object view, if it is one.
  private static func element(_ index: Int, of array: JSONNode) -> JSONObjectView? {
    guard case .array(let elements) = array.value, elements.indices.contains(index) else { return nil }
    return objectView(array.element(index, elements[index]))
  }
}
