import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// memgo's version, printed by `--version` and recorded in every report.
public let memgoVersion = "0.1.0"

/// Runs memgo with `arguments` (without the program name) and returns the exit status.
public func runMemgo(_ arguments: [String]) -> Int32 {
  do {
    try dispatch(arguments)
    return 0
  } catch {
    for line in error.lines { Output.error("memgo: \(line)") }
    return error.status
  }
}

func dispatch(_ arguments: [String]) throws(CLIError) {
  guard let name = arguments.first else {
    Output.write(HelpFormatter.overview(Commands.all))
    throw .usage("no command given (try 'memgo help')")
  }
  let rest = Array(arguments.dropFirst())
  switch name {
  case "-h", "--help": try HelpCommand.spec.run(rest)
  case "--version", "version": Output.write("memgo \(memgoVersion)\n")
  default: try Commands.find(name).run(rest)
  }
}

/// Writing to stdout and stderr without Foundation's buffering surprises.
enum Output {
  /// Writes `text` to standard output.
  static func write(_ text: String) {
    var text = text
    text.withUTF8 { bytes in writeAll(1, bytes) }
  }

  /// Writes one line to standard error; control characters in it (from a file name or an
  /// argument) are shown escaped, so that one problem is always one line.
  static func error(_ line: String) {
    var text = oneLine(line) + "\n"
    text.withUTF8 { bytes in writeAll(2, bytes) }
  }

  /// Writes `text` to standard error as it is (no newline added).
  static func writeError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in writeAll(2, bytes) }
  }

  /// `line` with line breaks and other control characters (C0 but tab, DEL, C1, U+2028, U+2029)
  /// written as escapes (`\n`, `\u{1B}`).
  static func oneLine(_ line: String) -> String {
    func isControl(_ scalar: Unicode.Scalar) -> Bool {
      (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
        || scalar.value == 0x2028 || scalar.value == 0x2029
    }
    guard line.unicodeScalars.contains(where: isControl) else { return line }
    var escaped = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      default:
        if isControl(scalar) {
          escaped += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }

  static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    guard var base = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let n = Glibc.write(fd, base, left)
      if n < 0 {
        if errno == EINTR { continue }
        return
      }
      base += n
      left -= n
    }
  }
}
