/// The human-readable and CSV renderings of `memgo trace`'s results.
extension TraceAnalysis {
  /// Significant digits of fault rates in tables.
  static let rateDigits = 4

  /// One sentence on what was read: the trace, its format, references, accesses, distinct pages.
  public var summary: String {
    var text = "\(trace) (\(format.rawValue)): \(references) references, \(accesses) page accesses "
    text += "(\(writes) writes), \(distinctPages) distinct pages of \(Units.formatSize(Int64(pageSize)))"
    if droppedInstructions > 0 { text += ", \(droppedInstructions) instruction fetches dropped" }
    if skippedLines > 0 { text += ", \(skippedLines) malformed lines skipped" }
    return text + "."
  }

  /// The results as a table: one row per (policy, frames) pair, with the classification columns
  /// when classified. `machineNames` uses the names CSV and JSON use (`lru`, `faultRate`).
  public func resultsTable(machineNames: Bool = false) -> TextTable {
    var columns: [TextTable.Column] = [
      .init("policy", .left), .init("frames", .right), .init("faults", .right),
      .init(machineNames ? "faultRate" : "fault rate", .right), .init("evictions", .right),
      .init(machineNames ? "dirtyEvictions" : "dirty evictions", .right),
    ]
    if classified {
      columns += [
        .init(machineNames ? "compulsoryFaults" : "compulsory", .right),
        .init(machineNames ? "capacityFaults" : "capacity", .right),
        .init(machineNames ? "policyFaults" : "policy faults", .right),
      ]
    }
    var table = TextTable(columns: columns)
    for result in results {
      var row = [
        machineNames ? result.policy.rawValue : result.policy.displayName, String(result.frames),
        String(result.faults),
        machineNames
          ? JSONWriter.number(result.faultRate)
          : NumberFormat.significant(result.faultRate, digits: TraceAnalysis.rateDigits),
        String(result.evictions), String(result.dirtyEvictions),
      ]
      if let c = result.classification { row += [String(c.compulsory), String(c.capacity), String(c.policy)] }
      table.append(row)
    }
    return table
  }

  /// One line per anomaly (`FIFO: 3 frames, 9 faults; 4 frames, 10 faults`); a line saying there is
  /// none when some policy ran at several sizes; nothing otherwise.
  var anomalyLines: [String] {
    if !anomalies.isEmpty {
      return anomalies.map {
        "\($0.policy.displayName): \($0.frames) frames, \($0.faults) faults; "
          + "\($0.largerFrames) frames, \($0.largerFaults) faults"
      }
    }
    var sizes: [PolicyKind: Int] = [:]
    for result in results { sizes[result.policy, default: 0] += 1 }
    return sizes.values.contains(where: { $0 > 1 }) ? ["none among these sizes"] : []
  }

  /// The curve as a table: frames, faults, fault rate, one row per size `1 ... distinct pages`.
  public func curveTable(machineNames: Bool = false) -> TextTable? {
    guard let curve else { return nil }
    var table = TextTable(columns: [
      .init("frames", .right), .init("faults", .right), .init(machineNames ? "faultRate" : "fault rate", .right),
    ])
    for (i, faults) in curve.faultCurve().enumerated() {
      let rate = curve.accesses == 0 ? 0 : Double(faults) / Double(curve.accesses)
      table.append([
        String(i + 1), String(faults),
        machineNames ? JSONWriter.number(rate) : NumberFormat.significant(rate, digits: TraceAnalysis.rateDigits),
      ])
    }
    return table
  }

  /// How the curve was computed: `exact` or `SHARDS sampling rate R, N of the pages`.
  var curveMethod: String {
    guard let curve else { return "" }
    if curve.sampler.samplesAll { return "exact, Mattson stack distances" }
    return "SHARDS, sampling rate \(TraceAnalysis.displayRate(curve.samplingRate)), "
      + "\(curve.sampledDistinctPages) sampled pages, \(curve.sampledAccesses) sampled accesses"
  }

  // MARK: - Renderings

  /// Aligned plain text: the summary, the results table, the anomalies, and the curve if any.
  public func plainText() -> String {
    var out = summary + "\n"
    if !results.isEmpty {
      out += "\n" + resultsTable().plainText()
      if classified {
        out += "(compulsory: first touches; capacity: faults OPT also makes; policy faults: the rest)\n"
      }
      let anomalies = anomalyLines
      if !anomalies.isEmpty {
        out += "\nBelady anomalies (more frames, more faults):\n"
        for line in anomalies { out += "  " + line + "\n" }
      }
    }
    if let table = curveTable() {
      out += "\nLRU miss-ratio curve (\(curveMethod)):\n" + table.plainText()
    }
    return out
  }

  /// GitHub Markdown: a heading, the summary, the results table, anomalies, and the curve if any.
  public func markdown() -> String {
    var out = "# Trace \(trace)\n\n" + summary + "\n"
    if !results.isEmpty {
      out += "\n" + resultsTable().markdownText()
      if classified {
        out += "\nCompulsory faults are first touches, capacity faults are the further faults OPT also makes, "
        out += "policy faults are the rest.\n"
      }
      let anomalies = anomalyLines
      if !anomalies.isEmpty {
        out += "\n## Belady anomalies\n\n"
        for line in anomalies { out += "- " + line + "\n" }
      }
    }
    if let table = curveTable() {
      out += "\n## LRU miss-ratio curve\n\n\(curveMethod.prefix(1).uppercased() + curveMethod.dropFirst()).\n\n"
      out += table.markdownText()
    }
    return out
  }

  /// CSV: the results table (machine names); with a curve and no results, the curve instead; with
  /// both, the results, an empty line, then the curve.
  public func csv() -> String {
    let curveText = curveTable(machineNames: true)?.csvText()
    if results.isEmpty, let curveText { return curveText }
    let text = resultsTable(machineNames: true).csvText()
    guard let curveText else { return text }
    return text + "\n" + curveText
  }

  /// The curve alone as CSV (`frames,faults,faultRate`), or nil without a curve.
  public func curveCSV() -> String? { curveTable(machineNames: true)?.csvText() }
}

extension TraceAnalysis {
  /// The curve as an SVG plot (`MissRatioPlot`), or nil without a curve.
  public func curveSVG() -> String? {
    guard let curve else { return nil }
    let unit = Units.formatSize(Int64(pageSize))
    var subtitle = "\(MissRatioPlot.grouped(accesses)) page accesses, \(MissRatioPlot.grouped(distinctPages)) "
    subtitle += "distinct pages of \(unit), "
    subtitle +=
      curve.sampler.samplesAll ? "exact" : "SHARDS sampling rate \(TraceAnalysis.displayRate(curve.samplingRate))"
    return MissRatioPlot.svg(
      faults: curve.faultCurve(), accesses: curve.accesses, title: "LRU miss-ratio curve: \(trace)",
      subtitle: subtitle, frameUnit: unit)
  }
}

extension TraceAnalysis {
  /// A sampling rate for people: three significant digits without trailing zeros (the rate used is
  /// a multiple of 2^-24, so `--sample 0.001` runs at 0.000999987...; JSON keeps the exact value).
  static func displayRate(_ rate: Double) -> String {
    NumberFormat.withoutTrailingZeros(NumberFormat.significant(rate, digits: 3))
  }
}
