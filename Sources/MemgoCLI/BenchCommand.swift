import MemgoBench
import MemgoCore

/// `memgo bench`: run the built-in benchmarks and print their speed and memory.
enum BenchCommand {
  static let options: [OptionSpec] = [
    OptionSpec("quick", help: "Run short cases (about a tenth of the accesses), for a smoke test"),
    OptionSpec("long", help: "Also run the 100M-access case that shows memory does not grow with run length"),
    .choice("format", help: "Output format", choices: ["table", "json"], default: "table"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "bench", synopsis: "", summary: "Run the built-in performance benchmarks.",
    overview: "Measure memgo's speed on built-in cases (build with -c release to measure).",
    usage: "bench [--quick] [--long] [--format table|json]", options: options,
    notes: HelpFormatter.paragraph(
      "Cases: 'des-zipf-lru' — 8 processes, zipf access, global LRU, 4-level page table, 64-entry 4-way TLB, "
        + "10M page accesses (with --long also 'des-zipf-lru-long', 100M); 'sweep16-jobs1' and 'sweep16-jobs2' — "
        + "the same workload swept over 16 memory sizes (10M page accesses in all), run with one and with two "
        + "worker threads (best of 3 runs each), and their ratio, sweepSpeedup. Reported per case: "
        + "accessesPerWallSecond, eventsPerWallSecond, peakResidentBytes, wallSeconds.")
      + HelpFormatter.paragraph(
        "Trace cases, on a 10M-line plain trace generated in $TMPDIR first (its generation time is reported as "
          + "setupSeconds, not measured; the file is deleted after): 'trace-lru' (LRU at 4096 frames, parsing "
          + "included), 'trace-lru-1-thread' (the same with --jobs 1), 'trace-mrc' (exact LRU miss-ratio curve at "
          + "every size), 'trace-mrc-shards' (the curve sampled at 1%), 'trace-lru-classified' (LRU plus OPT and "
          + "the 3C split). They also report references and referencesPerWallSecond. Every case reports "
          + "cpuSeconds too: on a machine busy with other work, wall time includes waiting for a core."),
    check: { arguments throws(CLIError) in _ = try parse(arguments) }, run: { arguments throws(CLIError) in try main(arguments) })

  /// Parses and checks the arguments without running anything; nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> (args: ParsedArguments, format: String)? {
    let args = try ParsedArguments(arguments, command: "bench", options: options)
    if args.flags.contains("help") { return nil }
    guard args.positionals.isEmpty else { throw .usage("bench: unexpected argument '\(args.positionals[0])'") }
    return (args, args.values["format"] ?? "table")
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let (args, format) = try parse(arguments) else {
      Output.write(spec.help)
      return
    }
    let cases = Benchmarks.cases(quick: args.flags.contains("quick"), long: args.flags.contains("long"))
    let measurements: [Benchmarks.Measurement]
    do {
      measurements = try Benchmarks.run(cases) { message in
        if format == "table" { Output.error("memgo: bench: \(message)") }
      }
    } catch {
      throw .failure("bench: \(error)")
    }
    Output.write(format == "json" ? json(measurements) : table(measurements))
  }

  /// The wall time of the exact MRC case over the single-size LRU case (target: at most 3).
  static func curveRatio(_ measurements: [Benchmarks.Measurement], cpu: Bool = false) -> Double? {
    guard let lru = measurements.first(where: { $0.name == "trace-lru" }),
      let mrc = measurements.first(where: { $0.name == "trace-mrc" })
    else { return nil }
    if cpu { return lru.cpuSeconds > 0 ? mrc.cpuSeconds / lru.cpuSeconds : nil }
    return mrc.wallSeconds / lru.wallSeconds
  }

  static func json(_ measurements: [Benchmarks.Measurement]) -> String {
    var lines = ["{", "  \"memgo\": \"\(memgoVersion)\",", "  \"cases\": ["]
    for (i, m) in measurements.enumerated() {
      lines.append(
        "    {\"name\": \"\(m.name)\", \"accesses\": \(m.accesses), \"events\": \(m.events), "
          + "\"wallSeconds\": \(m.wallSeconds), \"accessesPerWallSecond\": \(m.accessesPerWallSecond.rounded()), "
          + "\"eventsPerWallSecond\": \(m.eventsPerWallSecond.rounded()), "
          + "\"peakResidentBytes\": \(m.peakResidentBytes), \"cpuSeconds\": \(m.cpuSeconds)"
          + (m.references > 0
            ? ", \"references\": \(m.references), "
              + "\"referencesPerWallSecond\": \(m.referencesPerWallSecond.rounded()), "
              + "\"setupSeconds\": \(m.setupSeconds)"
            : "")
          + "}" + (i + 1 < measurements.count ? "," : ""))
    }
    var extras: [String] = []
    if let speedup = Benchmarks.sweepSpeedup(measurements) { extras.append("  \"sweepSpeedup\": \(fixed(speedup, 3))") }
    if let ratio = curveRatio(measurements) { extras.append("  \"mrcToLRUWallRatio\": \(ratio)") }
    lines.append("  ]" + (extras.isEmpty ? "" : ","))
    lines.append(contentsOf: extras.enumerated().map { $0.element + ($0.offset + 1 < extras.count ? "," : "") })
    lines += ["}", ""]
    return lines.joined(separator: "\n")
  }

  static func table(_ measurements: [Benchmarks.Measurement]) -> String {
    var out = "case                    accesses     events   wall (s)  accesses/s   events/s     refs/s"
    out += "    CPU (s)  refs/CPU s   peak RSS (MiB)\n"
    for m in measurements {
      out +=
        m.name.padding(21) + String(m.accesses).leftPadded(11) + String(m.events).leftPadded(11)
        + fixed(m.wallSeconds, 2).leftPadded(11) + (fixed(m.accessesPerWallSecond / 1e6, 2) + "M").leftPadded(12)
        + (fixed(m.eventsPerWallSecond / 1e6, 2) + "M").leftPadded(11)
        + (m.references > 0 ? fixed(m.referencesPerWallSecond / 1e6, 2) + "M" : "-").leftPadded(11)
        + fixed(m.cpuSeconds, 2).leftPadded(11)
        + (m.references > 0 && m.cpuSeconds > 0 ? fixed(Double(m.references) / m.cpuSeconds / 1e6, 2) + "M" : "-")
        .leftPadded(12)
        + fixed(Double(m.peakResidentBytes) / 1_048_576, 1).leftPadded(17) + "\n"
    }
    if let speedup = Benchmarks.sweepSpeedup(measurements) {
      out += "sweep16: --jobs 2 runs \(fixed(speedup, 2))x as fast as --jobs 1\n"
    }
    if let setup = measurements.first(where: { $0.references > 0 })?.setupSeconds {
      out += "(trace cases: generating the trace took \(fixed(setup, 2)) s, not counted above)\n"
    }
    let serve = Benchmarks.serveRates(measurements)
    if !serve.isEmpty {
      out += "serve: requests per wall second with "
        + serve.map { "\($0.clients) client\($0.clients == 1 ? "" : "s"): \(fixed($0.rate / 1e3, 1))k" }.joined(separator: ", ")
        + " (the events/s column)\n"
    }
    if let ratio = curveRatio(measurements) {
      out += "trace-mrc / trace-lru wall time: \(fixed(ratio, 2))x (target: at most 3x)"
      if let cpu = curveRatio(measurements, cpu: true) { out += "; CPU time: \(fixed(cpu, 2))x" }
      out += "\n"
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
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
  func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
