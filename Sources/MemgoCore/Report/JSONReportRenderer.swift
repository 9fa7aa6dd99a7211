/// Renders a report as JSON: `{"memgo", "scenario", "description", "seed", "replications",
/// "axes": [{"path", "values"}], "points": [{"index", "parameters": {PATH: VALUE}, "replications",
/// "metrics": {NAME: {"mean", "stddev", "ci95", "n"}}, "processes": [{"name", "metrics"}],
/// "theory" (`PointTheory.jsonValue`; absent in hand-built reports)}], "pairedDifferences": [...]}`
/// (the last only for sweeps with a two-valued axis), keys in that order, indented by two spaces,
/// with a trailing newline. Undefined spreads
/// (one replication) are `null`.
public enum JSONReportRenderer {
  /// The JSON text of `report`.
  public static func render(_ report: Report) -> String {
    JSONWriter.pretty(value(report), indent: 2)
  }

  /// The JSON value of `report`.
  public static func value(_ report: Report) -> JSONValue {
    .object([
      JSONMember(key: "memgo", value: .string(report.memgoVersion)),
      JSONMember(key: "scenario", value: .string(report.scenario)),
      JSONMember(key: "description", value: .string(report.description)),
      JSONMember(key: "seed", value: .integer(report.seed)),
      JSONMember(key: "replications", value: .integer(report.replications)),
      JSONMember(
        key: "axes",
        value: .array(
          report.axes.map { axis in
            .object([
              JSONMember(key: "path", value: .string(axis.path)), JSONMember(key: "values", value: .array(axis.values)),
            ])
          })),
      JSONMember(key: "points", value: .array(report.points.map(value))),
    ] + pairedDifferences(report))
  }

  /// `"pairedDifferences": [{"axis", "minuend", "subtrahend", "metric", "parameters", "mean",
  /// "stddev", "ci95", "n"}]` when the report has any; nothing otherwise.
  static func pairedDifferences(_ report: Report) -> [JSONMember] {
    guard !report.pairedDifferences.isEmpty else { return [] }
    let items = report.pairedDifferences.map { d -> JSONValue in
      .object([
        JSONMember(key: "axis", value: .string(d.axis)),
        JSONMember(key: "minuend", value: d.minuend),
        JSONMember(key: "subtrahend", value: d.subtrahend),
        JSONMember(key: "metric", value: .string(d.metric.key)),
        JSONMember(key: "parameters", value: .object(d.parameters)),
        JSONMember(key: "mean", value: .double(d.difference.mean)),
        JSONMember(key: "stddev", value: .double(d.difference.stddev)),
        JSONMember(key: "ci95", value: .double(d.difference.ci95)),
        JSONMember(key: "n", value: .integer(d.difference.n)),
      ])
    }
    return [JSONMember(key: "pairedDifferences", value: .array(items))]
  }

  /// The JSON value of one point.
  static func value(_ point: PointReport) -> JSONValue {
    var members: [JSONMember] = [
      JSONMember(key: "index", value: .integer(point.index)),
      JSONMember(key: "parameters", value: .object(point.parameters)),
      JSONMember(key: "replications", value: .integer(point.replications)),
      JSONMember(key: "metrics", value: value(point.metrics)),
      JSONMember(
        key: "processes",
        value: .array(
          point.processes.map { group in
            .object([
              JSONMember(key: "name", value: .string(group.name)),
              JSONMember(key: "metrics", value: value(group.metrics)),
            ])
          })),
    ]
    if let theory = point.theory { members.append(JSONMember(key: "theory", value: theory.jsonValue)) }
    return .object(members)
  }

  /// `{NAME: {"mean", "stddev", "ci95", "n"}}` for every metric, in `Metric` order.
  static func value(_ metrics: MetricSummaries) -> JSONValue {
    .object(
      Metric.allCases.map { metric in
        let s = metrics[metric]
        return JSONMember(
          key: metric.key,
          value: .object([
            JSONMember(key: "mean", value: .double(s.mean)),
            JSONMember(key: "stddev", value: .double(s.stddev)),
            JSONMember(key: "ci95", value: .double(s.ci95)),
            JSONMember(key: "n", value: .integer(s.n)),
          ]))
      })
  }
}
