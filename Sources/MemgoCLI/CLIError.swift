import MemgoCore

/// A failure that ends a command, with the exit status SPEC assigns to it.
public struct CLIError: Error, Sendable {
  /// Exit status: 2 for bad usage or invalid input, 1 for any other failure.
  public var status: Int32
  /// One or more lines to print on stderr, each prefixed `memgo: `.
  public var lines: [String]

  /// Bad usage or invalid input (exit 2).
  public static func usage(_ line: String) -> CLIError { CLIError(status: 2, lines: [line]) }
  /// Invalid input with one line per problem (exit 2).
  public static func invalid(_ lines: [String]) -> CLIError { CLIError(status: 2, lines: lines) }
  /// A file that cannot be read or written, or another failure (exit 1).
  public static func failure(_ line: String) -> CLIError { CLIError(status: 1, lines: [line]) }
}

extension CLIError {
  /// A trace that cannot be read or written (exit 1) or is malformed (exit 2).
  init(_ error: TraceError) {
    self = error.kind == .io ? .failure(error.description) : .usage(error.description)
  }
}
