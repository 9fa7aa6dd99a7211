/// The layout of one `SVGPlot` chart: its series in data space, its scales and ticks, and the
/// SVG text that draws them.
extension SVGPlot {
  /// One line: a label and its points, ordered by x.
  struct Series {
    var label: String
    /// x in axis space (logarithm or category index), the mean and the 95% half-width (shown units).
    var points: [(t: Double, mean: Double, ci: Double?)]
  }

  struct Chart {
    var title: String
    var subtitle: String
    var xLabel: String
    var yLabel: String
    var legendTitle: String
    var series: [Series]
    /// The x axis: the swept values (or their logarithms, or category indices) and their ticks.
    var xAxis: PlotAxis
    /// The y axis: the metric in display units, from 0, with nice ticks.
    var yAxis: PlotAxis

    // MARK: Building

    init?(report: Report, metric: Metric) {
      let axes = report.axes
      let sizes = axes.map(\.values.count)
      guard !axes.isEmpty, sizes.allSatisfy({ $0 > 0 }), report.points.count == sizes.reduce(1, *) else { return nil }
      var strides = Array(repeating: 1, count: axes.count)
      for a in stride(from: axes.count - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * sizes[a + 1] }

      // The x axis: the first numeric axis with two distinct values, else the first axis as categories.
      let numeric = axes.map(SVGPlot.numbers(of:))
      let xIndex =
        axes.indices.first { a in
          guard let n = numeric[a] else { return false }
          return Set(n.values).count >= 2
        } ?? 0
      let headers = ReportTables.axisHeaders(axes)
      let xName = SVGPlot.label(ofPath: axes[xIndex].path)
      let swept: PlotAxis.SweptValues
      if let n = numeric[xIndex], Set(n.values).count >= 2 {
        let (scale, symbol) = Chart.displayUnit(for: n.quantity, values: n.values)
        swept = PlotAxis.swept(n.values, displayScale: scale)
        let logScale = swept.scale != .linear
        xLabel =
          switch (symbol.isEmpty, logScale) {
          case (true, false): xName
          case (false, false): "\(xName) (\(symbol))"
          case (true, true): "\(xName) (log scale)"
          case (false, true): "\(xName) (\(symbol), log scale)"
          }
      } else {
        xLabel = xName
        swept = PlotAxis.SweptValues(
          scale: .linear, positions: axes[xIndex].values.indices.map(Double.init),
          ticks: axes[xIndex].values.enumerated().map {
            PlotAxis.Tick(position: Double($0.offset), label: JSONWriter.text($0.element))
          })
      }
      let positions = swept.positions
      xAxis = swept.axis

      // The y values in display units.
      let means = report.points.map { $0.metrics[metric].mean }
      var unit = DisplayUnit.choose(for: metric.unit, values: means)
      var symbol = unit.symbol
      if metric.unit != .seconds && metric.unit != .fraction {
        let largest = means.map { abs($0) * unit.scale }.max() ?? 0
        for (factor, prefix, word) in [(1e9, "G", "billions"), (1e6, "M", "millions"), (1e3, "k", "thousands")]
        where largest >= 10 * factor {
          unit.scale /= factor
          symbol = symbol.isEmpty ? word : prefix + symbol
          break
        }
      }
      yLabel = symbol.isEmpty ? metric.label : "\(metric.label) (\(symbol))"

      // One series per combination of the other axes, in enumeration order.
      let others = axes.indices.filter { $0 != xIndex }
      let combinations = others.reduce(1) { $0 * sizes[$1] }
      var series: [Series] = []
      var lowest = 0.0
      var highest = 0.0
      for c in 0..<combinations {
        var rest = c
        var coordinates = Array(repeating: 0, count: axes.count)
        for a in others.reversed() {
          coordinates[a] = rest % sizes[a]
          rest /= sizes[a]
        }
        let label = others.map { a -> String in
          let value = JSONWriter.text(axes[a].values[coordinates[a]])
          return others.count == 1 ? value : "\(headers[a])=\(value)"
        }.joined(separator: ", ")
        var points: [(t: Double, mean: Double, ci: Double?)] = []
        for i in 0..<sizes[xIndex] {
          coordinates[xIndex] = i
          let p = zip(coordinates, strides).reduce(0) { $0 + $1.0 * $1.1 }
          let summary = report.points[p].metrics[metric]
          let mean = summary.mean * unit.scale
          guard mean.isFinite, positions[i].isFinite else { continue }
          let ci = summary.ci95.flatMap { $0.isFinite ? $0 * unit.scale : nil }
          points.append((positions[i], mean, ci))
          lowest = min(lowest, mean - (ci ?? 0))
          highest = max(highest, mean + (ci ?? 0))
        }
        points.sort { $0.t < $1.t }
        series.append(Series(label: label, points: points))
      }
      self.series = series
      // Every metric is non-negative: the axis starts at 0 and intervals are cut there. A little
      // headroom keeps the highest marker off the frame; fractions stop at 100% where they can.
      var scale = NiceScale(minimum: max(0, lowest), maximum: highest + 0.03 * (highest - max(0, lowest)), ticks: 6)
      if metric.unit == .fraction && highest <= 100 && scale.upper > 100 {
        scale.upper = (100 / scale.step).rounded(.up) * scale.step
      }
      yAxis = PlotAxis(scale)
      legendTitle = others.count == 1 ? headers[others[0]] : ""

      let n = report.points.map(\.replications).max() ?? 0
      title = "\(report.scenario): \(metric.label) vs \(xName)"
      subtitle =
        n > 1
        ? "Mean ± 95% confidence interval (Student t) over \(n) replications; seed \(report.seed)"
        : "One replication (no confidence interval); seed \(report.seed)"
    }

    /// The display scale and symbol of x values measured in `quantity`.
    static func displayUnit(for quantity: Quantity, values: [Double]) -> (scale: Double, symbol: String) {
      switch quantity {
      case .plain:
        return (1, "")
      case .seconds:
        let unit = DisplayUnit.choose(for: .seconds, values: values)
        return (unit.scale, unit.symbol)
      case .bytes:
        let smallest = values.filter { $0 > 0 }.min() ?? 0
        for (shift, symbol) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where smallest >= Double(Int64(1) << shift) {
          return (1 / Double(Int64(1) << shift), symbol)
        }
        return (1, "B")
      }
    }
  }
}
