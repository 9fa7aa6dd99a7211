/// A small SVG chart: measured points with vertical error bars (mean ± ci95) and a theory curve
/// as a line, on linear or logarithmic axes (`PlotAxis`), drawn on the shared `SVGCanvas`. Used by
/// the validation study to put simulation and analytical predictions in one picture. The text is
/// deterministic: the same plot gives the same bytes.
public struct ErrorBarPlot: Sendable, Equatable {
  /// One measured point: `y ± error` at `x`.
  public struct Point: Sendable, Equatable {
    /// Position on the horizontal axis.
    public var x: Double
    /// The mean.
    public var y: Double
    /// Half-length of the error bar (ci95); 0 draws none.
    public var error: Double
    /// Creates a point `y ± error` at `x`.
    public init(x: Double, y: Double, error: Double = 0) {
      self.x = x
      self.y = y
      self.error = error
    }
  }

  /// The heading above the chart.
  public var title: String
  /// The horizontal axis's label.
  public var xLabel: String
  /// The vertical axis's label.
  public var yLabel: String
  /// Simulation points, drawn as dots with error bars.
  public var points: [Point]
  /// The theory curve, drawn as a line through these (x, y) pairs in order.
  public var line: [(x: Double, y: Double)]
  /// Legend entry of the points.
  public var pointsLabel: String
  /// Legend entry of the line.
  public var lineLabel: String
  /// A logarithmic horizontal axis (points and line vertices with x ≤ 0 are left out).
  public var logX: Bool
  /// A logarithmic vertical axis (points and line vertices with y ≤ 0 are left out).
  public var logY: Bool

  /// Creates a plot; the labels default to the validation study's wording.
  public init(
    title: String, xLabel: String, yLabel: String, points: [Point], line: [(x: Double, y: Double)],
    pointsLabel: String = "simulation (mean ± ci95)", lineLabel: String = "theory", logX: Bool = false,
    logY: Bool = false
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.points = points
    self.line = line
    self.pointsLabel = pointsLabel
    self.lineLabel = lineLabel
    self.logX = logX
    self.logY = logY
  }

  /// Plots are equal when every field is (the line compared element by element).
  public static func == (a: ErrorBarPlot, b: ErrorBarPlot) -> Bool {
    a.title == b.title && a.xLabel == b.xLabel && a.yLabel == b.yLabel && a.points == b.points
      && a.line.map(\.x) == b.line.map(\.x) && a.line.map(\.y) == b.line.map(\.y) && a.logX == b.logX
      && a.logY == b.logY && a.pointsLabel == b.pointsLabel && a.lineLabel == b.lineLabel
  }

  static let width = 640.0
  static let height = 420.0
  static let left = 80.0
  static let right = 20.0
  static let top = 40.0
  static let bottom = 56.0
  static let font = "Helvetica, Arial, sans-serif"
  static let pointColor = "#1f77b4"
  static let lineColor = "#d62728"

  /// The axis over `values`: logarithmic in whole decades, or linear with nice ticks (from 0 with
  /// `includeZero`).
  static func axis(_ values: [Double], log: Bool, includeZero: Bool) -> PlotAxis {
    log ? .logarithmic(covering: values) : .linear(covering: values, includeZero: includeZero, ticks: 6)
  }

  /// The SVG document, ending in a newline.
  public func svg() -> String {
    typealias Canvas = SVGCanvas
    let usable = points.filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    let curve = line.filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    let xs = usable.map(\.x) + curve.map(\.x)
    let ys = usable.flatMap { [$0.y + $0.error, logY ? $0.y : $0.y - $0.error] } + curve.map(\.y)
    let xAxis = Self.axis(xs, log: logX, includeZero: false)
    let yAxis = Self.axis(ys, log: logY, includeZero: true)
    let (plotLeft, plotRight) = (Self.left, Self.width - Self.right)
    let (plotTop, plotBottom) = (Self.top, Self.height - Self.bottom)
    func px(_ x: Double) -> Double { xAxis.pixel(x, from: plotLeft, to: plotRight) }
    func py(_ y: Double) -> Double { yAxis.pixel(y, from: plotBottom, to: plotTop) }

    var out = Canvas.begin(width: Self.width, height: Self.height, title: title, font: Self.font)
    out += Canvas.text(Self.width / 2, 22, title, " font-size=\"15\" text-anchor=\"middle\"")
    // Grid and ticks.
    out += "<g font-size=\"12\">\n"
    for tick in xAxis.ticks {
      let x = xAxis.pixel(position: tick.position, from: plotLeft, to: plotRight)
      out += Canvas.line(x, plotTop, x, plotBottom, " stroke=\"#e0e0e0\"")
      out += Canvas.text(x, plotBottom + 16, tick.label, " text-anchor=\"middle\"")
    }
    for tick in yAxis.ticks {
      let y = yAxis.pixel(position: tick.position, from: plotBottom, to: plotTop)
      out += Canvas.line(plotLeft, y, plotRight, y, " stroke=\"#e0e0e0\"")
      out += Canvas.text(plotLeft - 6, y + 4, tick.label, " text-anchor=\"end\"")
    }
    out += "</g>\n"
    out += Canvas.rect(
      plotLeft, plotTop, width: plotRight - plotLeft, height: plotBottom - plotTop, " fill=\"none\" stroke=\"#000000\"")
    out += Canvas.text((plotLeft + plotRight) / 2, Self.height - 12, xLabel, " font-size=\"12\" text-anchor=\"middle\"")
    out += Canvas.verticalText(16, (plotTop + plotBottom) / 2, yLabel, " font-size=\"12\"")
    // Theory line.
    if !curve.isEmpty {
      var path = SVGCanvas.PathData()
      for (i, p) in curve.enumerated() {
        if i == 0 { path.move(px(p.x), py(p.y)) } else { path.line(px(p.x), py(p.y)) }
      }
      out += Canvas.path(path, " fill=\"none\" stroke=\"\(Self.lineColor)\" stroke-width=\"2\"")
    }
    // Points with error bars.
    for p in usable {
      if p.error > 0 {
        let low = logY ? max(p.y - p.error, PlotAxis.power(10, yAxis.low)) : p.y - p.error
        let (x, y1, y2) = (px(p.x), py(low), py(p.y + p.error))
        var bar = SVGCanvas.PathData()
        bar.move(x, y1)
        bar.vertical(y2)
        for y in [y1, y2] {
          bar.move(x - 4, y)
          bar.horizontal(x + 4)
        }
        out += Canvas.path(bar, " fill=\"none\" stroke=\"\(Self.pointColor)\"")
      }
      out += Canvas.circle(px(p.x), py(p.y), r: 3.5, " fill=\"\(Self.pointColor)\"")
    }
    // Legend.
    let lx = plotLeft + 12
    out += "<g font-size=\"12\">\n"
    out += Canvas.circle(lx + 10, plotTop + 16, r: 3.5, " fill=\"\(Self.pointColor)\"")
    out += Canvas.text(lx + 26, plotTop + 20, pointsLabel)
    out += Canvas.line(lx, plotTop + 34, lx + 20, plotTop + 34, " stroke=\"\(Self.lineColor)\" stroke-width=\"2\"")
    out += Canvas.text(lx + 26, plotTop + 38, lineLabel)
    out += "</g>\n"
    out += Canvas.end
    return out
  }
}
