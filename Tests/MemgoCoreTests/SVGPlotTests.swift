import Testing

@testable import MemgoCore

@Suite struct SVGPlotTests {
  /// Three memory sizes × two policies, three replications, fault rates with intervals.
  static func tinyReport() -> Report {
    let frames = SweepAxis(path: "machine.frames", values: [.number("64"), .number("128"), .number("256")])
    let policy = SweepAxis(path: "machine.replacement.policy", values: [.string("lru"), .string("clock")])
    let faultRates: [(Double, Double)] = [
      (0.42, 0.02), (0.45, 0.03), (0.25, 0.015), (0.27, 0.02), (0.1, 0.01), (0.11, 0),
    ]
    let points = faultRates.enumerated().map { p, rate in
      let summaries = Metric.allCases.map { metric in
        metric == .faultRate
          ? Summary(mean: rate.0, stddev: rate.1, ci95: rate.1, n: 3) : Summary(mean: 1, stddev: 0, ci95: 0, n: 3)
      }
      return PointReport(
        index: p,
        parameters: [
          JSONMember(key: frames.path, value: frames.values[p / 2]),
          JSONMember(key: policy.path, value: policy.values[p % 2]),
        ],
        replications: 3, metrics: MetricSummaries(summaries: summaries), processes: [])
    }
    return Report(
      memgoVersion: "0.1.0", scenario: "tiny", description: "", seed: 7, replications: 3, axes: [frames, policy],
      points: points)
  }

  @Test func tinyReportGolden() throws {
    let svg = try #require(SVGPlot.render(SVGPlotTests.tinyReport()))
    #expect(svg == SVGPlotTests.tinyGolden, "\(svg)")
  }

  @Test func noSweepNoPlot() {
    #expect(SVGPlot.render(ReportFixtures.singleReport()) == nil)
  }

