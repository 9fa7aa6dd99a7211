#if canImport(Glibc)
  import Glibc
#endif

/// A small hand-written SVG chart: measured points with vertical error bars (mean ± ci95) and a
/// theory curve as a line, on linear or logarithmic axes. Used by the validation study to put
/// simulation and analytical predictions in one picture. The text is deterministic: the same
/// plot gives the same bytes.
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

  /// One axis: the data range mapped to pixels, with tick values.
  struct Axis {
    var low: Double
    var high: Double
    var log: Bool
    var ticks: [Double]

    /// An axis over `values` (and 0 for a linear axis when `includeZero`).
    init(_ values: [Double], log: Bool, includeZero: Bool) {
      self.log = log
      var v = values.filter { $0.isFinite && (!log || $0 > 0) }
      if v.isEmpty { v = [1] }
      if includeZero && !log { v.append(0) }
      var lo = v.min() ?? 0
      var hi = v.max() ?? 1
      if log {
        lo = Glibc.pow(10, Glibc.floor(Glibc.log10(lo)))
        hi = Glibc.pow(10, Glibc.ceil(Glibc.log10(hi)))
        if hi <= lo { hi = lo * 10 }
        var t: [Double] = []
        var x = lo
        while x <= hi * 1.0001 {
          t.append(x)
          x *= 10
        }
        ticks = t
      } else {
        if hi <= lo { hi = lo + 1 }
        let raw = (hi - lo) / 6
        let magnitude = Glibc.pow(10, Glibc.floor(Glibc.log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        lo = Glibc.floor(lo / step) * step
        hi = Glibc.ceil(hi / step) * step
        ticks = stride(from: lo, through: hi + step / 1000, by: step).map { $0 }
      }
      low = lo
      high = hi
    }

    /// `value`'s position in [0, 1] along the axis.
    func fraction(_ value: Double) -> Double {
      if log { return (Glibc.log10(value) - Glibc.log10(low)) / (Glibc.log10(high) - Glibc.log10(low)) }
      return (value - low) / (high - low)
    }
  }

  /// The SVG document, ending in a newline.
  public func svg() -> String {
    let usable = points.filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    let curve = line.filter { (!logX || $0.x > 0) && (!logY || $0.y > 0) }
    let xs = usable.map(\.x) + curve.map(\.x)
    let ys = usable.flatMap { [$0.y + $0.error, logY ? $0.y : $0.y - $0.error] } + curve.map(\.y)
    let xAxis = Axis(xs, log: logX, includeZero: false)
    let yAxis = Axis(ys, log: logY, includeZero: true)
    let w = Self.width - Self.left - Self.right
    let h = Self.height - Self.top - Self.bottom
    func px(_ x: Double) -> String { Self.number(Self.left + xAxis.fraction(x) * w) }
    func py(_ y: Double) -> String { Self.number(Self.top + (1 - yAxis.fraction(y)) * h) }

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\""
    out += " viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
    out += "<text x=\"\(Self.number(Self.width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">"
    out += SVGPlot.escape(title) + "</text>\n"
    // Grid and ticks.
    for t in xAxis.ticks {
      out += "<line x1=\"\(px(t))\" y1=\"\(Self.number(Self.top))\" x2=\"\(px(t))\" y2=\"\(Self.number(Self.top + h))\""
      out += " stroke=\"#e0e0e0\"/>\n"
      out += "<text x=\"\(px(t))\" y=\"\(Self.number(Self.top + h + 16))\" text-anchor=\"middle\">"
      out += Self.tick(t) + "</text>\n"
    }
    for t in yAxis.ticks {
      out +=
        "<line x1=\"\(Self.number(Self.left))\" y1=\"\(py(t))\" x2=\"\(Self.number(Self.left + w))\" y2=\"\(py(t))\""
      out += " stroke=\"#e0e0e0\"/>\n"
      out +=
        "<text x=\"\(Self.number(Self.left - 6))\" y=\"\(py(t))\" text-anchor=\"end\" dominant-baseline=\"middle\">"
      out += Self.tick(t) + "</text>\n"
    }
    out += "<rect x=\"\(Self.number(Self.left))\" y=\"\(Self.number(Self.top))\" width=\"\(Self.number(w))\""
    out += " height=\"\(Self.number(h))\" fill=\"none\" stroke=\"black\"/>\n"
    out +=
      "<text x=\"\(Self.number(Self.left + w / 2))\" y=\"\(Self.number(Self.height - 12))\" text-anchor=\"middle\">"
    out += SVGPlot.escape(xLabel) + "</text>\n"
    let yMid = Self.number(Self.top + h / 2)
    out += "<text x=\"16\" y=\"\(yMid)\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(yMid))\">"
    out += SVGPlot.escape(yLabel) + "</text>\n"
    // Theory line.
    if !curve.isEmpty {
      out += "<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" points=\""
      out += curve.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ") + "\"/>\n"
    }
    // Points with error bars.
    for p in usable {
      if p.error > 0 {
        let lo = logY ? max(p.y - p.error, yAxis.low) : p.y - p.error
        let x = px(p.x)
        out += "<line x1=\"\(x)\" y1=\"\(py(lo))\" x2=\"\(x)\" y2=\"\(py(p.y + p.error))\" stroke=\"#1f77b4\"/>\n"
        for y in [lo, p.y + p.error] {
          let cx = Self.left + xAxis.fraction(p.x) * w
          out += "<line x1=\"\(Self.number(cx - 4))\" y1=\"\(py(y))\" x2=\"\(Self.number(cx + 4))\" y2=\"\(py(y))\""
          out += " stroke=\"#1f77b4\"/>\n"
        }
      }
      out += "<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"3.5\" fill=\"#1f77b4\"/>\n"
    }
    // Legend.
    let lx = Self.left + 12
    out += "<circle cx=\"\(Self.number(lx + 10))\" cy=\"\(Self.number(Self.top + 16))\" r=\"3.5\" fill=\"#1f77b4\"/>\n"
    out += "<text x=\"\(Self.number(lx + 26))\" y=\"\(Self.number(Self.top + 20))\">" + SVGPlot.escape(pointsLabel)
    out += "</text>\n"
    out += "<line x1=\"\(Self.number(lx))\" y1=\"\(Self.number(Self.top + 34))\" x2=\"\(Self.number(lx + 20))\""
    out += " y2=\"\(Self.number(Self.top + 34))\" stroke=\"#d62728\" stroke-width=\"2\"/>\n"
    out += "<text x=\"\(Self.number(lx + 26))\" y=\"\(Self.number(Self.top + 38))\">" + SVGPlot.escape(lineLabel)
    out += "</text>\n"
    out += "</svg>\n"
    return out
  }

  /// A coordinate with one decimal.
  static func number(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 1) }

  /// A tick label: three significant digits without trailing zeros.
  static func tick(_ x: Double) -> String {
    NumberFormat.withoutTrailingZeros(NumberFormat.significant(x, digits: 3))
  }
}
