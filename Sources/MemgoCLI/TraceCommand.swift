import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `memgo trace TRACEFILE [options]`: replay a memory trace against replacement policies at
/// several memory sizes, without timing, and print fault counts, their classification, Belady
/// anomalies and, with `--mrc`, the LRU miss-ratio curve.
enum TraceCommand {
  static let options: [OptionSpec] = [
    .choice(
      "trace-format", help: "The trace's format", choices: TraceFormat.allCases.map(\.rawValue),
      default: "auto, detected from the first lines"),
    OptionSpec(
      "page-size", value: "SIZE", help: "Bytes per page, a power of two", values: "1B...256TiB", default: "4KiB"),
    OptionSpec(
      "frames", value: "LIST|A..B", help: "Memory sizes in frames: a list, or every size from A to B",
      values: "1...2147483647, e.g. 64,128,256 or 1..64", default: "none, required unless --mrc"),
    OptionSpec(
      "policy", value: "LIST", help: "Policies to replay at every size",
      values: PolicyKind.allCases.map(\.rawValue).joined(separator: ", ") + ", or all", default: "lru",
      completion: .choices(PolicyKind.allCases.map(\.rawValue) + ["all"])),
    OptionSpec(
      "mrc",
      help: "Also compute LRU's fault rate at every size from 1 frame to the number of distinct pages, in one "
        + "pass (Mattson stack distances)"),
    OptionSpec(
      "sample", value: "R", help: "Build the --mrc curve from a spatial sample of the pages (SHARDS) at rate R; "
        + "implies --mrc", values: "0.0000001...1", default: "1, exact"),
    OptionSpec(
      "no-classify", help: "Skip the compulsory/capacity/policy split",
      details: "The split runs OPT at every size, with two extra passes over an 8-byte-per-access scratch file: "
        + "on bench/trace's 10M-line zipf trace with one LRU size, about twice the instructions and 2-4 times "
        + "the wall time of LRU alone."),
    OptionSpec("no-instructions", help: "Drop instruction fetches (lackey I, din 2) instead of reading them"),
    OptionSpec(
      "skip-bad-lines",
      help: "Count and skip malformed lines (warning on stderr) instead of stopping at the first one"),
    .seed(help: "Seed of the random policy", default: "1"),
    .jobs(
      help: "Threads: 2 or more reads and parses the trace on a second thread while the replays run; 1 does "
        + "both on one", default: "2, or 1 on a single core", details: "Output is the same."),
    .reportFormat(help: "Output format on stdout"),
    OptionSpec(
      "out", value: "DIR",
      help: "Also write DIR/NAME.md, NAME.json, NAME.csv and, with --mrc, NAME-mrc.csv, NAME-mrc.json and "
        + "NAME-mrc.svg (NAME: the trace's file name without extension)", completion: .directory),
    OptionSpec("quiet", help: "Print nothing on stdout (use with --out)"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "trace", synopsis: "TRACEFILE",
    summary: "Replay a memory trace: faults per policy and size, miss-ratio curve.",
    overview: "Replay a memory trace against replacement policies at several memory sizes, without timing: "
      + "faults, fault rates and dirty evictions for every (policy, frames) pair, the faults split into "
      + "compulsory, capacity and policy faults, Belady anomalies, and the LRU miss-ratio curve.",
    usage: "trace TRACEFILE [options]",
    arguments: [
      ArgumentSpec(
        name: "TRACEFILE",
        help: "A valgrind lackey (--trace-mem=yes), Dinero din or plain trace (see docs/traces.md).",
        completion: .file(extension: nil))
    ],
    options: options,
    notes: HelpFormatter.paragraph(
      "The trace is read once; OPT replays a compact copy of it written to $TMPDIR (deleted when done). Exit "
        + "status 2 for a malformed line (named by its line number) or a bad option, 1 if the trace cannot be "
        + "read."),
    run: { arguments throws(CLIError) in try main(arguments) })

  /// The most memory sizes `--frames` may list or span.
  static let maximumSizes = 1 << 20

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "trace", options: options)
    if args.flags.contains("help") {
      Output.write(spec.help)
      return
    }
    guard args.positionals.count == 1 else {
      throw .usage(
        "trace: expected one trace file, got \(args.positionals.count) (usage: memgo trace TRACEFILE [options])")
    }
    let path = args.positionals[0]
    let format = ReportFormat(
      rawValue: args.values["format"] ?? "table")!
    let analysisOptions = try analysisOptions(args)

