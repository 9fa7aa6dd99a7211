import Foundation
import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `memgo serve SCENARIO.json --socket PATH | --listen HOST:PORT`: the OS as a server for real
/// client processes (README, "memgo as a client-server OS").
enum ServeCommand {
  static let options: [OptionSpec] = [
    OptionSpec(
      "socket", value: "PATH", help: "Listen on a Unix-domain stream socket (created with mode 0600)",
      completion: .file(extension: nil)),
    OptionSpec(
      "listen", value: "HOST:PORT",
      help: "Listen on TCP (IPv4; port 0 lets the kernel pick and the port is printed)",
      details: "A non-loopback HOST needs --allow-remote."),
    OptionSpec("allow-remote", help: "Accept a non-loopback --listen address"),
    OptionSpec(
      "swap", value: "FILE", help: "The swap file", default: "a temporary file, removed at exit",
      completion: .file(extension: nil)),
    OptionSpec(
      "swap-slots", value: "N", help: "At most N pages on swap", values: "1...2^40", default: "no limit",
      details: "A request that could need more is refused with \"swap is full\"."),
    OptionSpec("max-clients", value: "N", help: "Processes at once", values: "1...4096", default: "64"),
    OptionSpec(
      "record", value: "FILE", help: "Write every page access as a plain trace (see README)",
      completion: .file(extension: nil)),
    OptionSpec(
      "out", value: "DIR", help: "Also write the report files (report.json, .csv, .md) to DIR",
      completion: .directory),
    .reportFormat(help: "Report on stdout"),
  ]

  static let spec: CommandSpec = CommandSpec(
    name: "serve", synopsis: "SCENARIO.json", summary: "Be the OS for real client processes over a socket.",
    overview: "Be the OS for real client processes: each connection is a process with its own virtual address "
      + "space; its reads and writes go through the machine's TLB, page tables, frames and replacement policy, "
      + "with real bytes in a physical memory of frames × pageSize and evicted dirty pages written to a real "
      + "swap file. One OS model with `memgo run`. Runs until SIGINT or SIGTERM, then prints the session's "
      + "report (the metrics of `run`, one group per client name).",
    usage: "serve SCENARIO.json (--socket PATH | --listen 127.0.0.1:PORT) [options]",
    arguments: [
      ArgumentSpec(
        name: "SCENARIO.json",
        help: "Its `machine` configures the OS (scope global or local; not opt; frames × pageSize at most 4 GiB). "
          + "`processes`, `stop`, `warmup` and `sweep` may be left out; when present they are ignored (a warning "
          + "says so): the clients are the processes.",
        completion: .file(extension: "json"))
    ],
    options: options,
    notes: "PROTOCOL: JSON Lines, one request and one reply per line (at most 4194304 bytes), e.g.\n"
      + "  {\"op\":\"spawn\",\"name\":\"db\",\"addressSpace\":\"16MiB\"}   (first line)\n"
      + "  {\"op\":\"write\",\"va\":\"0x1000\",\"data\":\"aGVsbG8=\"}\n"
      + "  {\"op\":\"read\",\"va\":\"0x1000\",\"size\":5}               (size: 1...1048576)\n"
      + "  {\"op\":\"stats\"}   {\"op\":\"exit\"}\n"
      + "See README, \"memgo as a client-server OS\", for the replies.\n\n"
      + HelpFormatter.paragraph("EXIT STATUS: 0 stopped by a signal; 2 bad usage or invalid scenario; 1 any other failure."),
    check: { arguments throws(CLIError) in _ = try parse(arguments) }, run: { arguments throws(CLIError) in try main(arguments) })

  /// What the command line asks for, checked before anything is opened.
  struct Request {
    var scenario: String
    var address: ListenAddress
    var swap: String?
    var swapSlots: Int
    var record: String?
    var maximumClients: Int
    var out: String?
    var format: ReportFormat
  }