  @Test func typicalSweepHasALinePerPolicyAndALegend() throws {
    let report = ReportFixtures.typicalReport()
    let svg = try #require(SVGPlot.render(report, metric: .latencyMean))
    #expect(svg == SVGPlot.render(report, metric: .latencyMean))
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("<title>random-reads: lat mean vs frames</title>"))
    #expect(svg.contains(">lat mean (ms)</text>") || svg.contains(">lat mean (s)</text>"))
    for policy in ["fifo", "lru", "clock", "wsclock"] { #expect(svg.contains(">\(policy)</text>")) }
    #expect(svg.contains(">policy</text>"))
    // frames 256...2048 are four powers of two: a log axis with a tick at each.
    for frames in ["256", "512", "1024", "2048"] { #expect(svg.contains(">\(frames)</text>")) }
    #expect(svg.contains(">frames (log scale)</text>"))
    #expect(svg.components(separatedBy: "stroke-linejoin=\"round\"").count == 5)
  }

  @Test func logarithmicAxisForPowersOfTwo() throws {
    var report = ReportFixtures.tinyReport()
    report.axes = [SweepAxis(path: "machine.frames", values: [.number("16"), .number("1024")])]
    report.points[0].parameters = [JSONMember(key: "machine.frames", value: .number("16"))]
    report.points[1].parameters = [JSONMember(key: "machine.frames", value: .number("1024"))]
    let svg = try #require(SVGPlot.render(report))
    #expect(svg.contains(">16</text>") && svg.contains(">1024</text>"))
    // On a log axis with ticks at the swept values 16 and 1024, nothing sits at 500.
    #expect(!svg.contains(">500</text>"))
  }

  @Test func manyDurationsGetDecadeTicks() throws {
    // 13 disk latencies from 1 µs to 4.096 ms: a log axis with ticks at 1, 10, 100, 1000 µs.
    let values = (0..<13).map { JSONValue.string("\(1 << $0)us") }
    let axis = SweepAxis(path: "machine.latency.diskRead", values: values)
    let base = ReportFixtures.tinyReport().points[0]
    let points = values.enumerated().map { i, value in
      var point = base
      point.index = i
      point.parameters = [JSONMember(key: axis.path, value: value)]
      return point
    }
    let report = Report(
      memgoVersion: "0.1.0", scenario: "disk", description: "", seed: 1, replications: 2, axes: [axis], points: points)
    let svg = try #require(SVGPlot.render(report))
    #expect(svg.contains(">latency disk read (µs, log scale)</text>"))
    for tick in ["1", "10", "100", "1000"] { #expect(svg.contains("text-anchor=\"middle\">\(tick)</text>"), "\(tick)") }
    #expect(!svg.contains("text-anchor=\"middle\">4096</text>"))
  }

  @Test func categoriesSizesAndEscaping() throws {
    var report = ReportFixtures.tinyReport()
    report.scenario = "a<b & \"c\""
    report.axes = [SweepAxis(path: "processes[0].access.pattern", values: [.string("zipf"), .string("loop")])]
    report.points[0].parameters = [JSONMember(key: "processes[0].access.pattern", value: .string("zipf"))]
    report.points[1].parameters = [JSONMember(key: "processes[0].access.pattern", value: .string("loop"))]
    let svg = try #require(SVGPlot.render(report))
    #expect(svg.contains("<title>a&lt;b &amp; &quot;c&quot;: fault rate vs pattern</title>"))
    #expect(svg.contains(">zipf</text>") && svg.contains(">loop</text>"))

    let sizes = SweepAxis(path: "processes[0].addressSpace", values: [.string("1MiB"), .string("4MiB")])
    #expect(SVGPlot.numbers(of: sizes)?.values == [1_048_576, 4_194_304])
    report.axes = [sizes]
    report.points[0].parameters = [JSONMember(key: sizes.path, value: .string("1MiB"))]
    report.points[1].parameters = [JSONMember(key: sizes.path, value: .string("4MiB"))]
    #expect(try #require(SVGPlot.render(report)).contains(">address space (MiB)</text>"))
    let times = SweepAxis(path: "machine.latency.diskRead", values: [.string("1ms"), .string("5ms")])
    #expect(SVGPlot.numbers(of: times)?.values == [0.001, 0.005])
    #expect(SVGPlot.label(ofPath: "machine.latency.diskRead") == "latency disk read")
    #expect(SVGPlot.label(ofPath: "machine.tlb.entries") == "TLB entries")
    #expect(SVGPlot.label(ofPath: "machine.replacement.policy") == "policy")
  }

  static let tinyGolden = """
    <?xml version="1.0" encoding="UTF-8"?>
    <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="720" height="440" viewBox="0 0 720 440" \
    font-family="Helvetica, Arial, sans-serif">
    <title>tiny: fault rate vs frames</title>
    <rect width="100%" height="100%" fill="#ffffff"/>
    <text x="84" y="28" font-size="16" font-weight="bold" fill="#000000">tiny: fault rate vs frames</text>
    <text x="84" y="47" font-size="12" fill="#444444">Mean ± 95% confidence interval (Student t) over 3 \
    replications; seed 7</text>
    <g font-size="12" fill="#000000">
    <line x1="84" y1="378" x2="598.4" y2="378" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="378" x2="84" y2="378" stroke="#000000"/>
    <text x="76" y="382" text-anchor="end">0</text>
    <line x1="84" y1="315.6" x2="598.4" y2="315.6" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="315.6" x2="84" y2="315.6" stroke="#000000"/>
    <text x="76" y="319.6" text-anchor="end">10</text>
    <line x1="84" y1="253.2" x2="598.4" y2="253.2" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="253.2" x2="84" y2="253.2" stroke="#000000"/>
    <text x="76" y="257.2" text-anchor="end">20</text>
    <line x1="84" y1="190.8" x2="598.4" y2="190.8" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="190.8" x2="84" y2="190.8" stroke="#000000"/>
    <text x="76" y="194.8" text-anchor="end">30</text>
    <line x1="84" y1="128.4" x2="598.4" y2="128.4" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="128.4" x2="84" y2="128.4" stroke="#000000"/>
    <text x="76" y="132.4" text-anchor="end">40</text>
    <line x1="84" y1="66" x2="598.4" y2="66" stroke="#e3e3e3" stroke-width="1"/>
    <line x1="79" y1="66" x2="84" y2="66" stroke="#000000"/>
    <text x="76" y="70" text-anchor="end">50</text>
    <line x1="111.56" y1="378" x2="111.56" y2="383" stroke="#000000"/>
    <text x="111.56" y="398" text-anchor="middle">64</text>
    <line x1="341.2" y1="378" x2="341.2" y2="383" stroke="#000000"/>
    <text x="341.2" y="398" text-anchor="middle">128</text>
    <line x1="570.84" y1="378" x2="570.84" y2="383" stroke="#000000"/>
    <text x="570.84" y="398" text-anchor="middle">256</text>
    </g>
    <path d="M84,62V378H598.4" fill="none" stroke="#000000" stroke-width="1"/>
    <text x="341.2" y="424" font-size="13" text-anchor="middle">frames (log scale)</text>
    <text x="22" y="222" font-size="13" text-anchor="middle" transform="rotate(-90 22 222)">fault rate (%)</text>
    <g stroke="#0072B2" fill="#0072B2">
    <path d="M109.56,115.92L339.2,222L568.84,315.6" fill="none" stroke-width="1.8" stroke-linejoin="round"/>
    <path d="M109.56,128.4V103.44M106.56,103.44H112.56M106.56,128.4H112.56" fill="none" stroke-width="1.2"/>
    <path d="M339.2,231.36V212.64M336.2,212.64H342.2M336.2,231.36H342.2" fill="none" stroke-width="1.2"/>
    <path d="M568.84,321.84V309.36M565.84,309.36H571.84M565.84,321.84H571.84" fill="none" stroke-width="1.2"/>
    <circle cx="109.56" cy="115.92" r="4" stroke-width="0.5"/>
    <circle cx="339.2" cy="222" r="4" stroke-width="0.5"/>
    <circle cx="568.84" cy="315.6" r="4" stroke-width="0.5"/>
    </g>
    <g stroke="#D55E00" fill="#D55E00">
    <path d="M113.56,97.2L343.2,209.52L572.84,309.36" fill="none" stroke-width="1.8" stroke-linejoin="round"/>
    <path d="M113.56,115.92V78.48M110.56,78.48H116.56M110.56,115.92H116.56" fill="none" stroke-width="1.2"/>
    <path d="M343.2,222V197.04M340.2,197.04H346.2M340.2,222H346.2" fill="none" stroke-width="1.2"/>
    <rect x="110.06" y="93.7" width="7" height="7" stroke-width="0.5"/>
    <rect x="339.7" y="206.02" width="7" height="7" stroke-width="0.5"/>
    <rect x="569.34" y="305.86" width="7" height="7" stroke-width="0.5"/>
    </g>
    <g font-size="12">
    <text x="614.4" y="74" font-weight="bold">policy</text>
    <g stroke="#0072B2" fill="#0072B2"><path d="M614.4,90H642.4" fill="none" stroke-width="1.8"/><circle \
    cx="628.4" cy="90" r="4" stroke-width="0.5"/></g>
    <text x="650.4" y="94" fill="#000000">lru</text>
    <g stroke="#D55E00" fill="#D55E00"><path d="M614.4,110H642.4" fill="none" stroke-width="1.8"/><rect x="624.9" \
    y="106.5" width="7" height="7" stroke-width="0.5"/></g>
    <text x="650.4" y="114" fill="#000000">clock</text>
    </g>
    </svg>

    """
}
