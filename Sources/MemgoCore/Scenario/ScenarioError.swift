/// One problem in a scenario file: the file, where in it (a JSON path), and what is wrong.
///
/// `description` is the line the CLI prints after its `memgo: ` prefix:
/// `scenarios/x.json: machine.tlb.ways: 3 does not divide entries (64)`; a problem with the whole
/// file (unparsable JSON, too large) has the empty path and reads `FILE: message`.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, as the user named it.
  public var file: String
  /// Where the problem is; empty for the whole file.
  public var path: JSONPath
  /// What is wrong and, in parentheses, what is expected.
  public var message: String
  /// The problem's position in file order (member and element indices along the path), for sorting.
  var order: [Int]

  /// Creates a problem in `file` at `path` saying `message`.
  public init(file: String, path: JSONPath, message: String) {
    self.file = file
    self.path = path
    self.message = message
    self.order = []
  }

  init(file: String, path: JSONPath, order: [Int], message: String) {
    self.file = file
    self.path = path
    self.message = message
    self.order = order
  }

  /// `FILE: PATH: message`, or `FILE: message` for the empty path.
  public var description: String {
    path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
  }

  /// Problems are equal when they name the same file, path and message (file order aside).
  public static func == (a: ScenarioError, b: ScenarioError) -> Bool {
    a.file == b.file && a.path == b.path && a.message == b.message
  }

  /// Whether `a` comes before `b` in file order.
  static func inFileOrder(_ a: ScenarioError, _ b: ScenarioError) -> Bool {
    a.order.lexicographicallyPrecedes(b.order)
  }
}

/// Why a scenario file could not be loaded.
///
/// The CLI prints each of `lines` to stderr after `memgo: ` and exits with `exitStatus`.
public enum ScenarioLoadError: Error, Sendable, CustomStringConvertible {
  /// The file could not be read (missing, a directory, unreadable): the message names the file and
  /// the reason, e.g. `x.json: cannot open: No such file or directory`. Exit status 1.
  case io(String)
  /// The file was read but is not a valid scenario: every problem found, in file order. Exit status 2.
  case invalid([ScenarioError])

  /// 1 for `io`, 2 for `invalid` (SPEC: exit status).
  public var exitStatus: Int32 {
    switch self {
    case .io: return 1
    case .invalid: return 2
    }
  }

  /// One line per problem, without the `memgo: ` prefix.
  public var lines: [String] {
    switch self {
    case .io(let message): return [message]
    case .invalid(let errors): return errors.map(\.description)
    }
  }

  /// The lines joined by newlines.
  public var description: String { lines.joined(separator: "\n") }
}

extension ScenarioLoadError {
  /// A trace's failure during a run (preparing the future for OPT): `io` when a file cannot be
  /// read or written (exit 1), `invalid` with one problem about the trace when it is malformed
  /// (exit 2), as `memgo trace` reports them.
  public init(_ error: TraceError) {
    switch error.kind {
    case .io: self = .io(error.description)
    case .syntax: self = .invalid([ScenarioError(file: error.file, path: .root, message: error.detail)])
    }
  }
}