  static func parse(_ arguments: [String]) throws(CLIError) -> Request? {
    let args = try ParsedArguments(arguments, command: "serve", options: options)
    if args.flags.contains("help") { return nil }
    guard args.positionals.count == 1 else {
      throw .usage("serve: expected one scenario file, got \(args.positionals.count) (usage: memgo serve SCENARIO.json --socket PATH)")
    }
    let address: ListenAddress
    switch (args.values["socket"], args.values["listen"]) {
    case (let path?, nil):
      guard !path.isEmpty else { throw .usage("serve: --socket: expected a path") }
      address = .unix(path)
    case (nil, let text?):
      guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
        throw .usage("serve: --listen '\(text)': expected HOST:PORT, e.g. 127.0.0.1:7070 (port 0: any free port)")
      }
      let host = String(text[..<colon])
      guard host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
        throw .usage("serve: --listen '\(text)': expected an IPv4 address, e.g. 127.0.0.1:7070")
      }
      if !host.hasPrefix("127.") && !args.flags.contains("allow-remote") {
        throw .usage("serve: --listen \(host): not a loopback address; anyone who can reach it could read and write the served memory (add --allow-remote to mean it)")
      }
      address = .tcp(host: host, port: port)
    case (nil, nil):
      throw .usage("serve: give --socket PATH (a Unix socket) or --listen 127.0.0.1:PORT (TCP)")
    case (_?, _?):
      throw .usage("serve: give --socket or --listen, not both")
    }
    let format = ReportFormat(rawValue: args.values["format"] ?? "table")!
    return Request(
      scenario: args.positionals[0], address: address, swap: args.values["swap"],
      swapSlots: try args.integer("swap-slots", command: "serve", in: 1...(1 << 40)) ?? Int.max,
      record: args.values["record"], maximumClients: try args.integer("max-clients", command: "serve", in: 1...4096) ?? 64,
      out: args.values["out"], format: format)
  }

  static func main(_ arguments: [String]) throws(CLIError) {
    guard let request = try parse(arguments) else {
      Output.write(spec.help)
      return
    }
    let (file, ignored) = try loadMachine(request.scenario)
    let machine = file.base.machine
    if let refusal = Server.refusal(of: machine) { throw .usage("\(request.scenario): \(refusal)") }
    if !ignored.isEmpty {
      Output.error(
        "memgo: serve: \(request.scenario): ignoring \(ignored.joined(separator: ", ")) (the server's processes are its clients)")
    }
    let swapPath = request.swap ?? temporarySwapPath()
    let session: RequestHandler
    let server: SocketServer
    do throws(ServerError) {
      session = try Server.session(
        machine: machine, maximumProcesses: request.maximumClients, swapPath: swapPath, removeSwap: request.swap == nil,
        swapSlots: request.swapSlots, recordPath: request.record, seed: file.base.seed)
      server = try SocketServer(address: request.address)
    } catch {
      throw error.isUsage ? .usage("serve: \(error.message)") : .failure("serve: \(error.message)")
    }
    Interruption.install()
    switch request.address {
    case .unix(let path): Output.error("memgo: serve: listening on \(path) (Ctrl-C or SIGTERM stops)")
    case .tcp(let host, _): Output.error("memgo: serve: listening on \(host):\(server.boundPort) (Ctrl-C or SIGTERM stops)")
    }
    server.run(session, shouldStop: { Interruption.isRequested })
    do throws(ServerError) {
      try session.finish()
    } catch {
      throw .failure("serve: \(error.message)")
    }
    let report = Report.build(file: servedFile(file, groups: session.groups()), results: [[session.result()]], version: memgoVersion)
    if let out = request.out { try ReportFiles.write(report, name: file.base.name, to: out, plot: .faultRate) }
    Output.write(request.format.render(report))
  }

  /// The keys of a scenario that the server does not use.
  static let unusedKeys = ["processes", "stop", "warmup", "sweep"]

  /// Loads the scenario at `path` for its machine: the keys the server does not use may be left
  /// out (a machine-only file is enough) and are ignored when present; returns those present.
  static func loadMachine(_ path: String) throws(CLIError) -> (ScenarioFile, ignored: [String]) {
    guard let data = FileManager.default.contents(atPath: path), data.count <= ScenarioLoader.maximumFileSize,
      case .object(let members)? = try? JSONParser.parse([UInt8](data))
    else {
      return (try RunCommand.loadScenario(path), [])  // its error says what is wrong with the file
    }
    let ignored = unusedKeys.filter { key in members.contains { $0.key == key } }
    let placeholder = JSONValue.array([
      .object([JSONMember(key: "name", value: .string("client")), JSONMember(key: "requests", value: .number("1"))])
    ])
    let machineOnly = members.filter { !unusedKeys.contains($0.key) } + [JSONMember(key: "processes", value: placeholder)]
    do {
      return (try ScenarioLoader.load(bytes: Array(JSONWriter.compact(.object(machineOnly)).utf8), path: path), ignored)
    } catch {
      switch error {
      case .io(let message): throw .failure(message)
      case .invalid(let problems): throw .invalid(problems.map(\.description))
      }
    }
  }

  /// The scenario of the session's report: the machine served, one process group per client name.
  static func servedFile(_ file: ScenarioFile, groups: [(name: String, count: Int)]) -> ScenarioFile {
    var scenario = file.base
    scenario.replications = 1
    scenario.warmup = .zero
    scenario.stop = StopCondition()
    scenario.processes = groups.map { ProcessGroupConfig(name: $0.name, count: max(1, $0.count), interval: .constant(0)) }
    return ScenarioFile(
      path: file.path, json: file.json, base: scenario, axes: [],
      points: [SweepPoint(index: 0, parameters: [], scenario: scenario)])
  }

  /// A fresh file name for the default swap file, in TMPDIR (removed when the server stops).
  static func temporarySwapPath() -> String {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    return "\(directory)/memgo-swap.\(getpid())"
  }
}

extension ServerError {
  /// Whether the error is bad input (exit 2) rather than a failure of the system (exit 1).
  var isUsage: Bool {
    switch self {
    case .configuration, .request, .segmentationFault: return true
    case .io, .swapFull: return false
    }
  }
}
