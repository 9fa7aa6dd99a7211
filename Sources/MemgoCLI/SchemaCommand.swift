import MemgoCore

/// `memgo schema [--format json|markdown] [--output FILE]`: the JSON Schema of scenario files, or
/// the README's key table, both generated from the scenario key declarations.
enum SchemaCommand {
  static let formats = ["json", "markdown"]

  static let options: [OptionSpec] = [
    .choice(
      "format", help: "json: the JSON Schema (draft 2020-12); markdown: the README's table of scenario keys",
      choices: formats, default: "json"),
    OptionSpec(
      "output", value: "FILE", help: "Write to FILE (atomically) instead of stdout", values: "a file path",
      default: "stdout", completion: .file(extension: nil)),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "schema", synopsis: "", summary: "Print the JSON Schema of scenario files.",
    overview: "Print the JSON Schema (draft 2020-12) of scenario files, generated from the same key declarations "
      + "the decoder reads, or the README's table of scenario keys.",
    usage: "schema [--format json|markdown] [--output FILE]",
    options: options,
    notes: HelpFormatter.paragraph(
      "Editors validate and complete scenario files with it: a file names it with \"$schema\" (the example "
        + "scenarios name docs/scenario.schema.json), or VS Code maps it with its json.schemas setting. memgo "
        + "ignores \"$schema\". The schema cannot state every rule (exactly one of frames and memory, limits "
        + "that depend on other keys): 'memgo validate' checks them all."),
    check: { arguments throws(CLIError) in _ = try parse(arguments) },
    run: { arguments throws(CLIError) in try main(arguments) })

  /// The format and the output file (nil: stdout), or nil for `--help`.
  static func parse(_ arguments: [String]) throws(CLIError) -> (format: String, output: String?)? {
    let args = try spec.parse(arguments)
    if args.flags.contains("help") { return nil }
    guard args.positionals.isEmpty else {
      throw .usage("schema: expected no arguments, got '\(args.positionals[0])' (usage: memgo \(spec.usage))")
    }
    return (args.values["format"] ?? "json", args.values["output"])
  }

  /// The text of `format`.
  static func text(format: String) -> String {
    format == "markdown" ? ScenarioSchema.markdownKeyTable : ScenarioSchema.jsonSchema
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let (format, output) = try parse(arguments) else { return Output.write(spec.help) }
    guard let output else { return Output.write(text(format: format)) }
    do { try AtomicFile.write(text(format: format), to: output) } catch { throw .failure("\(error)") }
  }
}
