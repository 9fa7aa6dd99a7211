import Testing

@testable import MemgoCore

/// The shared SVG canvas and plot axis: one coordinate format, escaping, element text, and axes
/// whose ticks and page coordinates are computed by hand here.
@Suite struct SVGCanvasTests {
  @Test func coordinatesPrintTheSameEverywhere() {
    #expect(SVGCanvas.coordinate(12.5) == "12.5")
    #expect(SVGCanvas.coordinate(3) == "3")
    #expect(SVGCanvas.coordinate(-0.001) == "0")
    #expect(SVGCanvas.coordinate(1.125) == "1.13")  // halves away from zero
    #expect(SVGCanvas.coordinate(1.005) == "1")  // 1.005 is 1.00499999999999989... in binary
  }

  @Test func elementsAndEscaping() {
    #expect(SVGCanvas.escape("a<b & \"c\" 'd'\u{1}") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39; ")
    #expect(SVGCanvas.line(1, 2.5, 3, 4, " stroke=\"#000000\"") == "<line x1=\"1\" y1=\"2.5\" x2=\"3\" y2=\"4\" stroke=\"#000000\"/>\n")
    #expect(SVGCanvas.text(10, 20, "x<y") == "<text x=\"10\" y=\"20\">x&lt;y</text>\n")
    #expect(
      SVGCanvas.verticalText(16, 100, "rate", " font-size=\"12\"")
        == "<text x=\"16\" y=\"100\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 16 100)\">rate</text>\n")
    var d = SVGCanvas.PathData()
    d.move(0, 1.25)
    d.line(2, 3)
    d.horizontal(4)
    d.vertical(5)
    d.close()
    #expect(SVGCanvas.path(d, " fill=\"none\"") == "<path d=\"M0,1.25L2,3H4V5Z\" fill=\"none\"/>\n")
    #expect(SVGCanvas.circle(1, 2, r: 3.5) == "<circle cx=\"1\" cy=\"2\" r=\"3.5\"/>\n")
    let page = SVGCanvas.begin(width: 100, height: 50, title: "t&t", font: "serif")
    #expect(page.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
    #expect(page.contains("width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" font-family=\"serif\">\n<title>t&amp;t</title>\n"))
  }

  /// A linear axis from a nice scale maps its ends to the page ends, either way round (a vertical
  /// axis runs from the bottom's y to the top's).
  @Test func linearAxisMapsToThePage() {
    let axis = PlotAxis.linear(covering: [3, 41], includeZero: true, ticks: 6)
    #expect(axis.ticks.map(\.position) == [0, 10, 20, 30, 40, 50])
    #expect(axis.ticks.map(\.label) == ["0", "10", "20", "30", "40", "50"])
    #expect(axis.pixel(0, from: 100, to: 600) == 100)
    #expect(axis.pixel(50, from: 100, to: 600) == 600)
    #expect(axis.pixel(10, from: 400, to: 0) == 320)  // 400 - 10/50 * 400
    #expect(axis.shows(position: 50) && !axis.shows(position: 50.5))
  }

  /// Whole steps: 0 to 2 spans the nice range 2, whose fifth 0.4 rounds to the step 0.5; frames
  /// step by 1.
  @Test func wholeStepsForCounts() {
    #expect(PlotAxis.linear(covering: [2], includeZero: true, ticks: 6).ticks.map(\.position) == [0, 0.5, 1, 1.5, 2])
    #expect(PlotAxis.linear(covering: [2], includeZero: true, ticks: 6, wholeSteps: true).ticks.map(\.position) == [0, 1, 2])
  }

  /// A base-2 logarithmic axis: 3 to 1000 lies between 2^1 and 2^10; 2^k sits at position k
  /// exactly (the factors are counted, not logged).
  @Test func logarithmicAxisInBaseTwo() {
    let axis = PlotAxis.logarithmic(covering: [3, 1000, 0, -5], base: 2)
    #expect(axis.low == 1 && axis.high == 10)
    #expect(axis.ticks.count == 10)
    #expect(axis.ticks.first?.label == "2" && axis.ticks.last?.label == "1024")
    #expect(axis.position(1024) == 10)
    #expect(axis.pixel(32, from: 0, to: 9) == 4)
    #expect(PlotAxis.logarithm(1e6, base: 10) == 6)
    #expect(PlotAxis.power(2, -3) == 0.125)
    #expect(PlotAxis.shortNumber(0.25) == "0.25")
    #expect(PlotAxis.shortNumber(1024) == "1024")
    #expect(PlotAxis.shortNumber(2.5) == "2.5")
    #expect(PlotAxis.shortNumber(0.1) == "0.1")
  }

  /// A sweep chart's x axis picks its scale from the swept values: powers of two spanning 4× go
  /// on a base-2 axis with a tick at each; a span of 16× or more on a base-10 axis, with whole
  /// decades once there are more than 12 values; a narrow spread stays linear, with a tick at each
  /// of a few separated values or nice ticks for many.
  @Test func sweptValuesChooseTheirScale() {
    let two = PlotAxis.swept([64, 128, 256], displayScale: 1)
    #expect(two.scale == .logarithmic(base: 2) && two.positions == [6, 7, 8])
    #expect(two.ticks.map(\.label) == ["64", "128", "256"])
    #expect(two.axis.low == 6 - 2 * 0.06 && two.axis.high == 8 + 2 * 0.06)
    let decades = PlotAxis.swept((1...20).map { Double($0) * 50 }, displayScale: 1)
    #expect(decades.scale == .logarithmic(base: 10))
    #expect(decades.ticks.map(\.label) == ["100", "1000"])
    let few = PlotAxis.swept([10, 20, 30], displayScale: 0.5)
    #expect(few.scale == .linear && few.positions == [10, 20, 30] && few.ticks.map(\.label) == ["5", "10", "15"])
    let many = PlotAxis.swept((0..<11).map { 1 + Double($0) * 0.1 }, displayScale: 1)
    #expect(many.scale == .linear)
    #expect(many.ticks.map(\.position).first == 1 && many.ticks.map(\.position).last == 2)
    #expect(many.ticks.count == 6 && many.ticks[1].label == "1.2")
  }
}
