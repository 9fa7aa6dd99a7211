import Testing

@testable import MemgoCore

@Suite struct MissRatioPlotTests {
  /// The axes start at 0 and step by 1, 2 or 5 times a power of ten (`NiceScale` with about six
  /// ticks): 12 frames span the nice range 20, whose fifth, 4, rounds to the step 5, so the axis
  /// ends at 15; a single frame keeps whole steps; a highest fault rate of 0.66 spans 1, step 0.2.
  @Test func axesAreRoundFromZero() {
    func values(_ axis: PlotAxis) -> [Double] { axis.ticks.map(\.position) }
    #expect(values(MissRatioPlot.frameAxis(sizes: 12)) == [0, 5, 10, 15])
    #expect(values(MissRatioPlot.frameAxis(sizes: 5)) == [0, 1, 2, 3, 4, 5])
    #expect(values(MissRatioPlot.frameAxis(sizes: 1)) == [0, 1])
    #expect(values(MissRatioPlot.frameAxis(sizes: 0)) == [0, 1])
    #expect(values(MissRatioPlot.frameAxis(sizes: 17)) == [0, 5, 10, 15, 20])
    let large = MissRatioPlot.frameAxis(sizes: 262_144)
    #expect(values(large) == [0, 100_000, 200_000, 300_000])
    #expect(large.ticks.map(\.label) == ["0", "100k", "200k", "300k"])
    let rates = MissRatioPlot.rateAxis(highest: 0.66)
    #expect(rates.ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8"])
    #expect(MissRatioPlot.rateAxis(highest: 0.2).ticks.map(\.label) == ["0.00", "0.05", "0.10", "0.15", "0.20"])
    #expect(MissRatioPlot.rateAxis(highest: 0).ticks.last?.label == "1.0")
  }

  @Test func groupedDigits() {
    #expect(MissRatioPlot.grouped(0) == "0")
    #expect(MissRatioPlot.grouped(999) == "999")
    #expect(MissRatioPlot.grouped(1000) == "1,000")
    #expect(MissRatioPlot.grouped(10_013_713) == "10,013,713")
    #expect(MissRatioPlot.grouped(-123_456) == "-123,456")
  }

  @Test func frameLabels() {
    #expect(MissRatioPlot.frameLabel(800) == "800")
    #expect(MissRatioPlot.frameLabel(5000) == "5000")
    #expect(MissRatioPlot.frameLabel(20_000) == "20k")
    #expect(MissRatioPlot.frameLabel(1_500_000) == "1.5M")
  }

  /// A million-point curve keeps at most two points per half-pixel column.
  @Test func downsamplesLongCurves() {
    let faults = (0..<1_000_000).map { 1_000_000 - $0 }
    let svg = MissRatioPlot.svg(faults: faults, accesses: 2_000_000, title: "t", subtitle: "s", frameUnit: "4KiB")
    let curve = svg.split(separator: "\n").first { $0.contains("stroke=\"#1f6fb4\"") }!
    let points = curve.filter { $0 == "L" }.count + 1
    #expect(points <= 2 * 2 * Int(MissRatioPlot.width))
    #expect(points > 100)
    #expect(!svg.contains("<circle"))
  }

  @Test func smallCurveHasMarkersAndEscapedText() {
    let svg = MissRatioPlot.svg(
      faults: [12, 12, 10, 8, 5], accesses: 12, title: "a<b & c", subtitle: "s", frameUnit: "1B")
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("a&lt;b &amp; c"))
    #expect(svg.components(separatedBy: "<circle").count == 6)
    #expect(svg.contains("memory size (frames of 1B)"))
    #expect(svg.contains("fault rate (faults per page access)"))
  }

  @Test func emptyCurveSaysSo() {
    let svg = MissRatioPlot.svg(faults: [], accesses: 0, title: "t", subtitle: "s", frameUnit: "4KiB")
    #expect(svg.contains("no page accesses"))
    #expect(svg.contains(">1.0</text>"))  // the fault-rate axis still runs from 0 to 1
    #expect(!svg.contains("stroke=\"#1f6fb4\""))
  }
}
