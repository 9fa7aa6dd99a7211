/// A miss-ratio curve drawn as a standalone SVG line plot: fault rate against memory size in
/// frames, with a title, labelled axes, tick marks at round values and a light grid.
///
/// Drawn on the shared `SVGCanvas` with `PlotAxis` axes from zero; deterministic (fixed decimals,
/// no dates or random ids), readable in any browser. The curve has one point per size, which could be millions; within each pixel column
/// only the first and last points are kept (the curve never rises with more memory, so they are
/// its highest and lowest there), so the file stays small and draws the same line.
public enum MissRatioPlot {
  /// The canvas and the plot area inside it, in pixels.
  static let width = 760.0
  static let height = 480.0
  static let left = 92.0
  static let right = 36.0
  static let top = 74.0
  static let bottom = 72.0
  static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

  /// The SVG text of the curve `faults[m - 1]` (faults with `m` frames) over `accesses` accesses.
  /// - Parameters:
  ///   - title: the heading (e.g. `LRU miss-ratio curve: ls.trace`).
  ///   - subtitle: a second line (counts, page size, exact or sampled).
  ///   - frameUnit: what one frame holds, for the x axis label (e.g. `4KiB`).
  public static func svg(faults: [Int], accesses: Int, title: String, subtitle: String, frameUnit: String) -> String {
    typealias Canvas = SVGCanvas
    let rates = faults.map { accesses == 0 ? 0 : Double($0) / Double(accesses) }
    let xAxis = frameAxis(sizes: faults.count)
    let yAxis = rateAxis(highest: rates.max() ?? 0)
    let (plotLeft, plotRight) = (left, width - right)
    let (plotTop, plotBottom) = (top, height - bottom)
    func x(_ frames: Double) -> Double { xAxis.pixel(frames, from: plotLeft, to: plotRight) }
    func y(_ rate: Double) -> Double { yAxis.pixel(rate, from: plotBottom, to: plotTop) }

    var out = Canvas.begin(width: width, height: height, title: title, font: font)
    out += Canvas.text(width / 2, 30, title, " font-size=\"18\" text-anchor=\"middle\" font-weight=\"bold\"")
    out += Canvas.text(width / 2, 53, subtitle, " font-size=\"13\" text-anchor=\"middle\" fill=\"#555555\"")

    // Grid and ticks.
    out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
    for t in xAxis.ticks.dropFirst() { out += Canvas.line(x(t.position), plotTop, x(t.position), plotBottom) }
    for t in yAxis.ticks.dropFirst() { out += Canvas.line(plotLeft, y(t.position), plotRight, y(t.position)) }
    out += "</g>\n<g stroke=\"#333333\" stroke-width=\"1\">\n"
    for t in xAxis.ticks { out += Canvas.line(x(t.position), plotBottom, x(t.position), plotBottom + 6) }
    for t in yAxis.ticks { out += Canvas.line(plotLeft - 6, y(t.position), plotLeft, y(t.position)) }
    out += Canvas.line(plotLeft, plotBottom, plotRight, plotBottom)
    out += Canvas.line(plotLeft, plotTop, plotLeft, plotBottom)
    out += "</g>\n<g font-size=\"12\">\n"
    for t in xAxis.ticks { out += Canvas.text(x(t.position), plotBottom + 22, t.label, " text-anchor=\"middle\"") }
    for t in yAxis.ticks { out += Canvas.text(plotLeft - 10, y(t.position) + 4, t.label, " text-anchor=\"end\"") }
    out += "</g>\n"
    out += Canvas.text(
      (plotLeft + plotRight) / 2, height - 20, "memory size (frames of \(frameUnit))",
      " font-size=\"14\" text-anchor=\"middle\"")
    out += Canvas.verticalText(24, (plotTop + plotBottom) / 2, "fault rate (faults per page access)", " font-size=\"14\"")

    // The curve.
    if rates.isEmpty {
      out += Canvas.text(
        (plotLeft + plotRight) / 2, (plotTop + plotBottom) / 2, "no page accesses",
        " font-size=\"14\" text-anchor=\"middle\"")
    } else {
      // Half-pixel columns: keep a point if it is the first or the last of its column.
      func column(_ i: Int) -> Int { Int((x(Double(i + 1)) * 2).rounded(.down)) }
      var points: [(Double, Double)] = []
      for (i, rate) in rates.enumerated() {
        let c = column(i)
        let first = i == 0 || column(i - 1) != c
        let last = i + 1 == rates.count || column(i + 1) != c
        if first || last { points.append((x(Double(i + 1)), y(rate))) }
      }
      var path = Canvas.PathData()
      for (i, p) in points.enumerated() {
        if i == 0 { path.move(p.0, p.1) } else { path.line(p.0, p.1) }
      }
      out += Canvas.path(path, " fill=\"none\" stroke=\"#1f6fb4\" stroke-width=\"2\" stroke-linejoin=\"round\"")
      if rates.count <= 40 {
        out += "<g fill=\"#1f6fb4\">\n"
        for p in points { out += Canvas.circle(p.0, p.1, r: 3) }
        out += "</g>\n"
      }
    }
    out += Canvas.end
    return out
  }

  // MARK: - Axes

  /// The memory-size axis: 0 to at least `sizes` frames (at least 1), whole steps of 1, 2 or 5
  /// times a power of ten, labelled as frame counts.
  static func frameAxis(sizes: Int) -> PlotAxis {
    .linear(covering: [Double(max(sizes, 1))], includeZero: true, ticks: 6, wholeSteps: true, label: frameLabel)
  }

  /// The fault-rate axis: 0 to at least `highest` (to 1 when nothing faulted).
  static func rateAxis(highest: Double) -> PlotAxis {
    .linear(covering: [highest > 0 ? highest : 1], includeZero: true, ticks: 6)
  }

  /// A frame count for a tick label: `800`, `5000`, `20k`, `1.5M`.
  static func frameLabel(_ value: Double) -> String {
    let trim = NumberFormat.withoutTrailingZeros
    if value >= 1_000_000 { return trim(NumberFormat.fixed(value / 1_000_000, decimals: 2)) + "M" }
    if value >= 10_000 { return trim(NumberFormat.fixed(value / 1000, decimals: 2)) + "k" }
    return NumberFormat.fixed(value, decimals: 0)
  }

  /// `n` with commas between groups of three digits (`10,013,713`).
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return (n < 0 ? "-" : "") + out
  }
}
