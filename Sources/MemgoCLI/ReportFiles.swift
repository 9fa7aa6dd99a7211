import MemgoCore

/// The report files of `--out`: NAME.md, NAME.csv, NAME.json and, for a sweep, NAME.svg, each
/// written atomically.
enum ReportFiles {
  /// The contents of each file of `report`, by extension, in `extensions(for:)` order.
  static func contents(_ report: Report, plot metric: Metric) -> [(ext: String, text: String)] {
    var files: [(String, String)] = [
      ("md", ReportFormat.markdown.render(report)), ("csv", ReportFormat.csv.render(report)),
      ("json", ReportFormat.json.render(report)),
    ]
    if let svg = SVGPlot.render(report, metric: metric) { files.append(("svg", svg)) }
    return files
  }

  /// Writes the files of `report` into `directory` (created if missing) as NAME.EXT; returns their
  /// names (NAME.EXT) in writing order.
  @discardableResult
  static func write(_ report: Report, name: String, to directory: String, plot metric: Metric) throws(CLIError)
    -> [String]
  {
    var names: [String] = []
    do {
      try AtomicFile.createDirectory(directory)
      for (ext, text) in contents(report, plot: metric) {
        try AtomicFile.write(text, to: "\(directory)/\(name).\(ext)")
        names.append("\(name).\(ext)")
      }
    } catch {
      throw .failure("\(error)")
    }
    return names
  }

  /// The metric named by `--plot`, faultRate by default.
  static func plotMetric(_ args: ParsedArguments, command: String) throws(CLIError) -> Metric {
    guard let key = args.values["plot"] else { return .faultRate }
    guard let metric = Metric(key: key) else {
      let hint = nearestName(key, in: Metric.allCases.map(\.key)).map { "did you mean '\($0)'? " } ?? ""
      throw .usage("\(command): --plot '\(key)' is not a report metric (\(hint)e.g. faultRate, latencyP99, throughput)")
    }
    return metric
  }
}