    let analysis: TraceAnalysis
    do {
      analysis = try TraceAnalysis(path: path, options: analysisOptions)
    } catch {
      throw CLIError(error)
    }
    if analysis.skippedLines > 0 {
      Output.error("memgo: \(path): warning: skipped \(analysis.skippedLines) malformed line(s) (--skip-bad-lines)")
    }
    if let directory = args.values["out"] {
      try writeFiles(analysis, name: fileName(path), to: directory)
    }
    if !args.flags.contains("quiet") {
      switch format {
      case .table: Output.write(analysis.plainText())
      case .markdown: Output.write(analysis.markdown())
      case .csv: Output.write(analysis.csv())
      case .json: Output.write(analysis.json())
      }
    }
  }

  /// The analysis the options ask for, every value checked.
  static func analysisOptions(_ args: ParsedArguments) throws(CLIError) -> TraceAnalysisOptions {
    var options = TraceAnalysisOptions()
    options.format = TraceFormat(rawValue: args.values["trace-format"] ?? "auto")!
    options.reader.skipBadLines = args.flags.contains("skip-bad-lines")
    options.noInstructions = args.flags.contains("no-instructions")
    options.classify = !args.flags.contains("no-classify")
    if let text = args.values["page-size"] {
      let size: Int64
      do { size = try Units.parseSize(text) } catch {
        throw .usage("trace: --page-size '\(text)': \(error.message)")
      }
      guard size >= 1, size & (size - 1) == 0 else {
        throw .usage("trace: --page-size '\(text)' is not a power of two (expected e.g. 4KiB, 2MiB, 64B)")
      }
      options.pageSize = Int(size)
    }
    let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    options.threads = try args.integer("jobs", command: "trace", in: 1...4096) ?? (cores >= 2 ? 2 : 1)
    if let text = args.values["seed"] {
      guard let seed = UInt64(text) else {
        throw .usage("trace: --seed '\(text)' is not a whole number in 0...\(UInt64.max)")
      }
      options.seed = seed
    }
    var wantsCurve = args.flags.contains("mrc")
    if let text = args.values["sample"] {
      guard let rate = Double(text), let sampler = SpatialSampler(rate: rate) else {
        throw .usage("trace: --sample '\(text)' is not a sampling rate (expected a number in 0.0000001...1, e.g. 0.01)")
      }
      options.curveSampler = sampler
      wantsCurve = true
    } else if wantsCurve {
      options.curveSampler = .everyPage
    }
    if let text = args.values["frames"] {
      options.frames = try frames(text)
    } else if !wantsCurve {
      throw .usage("trace: give the memory sizes with --frames (e.g. --frames 64,128,256 or --frames 1..64), or --mrc")
    }
    if let text = args.values["policy"] {
      guard args.values["frames"] != nil else {
        throw .usage("trace: --policy needs --frames (the --mrc curve is LRU's)")
      }
      options.policies = try policies(text)
    }
    if let problem = options.problem() { throw .usage("trace: \(problem)") }
    return options
  }

  /// `--frames`: `64,128,256` or `A..B` (every size from A to B).
  static func frames(_ text: String) throws(CLIError) -> [Int] {
    func size(_ part: Substring) throws(CLIError) -> Int {
      guard let value = Int(part.trimmingSpaces), value >= 1, value <= Int(Int32.max) else {
        throw .usage(
          "trace: --frames '\(text)': '\(part)' is not a memory size (expected whole numbers of frames in "
            + "1...\(Int32.max), e.g. 64,128,256 or 1..64)")
      }
      return value
    }
    if let range = text.firstRange(of: "..") {
      let low = try size(text[..<range.lowerBound])
      let high = try size(text[range.upperBound...])
      guard low <= high else {
        throw .usage("trace: --frames '\(text)': the range is empty (expected A..B with A <= B)")
      }
      guard high - low < maximumSizes else {
        throw .usage("trace: --frames '\(text)': more than \(maximumSizes) sizes (expected a shorter range)")
      }
      return Array(low...high)
    }
    var sizes: [Int] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let value = try size(part)
      if !sizes.contains(value) { sizes.append(value) }
      guard sizes.count <= maximumSizes else {
        throw .usage("trace: --frames: more than \(maximumSizes) sizes (expected fewer)")
      }
    }
    return sizes
  }

  /// `--policy`: names from `PolicyKind`, comma-separated, or `all`.
  static func policies(_ text: String) throws(CLIError) -> [PolicyKind] {
    let names = PolicyKind.allCases.map(\.rawValue)
    if text == "all" { return PolicyKind.allCases }
    var list: [PolicyKind] = []
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let name = String(part.trimmingSpaces).lowercased()
      guard let kind = PolicyKind(rawValue: name) else {
        let hint = nearestName(name, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        throw .usage(
          "trace: --policy '\(part)' is not a policy\(hint) (expected some of \(names.joined(separator: ", ")), "
            + "or all)")
      }
      if !list.contains(kind) { list.append(kind) }
    }
    return list
  }

  /// The trace's base name without its last extension, for output files (`a/ls.trace` → `ls`).
  static func fileName(_ path: String) -> String {
    var name = Substring(path)
    while name.count > 1 && name.hasSuffix("/") { name = name.dropLast() }
    if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
    return name.isEmpty || name == "." || name == ".." ? "trace" : String(name)
  }

  /// Writes NAME.md, NAME.json, NAME.csv (with results) and NAME-mrc.csv/json/svg (with a curve),
  /// each atomically.
  static func writeFiles(_ analysis: TraceAnalysis, name: String, to directory: String) throws(CLIError) {
    var files: [(String, String)] = [("\(name).md", analysis.markdown()), ("\(name).json", analysis.json())]
    if !analysis.results.isEmpty { files.append(("\(name).csv", analysis.resultsTable(machineNames: true).csvText())) }
    if let csv = analysis.curveCSV(), let json = analysis.curveJSON(), let svg = analysis.curveSVG() {
      files += [("\(name)-mrc.csv", csv), ("\(name)-mrc.json", json), ("\(name)-mrc.svg", svg)]
    }
    do {
      try AtomicFile.createDirectory(directory)
      for (file, text) in files { try AtomicFile.write(text, to: "\(directory)/\(file)") }
    } catch {
      throw .failure("\(error)")
    }
  }
}

extension Substring {
  /// Without leading and trailing spaces.
  fileprivate var trimmingSpaces: Substring {
    var s = self
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return s
  }
}
