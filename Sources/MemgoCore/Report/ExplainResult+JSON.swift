/// The JSON rendering of an explain run.
extension ExplainResult {
  /// `{"policy", "frames", "faults", "hits", "faultRate", "steps": [...]}`, each step
  /// `{"ref", "fault", "frames", "victim"}` (with `"write": true` after `"ref"` for a write):
  /// `frames` lists the page in each frame slot after the reference (`null` if empty) and `victim`
  /// is the evicted page or `null`. `policy` is the scenario name (`lru`, `2q`). One step per line.
  public func json() -> String {
    var lines = ["{"]
    lines.append("  \"policy\": \"\(policy.rawValue)\",")
    lines.append("  \"frames\": \(frames),")
    lines.append("  \"faults\": \(faults),")
    lines.append("  \"hits\": \(hits),")
    lines.append("  \"faultRate\": \(faultRate),")
    if steps.isEmpty {
      lines.append("  \"steps\": []")
    } else {
      lines.append("  \"steps\": [")
      for (i, step) in steps.enumerated() {
        let write = step.reference.isWrite ? ", \"write\": true" : ""
        let frames = step.frames.map { $0.map(String.init) ?? "null" }.joined(separator: ", ")
        let victim = step.victim.map(String.init) ?? "null"
        let comma = i == steps.count - 1 ? "" : ","
        lines.append(
          "    {\"ref\": \(step.reference.page)\(write), \"fault\": \(step.fault), \"frames\": [\(frames)], "
            + "\"victim\": \(victim)}\(comma)")
      }
      lines.append("  ]")
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}
