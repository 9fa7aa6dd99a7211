/// The JSON rendering of `memgo trace`'s results.
extension TraceAnalysis {
  /// `{"trace", "accesses", "distinctPages", "results": [...]}` as SPEC.md fixes them, then
  /// `format`, `pageSize`, `references`, `writes`, `skippedLines`, `droppedInstructions`, `seed`,
  /// `anomalies`, and `mrc` when a curve was computed. Each result is
  /// `{"policy", "frames", "faults", "faultRate", "dirtyEvictions", "evictions"}`, plus
  /// `compulsoryFaults`, `capacityFaults` and `policyFaults` when classified; one per line.
  /// Deterministic: the same trace and options give the same bytes.
  public func json() -> String {
    var lines = ["{"]
    lines.append("  \"trace\": \(JSONWriter.string(trace)),")
    lines.append("  \"accesses\": \(accesses),")
    lines.append("  \"distinctPages\": \(distinctPages),")
    lines.append("  \"results\": " + TraceAnalysis.jsonArray(results.map(resultJSON), indent: "  ") + ",")
    lines.append("  \"format\": \(JSONWriter.string(format.rawValue)),")
    lines.append("  \"pageSize\": \(pageSize),")
    lines.append("  \"references\": \(references),")
    lines.append("  \"writes\": \(writes),")
    lines.append("  \"skippedLines\": \(skippedLines),")
    lines.append("  \"droppedInstructions\": \(droppedInstructions),")
    lines.append("  \"seed\": \(seed),")
    let anomalyItems = anomalies.map {
      "{\"policy\": \(JSONWriter.string($0.policy.rawValue)), \"frames\": \($0.frames), \"faults\": \($0.faults), "
        + "\"largerFrames\": \($0.largerFrames), \"largerFaults\": \($0.largerFaults)}"
    }
    let anomalyText = "  \"anomalies\": " + TraceAnalysis.jsonArray(anomalyItems, indent: "  ")
    if let curve = curveJSON(indent: "  ") {
      lines.append(anomalyText + ",")
      lines.append("  \"mrc\": " + curve)
    } else {
      lines.append(anomalyText)
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The curve alone as a JSON document (`trace`, `accesses`, `distinctPages`, then the `mrc`
  /// object's members), or nil without a curve.
  public func curveJSON() -> String? {
    guard let body = curveJSON(indent: "") else { return nil }
    let header =
      "{\n  \"trace\": \(JSONWriter.string(trace)),\n  \"pageSize\": \(pageSize),\n  \"accesses\": \(accesses),\n"
      + "  \"distinctPages\": \(distinctPages),\n"
    return header + body.dropFirst(2) + "\n"
  }

  private func resultJSON(_ result: TracePolicyResult) -> String {
    var text = "{\"policy\": \(JSONWriter.string(result.policy.rawValue)), \"frames\": \(result.frames), "
    text += "\"faults\": \(result.faults), \"faultRate\": \(JSONWriter.number(result.faultRate)), "
    text += "\"dirtyEvictions\": \(result.dirtyEvictions), \"evictions\": \(result.evictions)"
    if let c = result.classification {
      text += ", \"compulsoryFaults\": \(c.compulsory), \"capacityFaults\": \(c.capacity), "
      text += "\"policyFaults\": \(c.policy)"
    }
    return text + "}"
  }

  /// `{"policy": "lru", "exact", "samplingRate", "sampledPages", "sampledAccesses", "points":
  /// [{"frames", "faults", "faultRate"}, ...]}`, one point per line, indented by `indent`.
  private func curveJSON(indent: String) -> String? {
    guard let curve else { return nil }
    let inner = indent + "  "
    var text = "{\n"
    text += inner + "\"policy\": \"lru\",\n"
    text += inner + "\"exact\": \(curve.sampler.samplesAll),\n"
    text += inner + "\"samplingRate\": \(JSONWriter.number(curve.samplingRate)),\n"
    text += inner + "\"sampledPages\": \(curve.sampledDistinctPages),\n"
    text += inner + "\"sampledAccesses\": \(curve.sampledAccesses),\n"
    let points = curve.faultCurve().enumerated().map { (i, faults) in
      let rate = curve.accesses == 0 ? 0 : Double(faults) / Double(curve.accesses)
      return "{\"frames\": \(i + 1), \"faults\": \(faults), \"faultRate\": \(JSONWriter.number(rate))}"
    }
    text += inner + "\"points\": " + TraceAnalysis.jsonArray(points, indent: inner) + "\n"
    return text + indent + "}"
  }

  /// `[]`, or `items` one per line between brackets, the closing bracket at `indent`.
  static func jsonArray(_ items: [String], indent: String) -> String {
    if items.isEmpty { return "[]" }
    var text = "[\n"
    for (i, item) in items.enumerated() {
      text += indent + "  " + item + (i + 1 < items.count ? ",\n" : "\n")
    }
    return text + indent + "]"
  }
}
