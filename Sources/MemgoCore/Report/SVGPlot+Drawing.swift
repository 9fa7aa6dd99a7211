/// The SVG text of an `SVGPlot` chart: a white page, the title, the plot frame with grid lines
/// and ticks, the axis labels, each series (line, error bars, markers) and the legend, drawn on
/// the shared `SVGCanvas` over the chart's `PlotAxis`es.
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

  /// The page x of axis position `t`.
  func x(_ t: Double) -> Double { xAxis.pixel(position: t, from: Self.left, to: plotRight) }

  /// The page y of the value `v`.
  func y(_ v: Double) -> Double { yAxis.pixel(position: v, from: plotBottom, to: Self.top) }

  // MARK: Drawing

  func svg() -> String {
    typealias Canvas = SVGCanvas
    var out = Canvas.begin(width: SVGPlot.width, height: SVGPlot.height, title: title, font: SVGPlot.font)
    out += Canvas.text(Self.left, 28, title, " font-size=\"16\" font-weight=\"bold\" fill=\"#000000\"")
    out += Canvas.text(Self.left, 47, subtitle, " font-size=\"12\" fill=\"#444444\"")

    // Grid lines and y ticks.
    out += "<g font-size=\"12\" fill=\"#000000\">\n"
    for tick in yAxis.ticks {
      let py = y(tick.position)
      out += Canvas.line(Self.left, py, plotRight, py, " stroke=\"#e3e3e3\" stroke-width=\"1\"")
      out += Canvas.line(Self.left - 5, py, Self.left, py, " stroke=\"#000000\"")
      out += Canvas.text(Self.left - 8, py + 4, tick.label, " text-anchor=\"end\"")
    }
    // x ticks.
    for tick in xAxis.ticks where xAxis.shows(position: tick.position) {
      let px = x(tick.position)
      out += Canvas.line(px, plotBottom, px, plotBottom + 5, " stroke=\"#000000\"")
      out += Canvas.text(px, plotBottom + 20, tick.label, " text-anchor=\"middle\"")
    }
    out += "</g>\n"
    // The frame: left and bottom axes.
    var frame = Canvas.PathData()
    frame.move(Self.left, Self.top - 4)
    frame.vertical(plotBottom)
    frame.horizontal(plotRight)
    out += Canvas.path(frame, " fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"")
    // Axis labels.
    out += Canvas.text((Self.left + plotRight) / 2, SVGPlot.height - 16, xLabel, " font-size=\"13\" text-anchor=\"middle\"")
    out += Canvas.verticalText(22, (Self.top + plotBottom) / 2, yLabel, " font-size=\"13\"")

    // Series: lines, then error bars, then markers on top.
    let dodge = series.count > 1 ? min(4, 24 / Double(series.count)) : 0
    for (s, line) in series.enumerated() {
      let color = SVGPlot.palette[s % SVGPlot.palette.count]
      let offset = (Double(s) - Double(series.count - 1) / 2) * dodge
      out += "<g stroke=\"\(color)\" fill=\"\(color)\">\n"
      if line.points.count > 1 {
        var path = Canvas.PathData()
        for (i, p) in line.points.enumerated() {
          if i == 0 { path.move(x(p.t) + offset, y(p.mean)) } else { path.line(x(p.t) + offset, y(p.mean)) }
        }
        out += Canvas.path(path, " fill=\"none\" stroke-width=\"1.8\" stroke-linejoin=\"round\"")
      }
      for p in line.points {
        guard let ci = p.ci, ci > 0 else { continue }
        let px = x(p.t) + offset
        // An interval reaching below the axis is cut there, without a cap.
        let cut = p.mean - ci < yAxis.low
        let low = y(max(p.mean - ci, yAxis.low))
        let high = y(p.mean + ci)
        var bar = Canvas.PathData()
        bar.move(px, low)
        bar.vertical(high)
        bar.move(px - 3, high)
        bar.horizontal(px + 3)
        if !cut {
          bar.move(px - 3, low)
          bar.horizontal(px + 3)
        }
        out += Canvas.path(bar, " fill=\"none\" stroke-width=\"1.2\"")
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
        out += Canvas.text(lx, ly + 4, legendTitle, " font-weight=\"bold\"")
        ly += legendRowHeight
      }
      for (s, line) in series.enumerated() {
        let color = SVGPlot.palette[s % SVGPlot.palette.count]
        var sample = Canvas.PathData()
        sample.move(lx, ly)
        sample.horizontal(lx + 28)
        out += "<g stroke=\"\(color)\" fill=\"\(color)\">"
        out += Canvas.path(sample, " fill=\"none\" stroke-width=\"1.8\"").dropLast()
        out += marker(s, x: lx + 14, y: ly).dropLast()
        out += "</g>\n"
        out += Canvas.text(lx + 36, ly + 4, line.label, " fill=\"#000000\"")
        ly += legendRowHeight
      }
      out += "</g>\n"
    }
    out += Canvas.end
    return out
  }

  /// Marker `index` (shape by series: circle, square, triangle, diamond, inverted triangle, then
  /// the same hollow) centred at (x, y), as one SVG element and a newline.
  func marker(_ index: Int, x: Double, y: Double) -> String {
    let hollow = (index / 5) % 2 == 1 ? " fill=\"#ffffff\" stroke-width=\"1.5\"" : " stroke-width=\"0.5\""
    var shape = SVGCanvas.PathData()
    switch index % 5 {
    case 0:
      return SVGCanvas.circle(x, y, r: 4, hollow)
    case 1:
      return SVGCanvas.rect(x - 3.5, y - 3.5, width: 7, height: 7, hollow)
    case 2:
      shape.move(x, y - 4.8)
      shape.line(x + 4.4, y + 3.2)
      shape.line(x - 4.4, y + 3.2)
    case 3:
      shape.move(x, y - 5)
      shape.line(x + 5, y)
      shape.line(x, y + 5)
      shape.line(x - 5, y)
    default:
      shape.move(x, y + 4.8)
      shape.line(x + 4.4, y - 3.2)
      shape.line(x - 4.4, y - 3.2)
    }
    shape.close()
    return SVGCanvas.path(shape, hollow)
  }
}
