/// The SVG text of an `SVGPlot` chart: a white page, the title, the plot frame with grid lines
/// and ticks, the axis labels, each series (line, error bars, markers) and the legend.
extension SVGPlot.Chart {
  // MARK: Geometry

  static let left = 84.0
  static let top = 66.0
  static let bottomMargin = 62.0
  /// The height of a legend row: 20 px, less when many series must fit beside the plot.
  var legendRowHeight: Double {
    let rows = Double(series.count + (legendTitle.isEmpty ? 0 : 1))
    return max(12, min(20, (plotBottom - Self.top) / max(rows, 1)))
  }

  /// The legend's width: room for its longest text and a line sample (none for one series).
  var legendWidth: Double {
    guard series.count > 1 else { return 0 }
    let longest = ([legendTitle] + series.map(\.label)).map(\.count).max() ?? 0
    return Double(longest) * 6.6 + 46
  }

  var plotRight: Double { SVGPlot.width - 20 - (legendWidth > 0 ? legendWidth + 16 : 0) }
  var plotBottom: Double { SVGPlot.height - Self.bottomMargin }

  func x(_ t: Double) -> Double {
    let span = xDomain.high - xDomain.low
    return Self.left + (t - xDomain.low) / (span == 0 ? 1 : span) * (plotRight - Self.left)
  }

  func y(_ v: Double) -> Double {
    let span = yScale.upper - yScale.lower
    return plotBottom - (v - yScale.lower) / (span == 0 ? 1 : span) * (plotBottom - Self.top)
  }

  // MARK: Drawing

