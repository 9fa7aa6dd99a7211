import Foundation
import MemgoCore

/// `memgo client --socket PATH | --connect HOST:PORT [FILE]`: a small client of `memgo serve`.
/// Spawns one process, then sends one request per command line read from FILE or standard input
/// (`write VA "TEXT"`, `read VA SIZE`, `stats`, `exit`) and prints each reply as one readable
/// line per page (or the raw reply with `--json`).
enum ClientCommand {
  static let options: [OptionSpec] = [
    OptionSpec("socket", value: "PATH", help: "The server's Unix socket", completion: .file(extension: nil)),
    OptionSpec("connect", value: "HOST:PORT", help: "The server's TCP address"),
    OptionSpec("name", value: "NAME", help: "The process's name", default: "client"),
    OptionSpec("address-space", value: "SIZE", help: "Its virtual address space", default: "16MiB"),
    OptionSpec("json", help: "Print the raw reply lines"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "client", synopsis: "", summary: "Talk to a memgo serve from a terminal or a command file.",
    overview: "A client of memgo serve: spawns one process, then sends one request per command read from FILE (or "
      + "the terminal) and prints each reply, one line per page touched (physical address, page-table entries, "
      + "fault, victim, latency).",
    usage: "client (--socket PATH | --connect HOST:PORT) [FILE] [options]",
    arguments: [
      ArgumentSpec(
        name: "FILE", help: "Commands, one per line (default: the terminal).", completion: .file(extension: nil))
    ],
    options: options,
    notes: "COMMANDS:\n"
      + HelpFormatter.entry("write VA \"TEXT\"", "Write TEXT (\\n for a newline) at virtual address VA (0x... or decimal).")
      + HelpFormatter.entry("read VA SIZE", "Read SIZE bytes at VA.")
      + HelpFormatter.entry("stats", "The session's metrics so far.")
      + HelpFormatter.entry("exit", "End the process (also at the end of the input)."),
    run: { arguments throws(CLIError) in try main(arguments) })

  static func main(_ arguments: [String]) throws(CLIError) {
    let args = try ParsedArguments(arguments, command: "client", options: options)
    if args.flags.contains("help") {
      Output.write(spec.help)
      return
    }
    guard args.positionals.count <= 1 else { throw .usage("client: expected at most one command file") }
    signal(SIGPIPE, SIG_IGN)  // a closed connection is reported, not a crash
    let fd = try connect(args)
    var connection = LineConnection(descriptor: fd)
    let json = args.flags.contains("json")
    let name = args.values["name"] ?? "client"
    let space = args.values["address-space"] ?? "16MiB"
    let spawn = JSONWriter.compact(
      .object([
        JSONMember(key: "op", value: .string("spawn")), JSONMember(key: "name", value: .string(name)),
        JSONMember(key: "addressSpace", value: .string(space)),
      ]))
    guard let first = connection.exchange(spawn) else { throw .failure("client: the server closed the connection") }
    Output.write((json ? first : describe(first)) + "\n")
    let input: FileHandle
    if let path = args.positionals.first {
      guard let handle = FileHandle(forReadingAtPath: path) else { throw .failure("client: \(path): cannot open") }
      input = handle
    } else {
      input = FileHandle.standardInput
    }
    var lineNumber = 0
    var pending = Data()
    var finished = false
    while !finished {
      let chunk = input.availableData
      if chunk.isEmpty { finished = true }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 0x0A) ?? (finished && !pending.isEmpty ? pending.endIndex : nil) {
        let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
        pending = newline < pending.endIndex ? pending[(newline + 1)...] : Data()
        lineNumber += 1
        let command = line.trimmingCharacters(in: .whitespaces)
        if command.isEmpty || command.hasPrefix("#") { continue }
        let request: String
        do throws(CLIError) {
          request = try encode(command)
        } catch {
          Output.error("memgo: client: line \(lineNumber): \(error.lines.joined(separator: "; "))\n")
          continue
        }
        guard let reply = connection.exchange(request) else { return }
        Output.write((json ? reply : describe(reply)) + "\n")
        if command == "exit" { return }
      }
    }
    _ = connection.exchange("{\"op\":\"exit\"}")
  }

