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
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("<title>T &lt;1&gt;</title>"))
    // Three dots plus the legend's; two error bars (bar and caps in one path each); the theory
    // path and the legend's line sample.
    #expect(svg.components(separatedBy: "<circle").count - 1 == 4)
    #expect(svg.components(separatedBy: "fill=\"none\" stroke=\"#1f77b4\"").count - 1 == 2)
    #expect(svg.components(separatedBy: "stroke=\"#d62728\"").count - 1 == 2)
  }

  /// Linear axes start at zero and end on a round tick above the largest value: the range 41 is
  /// widened to the nice 50, whose fifth is the step 10 (`NiceScale`, about six ticks).
  @Test func linearAxisTicks() {
    let axis = ErrorBarPlot.axis([3, 41], log: false, includeZero: true)
    #expect(axis.low == 0)
    #expect(axis.high == 50)
    #expect(axis.ticks.map(\.position) == [0, 10, 20, 30, 40, 50])
    #expect(axis.pixel(25, from: 0, to: 1) == 0.5)
    let small = ErrorBarPlot.axis([0.25, 1.2], log: false, includeZero: false)
    #expect(abs(small.low - 0.2) < 1e-12 && abs(small.high - 1.2) < 1e-12)
    #expect(small.ticks.map(\.label) == ["0.2", "0.4", "0.6", "0.8", "1.0", "1.2"])
  }

  /// A logarithmic axis spans whole decades around the positive values: 0.3 to 2000 is 10^-1 to
  /// 10^4, five decades, so 10 sits at (1 - (-1)) / 5 = 0.4 of the way.
  @Test func logAxisSpansDecades() {
    let axis = ErrorBarPlot.axis([0.3, 2000, -1], log: true, includeZero: true)
    #expect(axis.low == -1)
    #expect(axis.high == 4)
    #expect(axis.ticks.map(\.label) == ["0.1", "1", "10", "100", "1000", "10000"])
    #expect(abs(axis.pixel(10, from: 0, to: 1) - 0.4) < 1e-12)
  }
}
