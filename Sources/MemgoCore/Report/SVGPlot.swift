/// Renders a sweep's report as an SVG line chart for papers: one metric (the fault rate unless
/// told otherwise) against the numeric swept parameter, one line per value of the other
/// parameters, with 95% confidence intervals as error bars, axes with units, ticks, a legend and a
/// title. Hand-written SVG 1.1 in a fixed layout, with every coordinate printed to two decimals,
/// so the same report always gives the same bytes.
///
/// The x axis is the first swept parameter whose values are all numbers, sizes (`"64MiB"`) or
/// durations (`"5ms"`); it is logarithmic when the values are positive and span a factor of 16 or
/// more, or are three or more powers of two spanning a factor of 4 (then base 2), with ticks at the
/// swept values. Without such a
/// parameter, the first one is drawn as categories. Series are told apart by colour (the
/// Okabe–Ito palette, safe for colour-blind readers) and by marker shape (for grey-scale print);
/// error bars of different series at one x are spread a few pixels apart so none hides another.
public enum SVGPlot {
  /// The image's width in pixels.
  public static let width = 720.0
  /// The image's height in pixels.
  public static let height = 440.0

  static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
  static let font = "Helvetica, Arial, sans-serif"

  /// The chart of `metric` over `report`'s sweep, or nil when the report has no sweep axis.
  public static func render(_ report: Report, metric: Metric = .faultRate) -> String? {
    guard let chart = Chart(report: report, metric: metric) else { return nil }
    return chart.svg()
  }

  // MARK: - Values of the swept parameters

  /// How the values of a numeric axis are measured.
  enum Quantity {
    case plain
    case bytes
    case seconds
  }

  /// The values of `axis` as numbers (sizes in bytes, durations in seconds), or nil if one is not.
  static func numbers(of axis: SweepAxis) -> (values: [Double], quantity: Quantity)? {
    if axis.values.allSatisfy({ if case .number = $0 { return true } else { return false } }) {
      let values = axis.values.compactMap { try? $0.doubleValue() }
      return values.count == axis.values.count ? (values, .plain) : nil
    }
    let texts = axis.values.compactMap { value -> String? in
      if case .string(let s) = value { return s }
      return nil
    }
    guard texts.count == axis.values.count, !texts.isEmpty else { return nil }
    let sizes = texts.compactMap { try? Units.parseSize($0) }
    if sizes.count == texts.count { return (sizes.map(Double.init), .bytes) }
    let durations = texts.compactMap { try? Units.parseDuration($0) }
    if durations.count == texts.count { return (durations.map(\.seconds), .seconds) }
    return nil
  }

  /// A human label for a swept path: its last key with camel case split (`writeFraction` → `write
  /// fraction`), after its parent's key unless that is `machine` or an array element.
  static func label(ofPath path: String) -> String {
    guard let parsed = JSONPath(parsing: path) else { return path }
    let keys = parsed.components.compactMap { component -> String? in
      if case .key(let key) = component { return key }
      return nil
    }
    guard let last = keys.last else { return path }
    var words = humanize(last)
    if keys.count >= 2 {
      let parent = keys[keys.count - 2]
      if !["machine", "processes", "replacement", "access"].contains(parent) {
        words = humanize(parent) + " " + words
      }
    }
    return words
  }

  /// `diskRead` → `disk read`, `tlb` → `TLB`, `cpus` → `CPUs`.
  static func humanize(_ key: String) -> String {
    switch key {
    case "tlb": return "TLB"
    case "cpus": return "CPUs"
    case "pageSize": return "page size"
    default: break
    }
    var words = ""
    for character in key {
      if character.isUppercase, !words.isEmpty {
        words += " " + character.lowercased()
      } else {
        words.append(character)
      }
    }
    return words
  }
}