  func svg() -> String {
    let c = SVGPlot.coordinate
    let e = SVGPlot.escape
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(c(SVGPlot.width))\" "
    out += "height=\"\(c(SVGPlot.height))\" viewBox=\"0 0 \(c(SVGPlot.width)) \(c(SVGPlot.height))\" "
    out += "font-family=\"\(SVGPlot.font)\">\n"
    out += "<title>\(e(title))</title>\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    out += "<text x=\"\(c(Self.left))\" y=\"28\" font-size=\"16\" font-weight=\"bold\" fill=\"#000000\">"
    out += "\(e(title))</text>\n"
    out += "<text x=\"\(c(Self.left))\" y=\"47\" font-size=\"12\" fill=\"#444444\">\(e(subtitle))</text>\n"

    // Grid lines and y ticks.
    out += "<g font-size=\"12\" fill=\"#000000\">\n"
    let yDecimals = yScale.decimals
    for v in yScale.values {
      let py = c(y(v))
      out += "<line x1=\"\(c(Self.left))\" y1=\"\(py)\" x2=\"\(c(plotRight))\" y2=\"\(py)\" stroke=\"#e3e3e3\" "
      out += "stroke-width=\"1\"/>\n"
      out += "<line x1=\"\(c(Self.left - 5))\" y1=\"\(py)\" x2=\"\(c(Self.left))\" y2=\"\(py)\" stroke=\"#000000\"/>\n"
      out += "<text x=\"\(c(Self.left - 8))\" y=\"\(c(y(v) + 4))\" text-anchor=\"end\">"
      out += "\(NumberFormat.fixed(v, decimals: yDecimals))</text>\n"
    }
    // x ticks.
    for tick in xTicks where tick.t >= xDomain.low && tick.t <= xDomain.high {
      let px = c(x(tick.t))
      out +=
        "<line x1=\"\(px)\" y1=\"\(c(plotBottom))\" x2=\"\(px)\" y2=\"\(c(plotBottom + 5))\" stroke=\"#000000\"/>\n"
      out += "<text x=\"\(px)\" y=\"\(c(plotBottom + 20))\" text-anchor=\"middle\">\(e(tick.label))</text>\n"
    }
    out += "</g>\n"
    // The frame: left and bottom axes.
    out += "<path d=\"M\(c(Self.left)),\(c(Self.top - 4))V\(c(plotBottom))H\(c(plotRight))\" fill=\"none\" "
    out += "stroke=\"#000000\" stroke-width=\"1\"/>\n"
    // Axis labels.
    out += "<text x=\"\(c((Self.left + plotRight) / 2))\" y=\"\(c(SVGPlot.height - 16))\" font-size=\"13\" "
    out += "text-anchor=\"middle\">\(e(xLabel))</text>\n"
    let midY = c((Self.top + plotBottom) / 2)
    out += "<text x=\"22\" y=\"\(midY)\" font-size=\"13\" text-anchor=\"middle\" "
    out += "transform=\"rotate(-90 22 \(midY))\">\(e(yLabel))</text>\n"

    // Series: lines, then error bars, then markers on top.
    let dodge = series.count > 1 ? min(4, 24 / Double(series.count)) : 0
    for (s, line) in series.enumerated() {
      let color = SVGPlot.palette[s % SVGPlot.palette.count]
      let offset = (Double(s) - Double(series.count - 1) / 2) * dodge
      out += "<g stroke=\"\(color)\" fill=\"\(color)\">\n"
      if line.points.count > 1 {
        let path = line.points.enumerated().map { i, p in
          (i == 0 ? "M" : "L") + c(x(p.t) + offset) + "," + c(y(p.mean))
        }.joined()
        out += "<path d=\"\(path)\" fill=\"none\" stroke-width=\"1.8\" stroke-linejoin=\"round\"/>\n"
      }
      for p in line.points {
        guard let ci = p.ci, ci > 0 else { continue }
        let px = x(p.t) + offset
        // An interval reaching below the axis is cut there, without a cap.
        let cut = p.mean - ci < yScale.lower
        let low = c(y(max(p.mean - ci, yScale.lower)))
        let high = c(y(p.mean + ci))
        var path = "M\(c(px)),\(low)V\(high)M\(c(px - 3)),\(high)H\(c(px + 3))"
        if !cut { path += "M\(c(px - 3)),\(low)H\(c(px + 3))" }
        out += "<path d=\"\(path)\" fill=\"none\" stroke-width=\"1.2\"/>\n"
      }
      for p in line.points {
        out += marker(s, x: x(p.t) + offset, y: y(p.mean))
      }
      out += "</g>\n"
    }

    // Legend.
    if series.count > 1 {
      let lx = plotRight + 16
      var ly = Self.top + 4
      out += "<g font-size=\"12\">\n"
      if !legendTitle.isEmpty {
        out += "<text x=\"\(c(lx))\" y=\"\(c(ly + 4))\" font-weight=\"bold\">\(e(legendTitle))</text>\n"
        ly += legendRowHeight
      }
      for (s, line) in series.enumerated() {
        let color = SVGPlot.palette[s % SVGPlot.palette.count]
        out += "<g stroke=\"\(color)\" fill=\"\(color)\">"
        out += "<path d=\"M\(c(lx)),\(c(ly))H\(c(lx + 28))\" fill=\"none\" stroke-width=\"1.8\"/>"
        out += marker(s, x: lx + 14, y: ly).dropLast()
        out += "</g>\n"
        out += "<text x=\"\(c(lx + 36))\" y=\"\(c(ly + 4))\" fill=\"#000000\">\(e(line.label))</text>\n"
        ly += legendRowHeight
      }
      out += "</g>\n"
    }
    out += "</svg>\n"
    return out
  }

  /// Marker `index` (shape by series: circle, square, triangle, diamond, inverted triangle, then
  /// the same hollow) centred at (x, y), as one SVG element and a newline.
  func marker(_ index: Int, x: Double, y: Double) -> String {
    let c = SVGPlot.coordinate
    let hollow = (index / 5) % 2 == 1 ? " fill=\"#ffffff\" stroke-width=\"1.5\"" : " stroke-width=\"0.5\""
    switch index % 5 {
    case 0:
      return "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"4\"\(hollow)/>\n"
    case 1:
      return "<rect x=\"\(c(x - 3.5))\" y=\"\(c(y - 3.5))\" width=\"7\" height=\"7\"\(hollow)/>\n"
    case 2:
      return "<path d=\"M\(c(x)),\(c(y - 4.8))L\(c(x + 4.4)),\(c(y + 3.2))L\(c(x - 4.4)),\(c(y + 3.2))Z\"\(hollow)/>\n"
    case 3:
      return
        "<path d=\"M\(c(x)),\(c(y - 5))L\(c(x + 5)),\(c(y))L\(c(x)),\(c(y + 5))L\(c(x - 5)),\(c(y))Z\"\(hollow)/>\n"
    default:
      return "<path d=\"M\(c(x)),\(c(y + 4.8))L\(c(x + 4.4)),\(c(y - 3.2))L\(c(x - 4.4)),\(c(y - 3.2))Z\"\(hollow)/>\n"
    }
  }
}
