/// The x axis of a sweep chart (`SVGPlot`): the swept values of one numeric axis, on a scale
/// chosen from their spread.
extension PlotAxis {
  /// Where swept values sit on a chart's x axis and the ticks that label them.
  struct SweptValues: Sendable, Equatable {
    /// Linear, or logarithmic in base 2 or 10.
    var scale: Scale
    /// Each value's position in axis space, in the order given.
    var positions: [Double]
    var ticks: [Tick]

    /// The axis over the positions, padded by 6% of their span on each side (half a unit for
    /// one position) so that no marker sits on the frame.
    var axis: PlotAxis {
      let low = positions.min() ?? 0
      let high = positions.max() ?? 1
      let pad = high > low ? (high - low) * 0.06 : 0.5
      return PlotAxis(scale: scale, low: low - pad, high: high + pad, ticks: ticks)
    }
  }

  /// The x axis over `values` (at least two distinct), labelled in display units (`displayScale`
  /// times each value). Positive values spanning a factor of 16 or more go on a logarithmic axis,
  /// in base 2 when all are powers of two (three or more spanning a factor of 4 already make
  /// the axis logarithmic), else base 10; up to 12 distinct values get a tick each, more get a
  /// tick at each whole power. Otherwise the axis is linear: up to 10 distinct values at least 6%
  /// of the span apart get a tick each, others get nice ticks (`NiceScale`, about 6) within 5% of
  /// the span beyond the values.
  static func swept(_ values: [Double], displayScale scale: Double) -> SweptValues {
    let positive = values.allSatisfy { $0 > 0 }
    let ratio = positive ? (values.max() ?? 1) / (values.min() ?? 1) : 0
    let powersOfTwo =
      positive && values.allSatisfy { v in v == v.rounded() && v < 9e15 && Int64(v).nonzeroBitCount == 1 }
    let distinct = Array(Set(values)).sorted()
    if positive && (ratio >= 16 || (powersOfTwo && ratio >= 4 && distinct.count >= 3)) {
      let base = powersOfTwo ? 2.0 : 10.0
      let positions = values.map { logarithm($0, base: base) }
      let ticks: [Tick]
      if distinct.count <= 12 {
        ticks = distinct.map { Tick(position: logarithm($0, base: base), label: shortNumber($0 * scale)) }
      } else {
        let low = positions.min() ?? 0
        let high = positions.max() ?? 1
        // A tolerance keeps log10(1e-6) = -5.999999999999999 from losing its tick.
        ticks = stride(from: (low - 1e-9).rounded(.up), through: (high + 1e-9).rounded(.down), by: 1).map { k in
          Tick(position: k, label: shortNumber(power(base, k) * scale))
        }
      }
      return SweptValues(scale: .logarithmic(base: base), positions: positions, ticks: ticks)
    }
    let low = values.min() ?? 0
    let high = values.max() ?? 1
    let gaps = zip(distinct.dropFirst(), distinct).map { $0 - $1 }
    let ticks: [Tick]
    if distinct.count <= 10 && (gaps.min() ?? 0) >= 0.06 * (high - low) {
      // Few, well separated values: a tick at each swept value.
      ticks = distinct.map { Tick(position: $0, label: shortNumber($0 * scale)) }
    } else {
      let nice = NiceScale(minimum: low, maximum: high, ticks: 6)
      let slack = (high - low) * 0.05
      ticks = nice.values.filter { $0 >= low - slack - 1e-12 && $0 <= high + slack + 1e-12 }.map { v in
        Tick(position: v, label: NumberFormat.fixed(v * scale, decimals: NiceScale.decimals(ofStep: nice.step * scale)))
      }
    }
    return SweptValues(scale: .linear, positions: values, ticks: ticks)
  }
}
