import Testing

@testable import MemgoCore

@Suite struct ErrorBarPlotTests {
  static let plot = ErrorBarPlot(
    title: "T <1>", xLabel: "x", yLabel: "y",
    points: [.init(x: 1, y: 10, error: 2), .init(x: 2, y: 20, error: 0), .init(x: 4, y: 35, error: 5)],
    line: [(1, 11), (2, 19), (4, 36)])

  @Test func deterministicWellFormedSVG() {
    let svg = Self.plot.svg()
    #expect(svg == Self.plot.svg())
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("T &lt;1&gt;"))
    // Three dots plus the legend's; two error bars with two caps each; one theory polyline.
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
    #expect(svg.components(separatedBy: "stroke=\"#1f77b4\"").count - 1 == 6)
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
  }

  /// Linear axes start at zero and end on a round tick above the largest value: the range 41
  /// over about six ticks is 6.8 per tick, rounded up to the step 10 (of 1, 2, 2.5, 5, 10).
  @Test func linearAxisTicks() {
    let axis = ErrorBarPlot.Axis([3, 41], log: false, includeZero: true)
    #expect(axis.low == 0)
    #expect(axis.high == 50)
    #expect(axis.ticks == [0, 10, 20, 30, 40, 50])
    #expect(axis.fraction(25) == 0.5)
    let small = ErrorBarPlot.Axis([0.25, 1.2], log: false, includeZero: false)
    #expect(abs(small.low - 0.2) < 1e-12 && abs(small.high - 1.2) < 1e-12)
    #expect(small.ticks.count == 6)
  }

  @Test func logAxisSpansDecades() {
    let axis = ErrorBarPlot.Axis([0.3, 2000, -1], log: true, includeZero: true)
    #expect(axis.low == 0.1)
    #expect(axis.high == 10_000)
    #expect(axis.ticks.count == 6)
    #expect(abs(axis.fraction(10) - 0.4) < 1e-12)
  }

  @Test func tickLabels() {
    #expect(ErrorBarPlot.tick(2.5) == "2.5")
    #expect(ErrorBarPlot.tick(1000) == "1000")
    #expect(ErrorBarPlot.tick(0.1) == "0.1")
    #expect(ErrorBarPlot.tick(0) == "0")
  }
}
