/// The one way memgo writes SVG: the document's frame (XML declaration, `<svg>` with its size and
/// font, `<title>`, a white page), the elements the plots draw, the one coordinate format (two
/// decimals, trailing zeros dropped) and XML escaping. Every plot (`SVGPlot`, `ErrorBarPlot`,
/// `MissRatioPlot`) draws through it, so they look alike and are deterministic: the same plot
/// always gives the same bytes.
///
/// Elements are returned as text, one per line; `attributes` is the rest of the element's
/// attributes, written as given after the geometry (e.g. ` stroke="#000000"`).
enum SVGCanvas {
  /// The start of a document of `width` × `height` pixels titled `title` (the `<title>` element,
  /// which viewers show as the tooltip), in `font`, on a white page.
  static func begin(width: Double, height: Double, title: String, font: String) -> String {
    let c = coordinate
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(c(width))\" "
    out += "height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" "
    out += "font-family=\"\(font)\">\n"
    out += "<title>\(escape(title))</title>\n"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    return out
  }

  /// The end of a document.
  static let end = "</svg>\n"

  /// A line from (x1, y1) to (x2, y2).
  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attributes: String = "") -> String {
    let c = coordinate
    return "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\"\(attributes)/>\n"
  }

  /// `content` (escaped) at (x, y).
  static func text(_ x: Double, _ y: Double, _ content: String, _ attributes: String = "") -> String {
    "<text x=\"\(coordinate(x))\" y=\"\(coordinate(y))\"\(attributes)>\(escape(content))</text>\n"
  }

  /// `content` (escaped) centred at (x, y) and turned a quarter left: a vertical axis's label.
  static func verticalText(_ x: Double, _ y: Double, _ content: String, _ attributes: String = "") -> String {
    let (cx, cy) = (coordinate(x), coordinate(y))
    return "<text x=\"\(cx)\" y=\"\(cy)\"\(attributes) text-anchor=\"middle\" transform=\"rotate(-90 \(cx) \(cy))\">"
      + "\(escape(content))</text>\n"
  }

  /// A path with the data `d` (`PathData`).
  static func path(_ d: PathData, _ attributes: String = "") -> String {
    "<path d=\"\(d.text)\"\(attributes)/>\n"
  }

  /// A circle of radius `r` centred at (cx, cy).
  static func circle(_ cx: Double, _ cy: Double, r: Double, _ attributes: String = "") -> String {
    "<circle cx=\"\(coordinate(cx))\" cy=\"\(coordinate(cy))\" r=\"\(coordinate(r))\"\(attributes)/>\n"
  }

  /// A rectangle with its top left corner at (x, y).
  static func rect(_ x: Double, _ y: Double, width: Double, height: Double, _ attributes: String = "") -> String {
    let c = coordinate
    return "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(height))\"\(attributes)/>\n"
  }

  /// The data of an SVG path: absolute moves and lines in the canvas's coordinate format.
  struct PathData {
    private(set) var text = ""
    init() {}
    /// Starts a subpath at (x, y).
    mutating func move(_ x: Double, _ y: Double) { text += "M\(coordinate(x)),\(coordinate(y))" }
    /// A straight line to (x, y).
    mutating func line(_ x: Double, _ y: Double) { text += "L\(coordinate(x)),\(coordinate(y))" }
    /// A horizontal line to x.
    mutating func horizontal(_ x: Double) { text += "H\(coordinate(x))" }
    /// A vertical line to y.
    mutating func vertical(_ y: Double) { text += "V\(coordinate(y))" }
    /// Closes the subpath.
    mutating func close() { text += "Z" }
  }

  /// The one coordinate format: `x` to two decimals without trailing zeros (`12.5`, `3`, `-0.25`).
  static func coordinate(_ x: Double) -> String {
    let text = NumberFormat.withoutTrailingZeros(NumberFormat.fixed(x, decimals: 2))
    return text == "-0" ? "0" : text
  }

  /// `text` with the XML special characters escaped and control characters made spaces.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default:
        if let ascii = character.asciiValue, ascii < 0x20 { out += " " } else { out.append(character) }
      }
    }
    return out
  }
}
