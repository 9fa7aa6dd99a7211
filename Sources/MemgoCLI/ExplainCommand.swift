import MemgoCore

/// `memgo explain --refs 7,0,1,... [--frames N] [--policy P] [--format F]`: run a short reference
/// string through one replacement policy and print the textbook step table (`ExplainResult`).
enum ExplainCommand {
  static let options: [OptionSpec] = [
    OptionSpec(
      "refs", value: "LIST",
      help: "Page numbers separated by commas, each optionally prefixed by W (a write) or R (a read), e.g. "
        + "7,0,1,2,0,3,W0,4",
      values: "0...2^40-1; at most 10000 references"),
    OptionSpec("frames", value: "N", help: "Number of page frames", values: "1...64", default: "3"),
    .choice(
      "policy", value: "P", help: "Replacement policy with its default parameters", choices: PolicyKind.allCases.map(\.rawValue),
      default: "fifo", details: "Time-based parameters count references."),
    .choice("format", help: "Output format", choices: formats, default: "table"),
    .seed(help: "Seed of the random policy", default: "1"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "explain", synopsis: "--refs LIST", summary: "Textbook step table of a reference string under one policy.",
    overview: "Run a short reference string through one replacement policy and print the step table that "
      + "operating-systems textbooks draw: one column per reference, the page in each frame after it, faults "
      + "marked F, victims named, then the fault count. Frames start empty; cold faults count.",
    usage: "explain --refs LIST [--frames N] [--policy P] [--format F]", options: options,
    notes: "EXAMPLE: memgo explain --refs 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 --frames 3 --policy lru\n",
    run: { arguments throws(CLIError) in try main(arguments) })

  /// The output formats.
  static let formats = ["table", "markdown", "json"]

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "explain", options: options)
    if args.flags.contains("help") {
      Output.write(spec.help)
      return
    }
    guard args.positionals.isEmpty else {
      throw .usage(
        "explain: unexpected argument '\(args.positionals[0])' (the references go in --refs, e.g. --refs 7,0,1,2)")
    }
    guard let refsText = args.values["refs"] else {
      throw .usage("explain: missing --refs (expected a comma-separated list of page numbers, e.g. --refs 7,0,1,2,0,3)")
    }
    let format = args.values["format"] ?? "table"
    let policy = PolicyKind(rawValue: args.values["policy"] ?? "fifo")!  // the parser checked the choice
    var frames = 3
    if let text = args.values["frames"] {
      guard let value = Int(text) else {
        throw .usage(
          "explain: --frames: '\(text)' is not a whole number "
            + "(expected a number of frames in 1...\(ExplainResult.frameLimit))")
      }
      frames = value
    }
    var seed: UInt64 = 1
    if let text = args.values["seed"] {
      guard let value = UInt64(text) else {
        throw .usage("explain: --seed '\(text)' is not a whole number in 0...\(UInt64.max)")
      }
      seed = value
    }
    let result: ExplainResult
    do {
      let references = try ExplainReference.parseList(refsText)
      result = try ExplainResult.run(references, frames: frames, policy: policy, seed: seed)
    } catch let error as ExplainError {
      throw .usage("explain: --\(error.message)")
    } catch {
      throw .failure("explain: \(error)")
    }
    switch format {
    case "markdown": Output.write(result.markdown())
    case "json": Output.write(result.json())
    default: Output.write(result.table())
    }
  }
}
