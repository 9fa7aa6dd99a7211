import Foundation

/// One line the server sends: to which connection, and whether the connection closes after it.
public struct ServerReply: Equatable, Sendable {
  public var connection: Int
  public var line: String
  public var closes: Bool

  /// The reply line of a failed request: `{"ok":false,"error":MESSAGE}`.
  public static func errorLine(_ message: String) -> String {
    JSONWriter.compact(.object([JSONMember(key: "ok", value: .bool(false)), JSONMember(key: "error", value: .string(message))]))
  }
}

/// The requests of `memgo serve`'s protocol arrive here, line by line and connection by
/// connection, from the socket driver (`SocketServer`), which knows nothing of memory.
public protocol RequestHandler: AnyObject {
  /// Serves one request line from `connection`; the replies it causes (to this connection and,
  /// when an exit admits waiting processes, to others).
  func handle(line: [UInt8], from connection: Int) -> [ServerReply]
  /// `connection` closed: its process, if any, exits.
  func disconnected(_ connection: Int) -> [ServerReply]
  /// The session so far as a run's result, with one group per process name.
  func result() -> RunResult
  /// The session's process names (the report's groups) and how many processes had each.
  func groups() -> [(name: String, count: Int)]
  /// Ends the session: writes out the recorded trace, if any.
  func finish() throws(ServerError)
}

/// The protocol of `memgo serve` (README, "memgo as a client-server OS"): JSON Lines, one
/// request per line and one reply per line, in order; one connection is one process. Parses and
/// validates each request, calls the OS (`ServedOS`) and renders its answer.
final class ServerSession<Frames: FrameAllocator>: RequestHandler {
  var system: ServedOS<Frames>
  /// Each connection's process.
  var pidOf: [Int: Int] = [:]
  /// Each process's connection.
  var connectionOf: [Int: Int] = [:]
  var processCounts: [String: Int] = [:]
  /// Bytes a read may ask for.
  static var maximumRequestBytes: Int { 1 << 20 }

  init(system: consuming ServedOS<Frames>) {
    self.system = system
  }

  func handle(line: [UInt8], from connection: Int) -> [ServerReply] {
    do throws(ServerError) {
      return try serve(line: line, from: connection)
    } catch {
      return [ServerReply(connection: connection, line: ServerReply.errorLine(error.message), closes: false)]
    }
  }

  func serve(line: [UInt8], from connection: Int) throws(ServerError) -> [ServerReply] {
    let parsed: JSONValue
    do throws(JSONParseError) {
      parsed = try JSONParser.parse(line)
    } catch {
      throw .request("malformed JSON at column \(error.column): \(error.message)")
    }
    guard case .object(let request) = parsed else { throw .request("expected a JSON object with \"op\"") }
    let fields = RequestFields(request)
    let op = try fields.string("op")
    let pid = pidOf[connection]
    func reply(_ members: [JSONMember], closes: Bool = false) -> [ServerReply] {
      [ServerReply(connection: connection, line: Self.ok(members), closes: closes)]
    }
    switch op {
    case "spawn":
      guard pid == nil else { throw .request("spawn: this connection already has process \(pid!)") }
      try fields.allow(["op", "name", "addressSpace"])
      let name = try fields.string("name")
      guard !name.isEmpty, name.utf8.count <= 64 else { throw .request("name: expected 1 to 64 bytes of text") }
      let space = try fields.size("addressSpace")
      let limit = system.addressSpaceLimit
      guard space >= 1, space <= limit else {
        throw .request("addressSpace: expected 1 byte to \(Units.formatSize(limit)) (the page table's reach)")
      }
      let spawned = try system.spawn(name: name, addressSpace: space)
      processCounts[name, default: 0] += 1
      switch spawned {
      case .running(let p):
        bind(p, connection)
        return reply(spawnedMembers(p))
      case .waiting(let p):
        bind(p, connection)
        return []
      }
    case "write", "read", "stats", "exit":
      guard let pid else { throw .request("\(op): the first request of a connection must be spawn") }
      guard system.processes[pid]?.admitted == true else {
        throw .request("\(op): process \(pid) is waiting to be admitted (its frame quota is not free)")
      }
      switch op {
      case "write":
        try fields.allow(["op", "va", "data"])
        let va = try fields.address("va")
        guard let data = Data(base64Encoded: try fields.string("data")) else {
          throw .request("data: expected base64 text")
        }
        guard !data.isEmpty else { throw .request("data: expected at least 1 byte") }
        let pages = try system.write(pid: pid, va: va, bytes: [UInt8](data))
        return reply([JSONMember(key: "pages", value: .array(pages.map(Self.json)))])
      case "read":
        try fields.allow(["op", "va", "size"])
        let va = try fields.address("va")
        let size = try fields.integer("size", in: 1...Self.maximumRequestBytes)
        let (data, pages) = try system.read(pid: pid, va: va, size: Int64(size))
        return reply([
          JSONMember(key: "data", value: .string(Data(data).base64EncodedString())),
          JSONMember(key: "pages", value: .array(pages.map(Self.json))),
        ])
      case "stats":
        try fields.allow(["op"])
        return reply([JSONMember(key: "metrics", value: Self.metrics(system.result()))])
      default:
        try fields.allow(["op"])
        return reply([], closes: true) + end(connection)
      }
    default:
      throw .request("op: unknown operation \"\(op)\" (expected spawn, write, read, stats or exit)")
    }
  }

  func disconnected(_ connection: Int) -> [ServerReply] { end(connection) }

