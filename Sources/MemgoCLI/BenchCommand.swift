import MemgoCore

/// `memgo bench`: run the built-in benchmarks and print their speed and memory.
enum BenchCommand {
  static let options = [
    OptionSpec(name: "quick", takesValue: false),
    OptionSpec(name: "long", takesValue: false),
    OptionSpec(name: "format", takesValue: true),
  ]

  /// Parses and checks the arguments without running anything; nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> (args: ParsedArguments, format: String)? {
    let args = try ParsedArguments(arguments, command: "bench", options: options)
    if args.flags.contains("help") { return nil }
    guard args.positionals.isEmpty else { throw .usage("bench: unexpected argument '\(args.positionals[0])'") }
    return (args, try args.choice("format", command: "bench", from: ["table", "json"]) ?? "table")
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let (args, format) = try parse(arguments) else {
      Output.write(HelpText.bench)
      return
    }
    let cases = Benchmarks.cases(quick: args.flags.contains("quick"), long: args.flags.contains("long"))
    var measurements: [Benchmarks.Measurement] = []
    for benchmark in cases {
      if format == "table" { Output.error("memgo: bench: running \(benchmark.name) (\(benchmark.summary))") }
      measurements.append(Benchmarks.measure(benchmark))
    }
    Output.write(format == "json" ? json(measurements) : table(measurements))
  }

  static func json(_ measurements: [Benchmarks.Measurement]) -> String {
    var lines = ["{", "  \"memgo\": \"\(memgoVersion)\",", "  \"cases\": ["]
    for (i, m) in measurements.enumerated() {
      lines.append(
        "    {\"name\": \"\(m.name)\", \"accesses\": \(m.accesses), \"events\": \(m.events), "
          + "\"wallSeconds\": \(m.wallSeconds), \"accessesPerWallSecond\": \(m.accessesPerWallSecond.rounded()), "
          + "\"eventsPerWallSecond\": \(m.eventsPerWallSecond.rounded()), "
          + "\"peakResidentBytes\": \(m.peakResidentBytes)}" + (i + 1 < measurements.count ? "," : ""))
    }
    lines += ["  ]", "}", ""]
    return lines.joined(separator: "\n")
  }

  static func table(_ measurements: [Benchmarks.Measurement]) -> String {
    var out = "case                 accesses     events   wall (s)  accesses/s   events/s   peak RSS (MiB)\n"
    for m in measurements {
      out += m.name.padding(18) + String(m.accesses).leftPadded(11) + String(m.events).leftPadded(11)
        + fixed(m.wallSeconds, 2).leftPadded(11) + (fixed(m.accessesPerWallSecond / 1e6, 2) + "M").leftPadded(12)
        + (fixed(m.eventsPerWallSecond / 1e6, 2) + "M").leftPadded(11)
        + fixed(Double(m.peakResidentBytes) / 1_048_576, 1).leftPadded(17) + "\n"
    }
    return out
  }
}

/// `x` with `places` decimals, without Foundation.
func fixed(_ x: Double, _ places: Int) -> String {
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = (abs(x) * scale).rounded()
  guard scaled < 1e18 else { return "\(x)" }
  let whole = Int64(scaled)
  var digits = String(whole)
  if places > 0 {
    while digits.count <= places { digits = "0" + digits }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
  }
  return (x < 0 && whole != 0 ? "-" : "") + digits
}

extension String {
  func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
  func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
