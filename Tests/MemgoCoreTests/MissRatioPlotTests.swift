import Testing

@testable import MemgoCore

@Suite struct MissRatioPlotTests {
  @Test func ticksAreRound() {
    #expect(MissRatioPlot.ticks(upTo: 12, integral: true) == [0, 2, 4, 6, 8, 10, 12])
    #expect(MissRatioPlot.ticks(upTo: 5, integral: true) == [0, 1, 2, 3, 4, 5])
    #expect(MissRatioPlot.ticks(upTo: 1, integral: true) == [0, 1])
    #expect(MissRatioPlot.ticks(upTo: 17, integral: true) == [0, 5, 10, 15, 20])
    #expect(
      MissRatioPlot.ticks(upTo: 262_144, integral: true) == stride(from: 0.0, through: 300_000, by: 50_000).map { $0 })
    let rates = MissRatioPlot.ticks(upTo: 0.66, integral: false)
    #expect(rates.count == 8)
    #expect(abs(rates[7] - 0.7) < 1e-12)
    #expect(MissRatioPlot.ticks(upTo: 0.2, integral: false).map { ($0 * 1000).rounded() } == [0, 50, 100, 150, 200])
    #expect(MissRatioPlot.decimals(for: [0, 0.025, 0.05]) == 3)
    #expect(MissRatioPlot.decimals(for: [0, 0.1, 0.2]) == 1)
    #expect(MissRatioPlot.decimals(for: [0, 5, 10]) == 0)
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
    let points = svg.split(separator: "points=\"")[1].split(separator: "\"")[0].split(separator: " ")
    #expect(points.count <= 2 * 2 * Int(MissRatioPlot.width))
    #expect(points.count > 100)
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
    #expect(!svg.contains("<polyline"))
  }
}
