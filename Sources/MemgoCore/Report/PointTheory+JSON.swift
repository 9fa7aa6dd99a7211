/// The JSON form of a point's theory cross-checks:
/// `{"effectiveAccessTime": {"measured", "predicted", "gap"}, "mva": {...} or null,
/// "mvaNotApplicable": REASON or null}`, each quantity a summary `{"mean", "stddev", "ci95", "n"}`.
/// `mva` is `{"processes", "diskChannels", "thinkTime", "diskDemand", "throughput",
/// "diskUtilization", "responseTime"}`, the last three `{"measured", "predicted", "relativeError"}`.
extension PointTheory {
  /// The JSON value of the cross-checks.
  public var jsonValue: JSONValue {
    let eat = effectiveAccessTime
    return .object([
      JSONMember(
        key: "effectiveAccessTime",
        value: .object([
          JSONMember(key: "measured", value: Self.json(eat.measured)),
          JSONMember(key: "predicted", value: Self.json(eat.predicted)),
          JSONMember(key: "gap", value: Self.json(eat.gap)),
        ])),
      JSONMember(key: "mva", value: mva.map(Self.json) ?? .null),
      JSONMember(key: "mvaNotApplicable", value: mvaInapplicability.map(JSONValue.string) ?? .null),
    ])
  }

  static func json(_ s: Summary) -> JSONValue {
    .object([
      JSONMember(key: "mean", value: .double(s.mean)), JSONMember(key: "stddev", value: .double(s.stddev)),
      JSONMember(key: "ci95", value: .double(s.ci95)), JSONMember(key: "n", value: .integer(s.n)),
    ])
  }

  static func json(_ c: QueueingCheck.Comparison) -> JSONValue {
    .object([
      JSONMember(key: "measured", value: json(c.measured)), JSONMember(key: "predicted", value: json(c.predicted)),
      JSONMember(key: "relativeError", value: .double(c.relativeError)),
    ])
  }

  static func json(_ q: QueueingCheck) -> JSONValue {
    .object([
      JSONMember(key: "processes", value: .integer(q.processes)),
      JSONMember(key: "diskChannels", value: .integer(q.diskChannels)),
      JSONMember(key: "thinkTime", value: json(q.thinkTime)),
      JSONMember(key: "diskDemand", value: json(q.diskDemand)),
      JSONMember(key: "throughput", value: json(q.throughput)),
      JSONMember(key: "diskUtilization", value: json(q.diskUtilization)),
      JSONMember(key: "responseTime", value: json(q.responseTime)),
    ])
  }
}
