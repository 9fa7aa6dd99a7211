import MemgoCore

/// A command line split into options and positional arguments, checked against a command's
/// option list: unknown options are usage errors that suggest the nearest known one.
struct ParsedArguments {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []

  init(_ arguments: [String], command: String, options: [OptionSpec]) throws(CLIError) {
    var i = 0
    var onlyPositionals = false
    while i < arguments.count {
      let argument = arguments[i]
      i += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      if argument == "-h" {
        flags.insert("help")
        continue
      }
      guard argument.hasPrefix("--") else {
        throw .usage("\(command): unknown option '\(argument)' (options start with --; see 'memgo help \(command)')")
      }
      var name = String(argument.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if name == "help" {
        flags.insert("help")
        continue
      }
      guard let spec = options.first(where: { $0.name == name }) else {
        let known = options.map(\.name) + ["help"]
        let hint = nearestName(name, in: known).map { " (did you mean '--\($0)'?)" } ?? ""
        throw .usage("\(command): unknown option '--\(name)'\(hint)")
      }
      if spec.takesValue {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else {
          guard i < arguments.count else { throw .usage("\(command): option '--\(name)' needs a value") }
          value = arguments[i]
          i += 1
        }
        if let choices = spec.choices, !choices.contains(value) {
          let hint = nearestName(value, in: choices).map { " (did you mean '\($0)'?)" } ?? ""
          throw .usage("\(command): --\(name) '\(value)' is not one of \(choices.joined(separator: ", "))\(hint)")
        }
        values[name] = value
      } else {
        guard inlineValue == nil else { throw .usage("\(command): option '--\(name)' takes no value") }
        flags.insert(name)
      }
    }
  }

  /// The value of `--name` as a whole number in `range`, or nil if absent.
  func integer(_ name: String, command: String, in range: ClosedRange<Int>) throws(CLIError) -> Int? {
    guard let text = values[name] else { return nil }
    guard let value = Int(text), range.contains(value) else {
      throw .usage("\(command): --\(name) '\(text)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
    }
    return value
  }
}
