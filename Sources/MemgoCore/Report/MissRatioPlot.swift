/// A miss-ratio curve drawn as a standalone SVG line plot: fault rate against memory size in
/// frames, with a title, labelled axes, tick marks at round values and a light grid.
///
/// Hand-written SVG 1.1, deterministic (fixed decimals, no dates or random ids), readable in any
/// browser. The curve has one point per size, which could be millions; within each pixel column
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
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let rates = faults.map { accesses == 0 ? 0 : Double($0) / Double(accesses) }
    let xTicks = ticks(upTo: Double(max(faults.count, 1)), integral: true)
    let highest = rates.max() ?? 0
    let yTicks = ticks(upTo: highest > 0 ? highest : 1, integral: false)
    let xMax = xTicks.last ?? 1
    let yMax = yTicks.last ?? 1
    func x(_ frames: Double) -> Double { left + frames / xMax * plotWidth }
    func y(_ rate: Double) -> Double { top + plotHeight - rate / yMax * plotHeight }

    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
    out += "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(font)\">\n"
    out += "<title>\(SVGPlot.escape(title))</title>\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    out += text(width / 2, 30, title, size: 18, anchor: "middle", extra: " font-weight=\"bold\"")
    out += text(width / 2, 53, subtitle, size: 13, anchor: "middle", extra: " fill=\"#555555\"")

    // Grid and ticks.
    out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
    for t in xTicks.dropFirst() { out += line(x(t), top, x(t), top + plotHeight) }
    for t in yTicks.dropFirst() { out += line(left, y(t), left + plotWidth, y(t)) }
    out += "</g>\n<g stroke=\"#333333\" stroke-width=\"1\">\n"
    for t in xTicks { out += line(x(t), top + plotHeight, x(t), top + plotHeight + 6) }
    for t in yTicks { out += line(left - 6, y(t), left, y(t)) }
    out += line(left, top + plotHeight, left + plotWidth, top + plotHeight)
    out += line(left, top, left, top + plotHeight)
    out += "</g>\n"
    let yDecimals = decimals(for: yTicks)
    for t in xTicks { out += text(x(t), top + plotHeight + 22, frameLabel(t), size: 12, anchor: "middle") }
    for t in yTicks {
      out += text(left - 10, y(t) + 4, NumberFormat.fixed(t, decimals: yDecimals), size: 12, anchor: "end")
    }
    out += text(left + plotWidth / 2, height - 20, "memory size (frames of \(frameUnit))", size: 14, anchor: "middle")
    let yLabelX = n(24)
    let yLabelY = n(top + plotHeight / 2)
    out += "<text x=\"\(yLabelX)\" y=\"\(yLabelY)\" font-size=\"14\" text-anchor=\"middle\" "
    out += "transform=\"rotate(-90 \(yLabelX) \(yLabelY))\">fault rate (faults per page access)</text>\n"

    // The curve.
    if rates.isEmpty {
      out += text(left + plotWidth / 2, top + plotHeight / 2, "no page accesses", size: 14, anchor: "middle")
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
      out += "<polyline fill=\"none\" stroke=\"#1f6fb4\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\""
      out += points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
      out += "\"/>\n"
      if rates.count <= 40 {
        out += "<g fill=\"#1f6fb4\">\n"
        for p in points { out += "<circle cx=\"\(n(p.0))\" cy=\"\(n(p.1))\" r=\"3\"/>\n" }
        out += "</g>\n"
      }
    }
    out += "</svg>\n"
    return out
  }

  // MARK: - Axes

  /// Tick values `0, step, 2 step, ...` up to the first multiple of `step` at or above `maximum`,
  /// with `step` the smallest of 1, 2, 2.5 or 5 times a power of ten giving at most seven intervals (integral: whole
  /// steps of at least 1, never 2.5).
  static func ticks(upTo maximum: Double, integral: Bool) -> [Double] {
    let raw = maximum / 7
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw && magnitude > 1e-12 { magnitude /= 10 }
    var step = magnitude * 10
    for factor in [1.0, 2.0, 2.5, 5.0] where magnitude * factor >= raw {
      // Whole-number axes skip 2.5 below 10 (it would round to 3).
      if integral && factor == 2.5 && magnitude < 10 { continue }
      step = magnitude * factor
      break
    }
    if integral { step = max(1, step.rounded(.up)) }
    var values: [Double] = [0]
    while values.last! < maximum * (1 - 1e-12) { values.append(Double(values.count) * step) }
    if values.count == 1 { values.append(step) }
    return values
  }

  /// The decimals that show every tick distinctly (0.25 needs 2, 0.2 needs 1).
  static func decimals(for ticks: [Double]) -> Int {
    guard ticks.count > 1 else { return 0 }
    let step = ticks[1] - ticks[0]
    for d in 0...12 {
      let scaled = step * NumberFormat.powersOfTen[d]
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
    }
    return 12
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

  // MARK: - SVG elements

  /// A coordinate with one decimal.
  static func n(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
    "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>\n"
  }

  static func text(_ x: Double, _ y: Double, _ content: String, size: Int, anchor: String, extra: String = "")
    -> String
  {
    "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\"\(extra)>"
      + "\(SVGPlot.escape(content))</text>\n"
  }
}