  static func connect(_ args: ParsedArguments) throws(CLIError) -> Int32 {
    switch (args.values["socket"], args.values["connect"]) {
    case (let path?, nil):
      do throws(ServerError) {
        return try LineConnection.connectUnix(path)
      } catch {
        throw .failure("client: --socket \(path): \(error.message)")
      }
    case (nil, let text?):
      guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
        throw .usage("client: --connect '\(text)': expected HOST:PORT, e.g. 127.0.0.1:7070")
      }
      var addr = sockaddr_in()
      addr.sin_family = sa_family_t(AF_INET)
      addr.sin_port = port.bigEndian
      guard inet_pton(AF_INET, String(text[..<colon]), &addr.sin_addr) == 1 else {
        throw .usage("client: --connect '\(text)': expected an IPv4 address")
      }
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      let ok = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard fd >= 0, ok == 0 else { throw .failure("client: --connect \(text): cannot connect: \(String(cString: strerror(errno)))") }
      return fd
    case (nil, nil):
      throw .usage("client: give --socket PATH or --connect HOST:PORT")
    case (_?, _?):
      throw .usage("client: give --socket or --connect, not both")
    }
  }

  /// The request line of one command.
  static func encode(_ command: String) throws(CLIError) -> String {
    let words = command.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
    func object(_ members: [(String, JSONValue)]) -> String {
      JSONWriter.compact(.object(members.map { JSONMember(key: $0.0, value: $0.1) }))
    }
    switch words.first {
    case "write":
      guard words.count == 3 else { throw .usage("expected write VA \"TEXT\"") }
      var text = words[2]
      if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
      text = text.replacingOccurrences(of: "\\n", with: "\n")
      return object([("op", .string("write")), ("va", .string(words[1])), ("data", .string(Data(text.utf8).base64EncodedString()))])
    case "read":
      guard words.count == 3, let size = Int(words[2]) else { throw .usage("expected read VA SIZE") }
      return object([("op", .string("read")), ("va", .string(words[1])), ("size", .number(String(size)))])
    case "stats", "exit":
      guard words.count == 1 else { throw .usage("expected \(words[0]) alone") }
      return object([("op", .string(words[0]))])
    default:
      throw .usage("unknown command '\(words.first ?? "")' (expected write, read, stats or exit)")
    }
  }

  /// One reply as readable text: the outcome, the data read, and one line per page touched.
  static func describe(_ reply: String) -> String {
    guard case .object(let members)? = try? JSONParser.parse(reply) else { return reply }
    func field(_ key: String, _ in: [JSONMember]) -> JSONValue? { `in`.first { $0.key == key }?.value }
    func text(_ value: JSONValue?) -> String { value.map(JSONWriter.text) ?? "-" }
    guard case .bool(true)? = field("ok", members) else { return "error: \(text(field("error", members)))" }
    var lines: [String] = []
    if let pid = field("pid", members) { lines.append("spawned pid \(text(pid)), page size \(text(field("pageSize", members))) bytes") }
    if case .string(let data)? = field("data", members), let bytes = Data(base64Encoded: data) {
      let shown = String(decoding: bytes, as: UTF8.self).unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "." }.joined()
      lines.append("read \(bytes.count) bytes: \"\(shown)\"")
    }
    if case .array(let pages)? = field("pages", members) {
      if lines.isEmpty { lines.append("ok") }
      for case .object(let page) in pages {
        var line = "  va \(text(field("va", page))) vpn \(text(field("vpn", page))) tlb \(text(field("tlb", page)))"
        if case .array(let ptes)? = field("ptes", page), !ptes.isEmpty {
          line += " ptes"
          for case .object(let pte) in ptes { line += " L\(text(field("level", pte)))@\(text(field("address", pte)))=\(text(field("value", pte)))" }
        }
        line += " fault \(field("fault", page) == .null ? "none" : text(field("fault", page)))"
        if case .object(let victim)? = field("victim", page) {
          let dirty = field("dirty", victim) == .bool(true)
          line += " victim pid \(text(field("pid", victim))) vpn \(text(field("vpn", victim)))\(dirty ? " written back" : " clean")"
        }
        line += " -> pfn \(text(field("pfn", page))) pa \(text(field("pa", page))), \(text(field("latency", page))) ns"
        lines.append(line)
      }
    }
    if case .object(let metrics)? = field("metrics", members) {
      lines.append(metrics.map { "\($0.key)=\(JSONWriter.text($0.value))" }.joined(separator: " "))
    }
    return lines.isEmpty ? "ok" : lines.joined(separator: "\n")
  }
}