  /// The process of `connection`, if any, exits; processes admitted then get their spawn reply.
  func end(_ connection: Int) -> [ServerReply] {
    guard let pid = pidOf.removeValue(forKey: connection) else { return [] }
    connectionOf[pid] = nil
    return system.exit(pid).compactMap { admitted in
      connectionOf[admitted].map { ServerReply(connection: $0, line: Self.ok(spawnedMembers(admitted)), closes: false) }
    }
  }

  func bind(_ pid: Int, _ connection: Int) {
    pidOf[connection] = pid
    connectionOf[pid] = connection
    if system.recorder != nil, let name = system.processes[pid]?.name { system.recorder?.name(pid: pid, name) }
  }

  func spawnedMembers(_ pid: Int) -> [JSONMember] {
    [JSONMember(key: "pid", value: .number(String(pid))), JSONMember(key: "pageSize", value: .number(String(system.pageSize)))]
  }

  func result() -> RunResult { system.result() }

  func groups() -> [(name: String, count: Int)] {
    system.groupNames.map { ($0, processCounts[$0] ?? 0) }
  }

  func finish() throws(ServerError) {
    do throws(AtomicFile.Error) {
      try system.recorder?.finish()
    } catch {
      throw .io(error.description)
    }
  }

  // MARK: - Rendering

  static func ok(_ members: [JSONMember]) -> String {
    JSONWriter.compact(.object([JSONMember(key: "ok", value: .bool(true))] + members))
  }

  static func hex<T: BinaryInteger>(_ value: T) -> JSONValue { .string("0x" + String(value, radix: 16)) }

  /// A page record as the event log's access line has it.
  static func json(_ page: PageRecord) -> JSONValue {
    .object([
      JSONMember(key: "va", value: hex(UInt64(bitPattern: page.va))),
      JSONMember(key: "vpn", value: hex(UInt64(bitPattern: page.vpn))),
      JSONMember(key: "tlb", value: page.tlbHit.map { .string($0 ? "hit" : "miss") } ?? .null),
      JSONMember(
        key: "ptes",
        value: .array(
          page.ptes.map {
            .object([
              JSONMember(key: "level", value: .number(String($0.level))),
              JSONMember(key: "address", value: hex($0.address)), JSONMember(key: "value", value: hex($0.value)),
            ])
          })),
      JSONMember(key: "fault", value: page.majorFault.map { .string($0 ? "major" : "minor") } ?? .null),
      JSONMember(
        key: "victim",
        value: page.victim.map {
          .object([
            JSONMember(key: "pid", value: .number(String($0.pid))), JSONMember(key: "vpn", value: hex(UInt64($0.vpn))),
            JSONMember(key: "pfn", value: hex($0.frame)), JSONMember(key: "dirty", value: .bool($0.dirty)),
          ])
        } ?? .null),
      JSONMember(key: "pfn", value: hex(page.frame)),
      JSONMember(key: "pa", value: hex(page.physicalAddress)),
      JSONMember(key: "latency", value: .number(JSONWriter.number(Double(page.latency) / 1000))),
    ])
  }

  /// The report's metrics of `result`, machine-wide, by report key (null: not applicable).
  static func metrics(_ result: RunResult) -> JSONValue {
    let values = MetricValues(machineOf: result)
    return .object(Metric.allCases.map { JSONMember(key: $0.key, value: .double(values[$0])) })
  }
}

/// The members of one request object, read with errors that name the field and what it expects.
struct RequestFields {
  let members: [JSONMember]
  init(_ members: [JSONMember]) { self.members = members }

  func value(_ key: String) throws(ServerError) -> JSONValue {
    guard let member = members.first(where: { $0.key == key }) else { throw .request("\(key): missing") }
    return member.value
  }

  /// Refuses members other than `keys`.
  func allow(_ keys: [String]) throws(ServerError) {
    if let extra = members.first(where: { !keys.contains($0.key) }) {
      throw .request("\(extra.key): unknown field (expected \(keys.filter { $0 != "op" }.joined(separator: ", ")))")
    }
  }

  func string(_ key: String) throws(ServerError) -> String {
    guard case .string(let text) = try value(key) else { throw .request("\(key): expected a string") }
    return text
  }

  /// A whole number in `range`.
  func integer(_ key: String, in range: ClosedRange<Int>) throws(ServerError) -> Int {
    guard case .number(let text) = try value(key), let n = Int(text), range.contains(n) else {
      throw .request("\(key): expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return n
  }

  /// A virtual address: a `0x` hexadecimal string, a decimal string, or a whole number.
  func address(_ key: String) throws(ServerError) -> Int64 {
    let text: String
    switch try value(key) {
    case .string(let s): text = s
    case .number(let s): text = s
    default: throw .request("\(key): expected an address (\"0x1000\" or 4096)")
    }
    let parsed = text.hasPrefix("0x") || text.hasPrefix("0X") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    guard let value = parsed, value <= UInt64(Int64.max) else {
      throw .request("\(key): expected an address (\"0x1000\" or 4096) below 2^63, got \(text)")
    }
    return Int64(value)
  }

  /// A size: a string with a unit ("16MiB") or a whole number of bytes.
  func size(_ key: String) throws(ServerError) -> Int64 {
    switch try value(key) {
    case .number(let text):
      guard let n = Int64(text) else { throw .request("\(key): expected a whole number of bytes or a size like \"16MiB\"") }
      return n
    case .string(let text):
      do throws(UnitError) {
        return try Units.parseSize(text)
      } catch {
        throw .request("\(key): \(error.message)")
      }
    default:
      throw .request("\(key): expected a size like \"16MiB\" or a whole number of bytes")
    }
  }
}
