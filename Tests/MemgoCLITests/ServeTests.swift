import Foundation
import Testing

@testable import MemgoCLI
@testable import MemgoCore

/// `memgo serve` end to end: the built binary on a Unix socket in a temporary directory, with
/// real clients (threads of this test) that write, read back and compare every byte.
@Suite struct ServeTests {
  typealias C = CLITests

  /// A running `memgo serve` and its socket.
  final class RunningServer {
    let process = Process()
    let out = Pipe()
    let err = Pipe()
    let socket: String
    let directory: URL

    init(machine: String, extra: [String] = [], fileSizeLimitBlocks: Int? = nil, machineOnly: Bool = false) throws {
      directory = try C.temporaryDirectory()
      socket = directory.appendingPathComponent("os.sock").path
      let scenario = directory.appendingPathComponent("machine.json")
      let processes = machineOnly ? "" : #", "processes": [{"name": "unused", "requests": 1}]"#
      try """
      {"name": "served", "seed": 3, "machine": \(machine)\(processes)}
      """.write(to: scenario, atomically: true, encoding: .utf8)
      let arguments = ["serve", scenario.path, "--socket", socket] + extra
      if let blocks = fileSizeLimitBlocks {
        // The shell's ulimit -f caps every file the server writes, its swap file included.
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", C.binary.path] + arguments
      } else {
        process.executableURL = C.binary
        process.arguments = arguments
      }
      process.currentDirectoryURL = directory
      process.standardOutput = out
      process.standardError = err
      try process.run()
      // Wait for the socket to exist (the server binds before it serves).
      for _ in 0..<600 where !FileManager.default.fileExists(atPath: socket) { usleep(10_000) }
    }

    /// SIGTERM; returns the exit status, stdout and stderr.
    func stop() -> C.Outcome {
      kill(process.processIdentifier, SIGTERM)
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return C.Outcome(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
    }
  }

  /// One client connection.
  struct Client: ~Copyable {
    var connection: LineConnection

    init(_ path: String) throws {
      signal(SIGPIPE, SIG_IGN)  // a write to a connection the server closed fails instead
      connection = LineConnection(descriptor: try ServeTests.withTimeout(LineConnection.connectUnix(path)))
    }

    /// Sends `line`; the reply as a JSON object's members (empty if the connection closed).
    mutating func send(_ line: String) -> [String: JSONValue] {
      guard let reply = connection.exchange(line), case .object(let members)? = try? JSONParser.parse(reply) else {
        return [:]
      }
      return Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    mutating func spawn(_ name: String, _ space: String = "1MiB") -> Int {
      let reply = send("{\"op\":\"spawn\",\"name\":\"\(name)\",\"addressSpace\":\"\(space)\"}")
      guard case .number(let pid)? = reply["pid"] else { return -1 }
      return Int(pid)!
    }

    mutating func write(_ va: Int, _ bytes: [UInt8]) -> [String: JSONValue] {
      send("{\"op\":\"write\",\"va\":\"0x\(String(va, radix: 16))\",\"data\":\"\(Data(bytes).base64EncodedString())\"}")
    }

    mutating func read(_ va: Int, _ size: Int) -> [UInt8]? {
      let reply = send("{\"op\":\"read\",\"va\":\"0x\(String(va, radix: 16))\",\"size\":\(size)}")
      guard case .string(let text)? = reply["data"], let data = Data(base64Encoded: text) else { return nil }
      return [UInt8](data)
    }

    consuming func close() {}
  }

  /// `fd`, whose reads give up after 20 s, so that a reply that never comes fails the test
  /// instead of hanging it.
  static func withTimeout(_ fd: Int32) -> Int32 {
    var limit = timeval(tv_sec: 20, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    return fd
  }

  static func metric(_ reply: [String: JSONValue], _ key: String) -> Double {
    guard case .object(let members)? = reply["metrics"], let value = members.first(where: { $0.key == key })?.value,
      case .number(let text) = value
    else { return .nan }
    return Double(text) ?? .nan
  }

  /// Four clients at once each write random bytes to 24 pages (96 pages on 8 frames), read every
  /// byte back and compare; the session evicted, wrote back and read from swap.
  @Test func concurrentClientsGetTheirBytesBack() throws {
    let server = try RunningServer(
      machine: #"{"frames": 8, "tlb": {"entries": 4, "ways": 4}, "replacement": {"policy": "clock"}}"#)
    let mismatches = Atomic(0)
    let socket = server.socket
    DispatchQueue.concurrentPerform(iterations: 4) { k in
      var rng = Xoshiro256StarStar(seed: UInt64(k + 1))
      guard var client = try? Client(socket) else {
        mismatches.add(1)
        return
      }
      _ = client.spawn("c\(k % 2)")
      var written: [(Int, [UInt8])] = []
      for page in 0..<24 {
        let va = page * 4096 + Int(rng.nextInt(below: 3000))
        let bytes = (0..<(1 + Int(rng.nextInt(below: 1000)))).map { _ in UInt8(rng.nextInt(below: 256)) }
        if client.write(va, bytes)["ok"] != .bool(true) { mismatches.add(1) }
        written.append((va, bytes))
      }
      for (va, bytes) in written.shuffled(using: &rng) where client.read(va, bytes.count) != bytes { mismatches.add(1) }
      client.close()
    }
    #expect(mismatches.value == 0)
    var observer = try Client(server.socket)
    _ = observer.spawn("observer")
    let stats = observer.send(#"{"op":"stats"}"#)
    #expect(Self.metric(stats, "requests") == 4 * 48)
    #expect(Self.metric(stats, "evictions") > 0)
    #expect(Self.metric(stats, "dirtyEvictions") > 0)
    #expect(Self.metric(stats, "majorFaults") > 0)
    #expect(Self.metric(stats, "diskReads") > 0)
    observer.close()
    let outcome = server.stop()
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("dirty evictions"))
    #expect(!FileManager.default.fileExists(atPath: server.socket), "the socket is removed")
  }

  /// A process never sees another's bytes, and a freed frame is zeroed before reuse.
  @Test func processesAreIsolated() throws {
    let server = try RunningServer(machine: #"{"frames": 2, "replacement": {"policy": "fifo"}}"#, machineOnly: true)
    var a = try Client(server.socket)
    var b = try Client(server.socket)
    #expect(a.spawn("a") != b.spawn("b"))
    let secret = Array("secret of a".utf8)
    #expect(a.write(0x1000, secret)["ok"] == .bool(true))
    #expect(b.read(0x1000, secret.count) == Array(repeating: 0, count: secret.count))
    #expect(a.read(0x1000, secret.count) == secret)
    a.close()
    // a's frames are free now; b's next pages take them and must read as zeros.
    #expect(b.read(0x5000, 4096) == Array(repeating: 0, count: 4096))
    #expect(b.read(0x9000, 4096) == Array(repeating: 0, count: 4096))
    b.close()
    let outcome = server.stop()
    #expect(outcome.status == 0)
    #expect(!outcome.stderr.contains("ignoring"), "a machine-only file needs no warning: \(outcome.stderr)")
  }

  /// Every malformed request gets an error naming the problem and the connection goes on; a line
  /// over the limit closes its connection; the server answers other clients afterwards.
  @Test func badRequestsGetErrorsAndTheServerGoesOn() throws {
    let server = try RunningServer(machine: #"{"frames": 4}"#)
    var c = try Client(server.socket)
    func error(_ reply: [String: JSONValue]) -> String {
      guard reply["ok"] == .bool(false), case .string(let text)? = reply["error"] else { return "(no error: \(reply))" }
      return text
    }
    #expect(error(c.send(#"{"op":"read","va":"0x0","size":1}"#)).contains("first request of a connection must be spawn"))
    #expect(c.spawn("p", "64KiB") >= 0)
    #expect(error(c.send("{not json")).contains("malformed JSON"))
    #expect(error(c.send(#"[1,2]"#)).contains("expected a JSON object"))
    #expect(error(c.send(#"{"op":"fly"}"#)).contains("unknown operation \"fly\""))
    #expect(error(c.send(#"{"op":"write","va":"0x0","data":"***"}"#)).contains("data: expected base64"))
    #expect(error(c.send(#"{"op":"read","va":"0x0"}"#)).contains("size: missing"))
    #expect(error(c.send(#"{"op":"read","va":"0x0","size":0}"#)).contains("size: expected a whole number from 1"))
    #expect(error(c.send(#"{"op":"read","va":"zz","size":1}"#)).contains("va: expected an address"))
    #expect(error(c.send(#"{"op":"read","va":"0xffff","size":2}"#)).hasPrefix("segmentation fault: "))
    #expect(error(c.send(#"{"op":"read","va":"0x10000","size":1}"#)).hasPrefix("segmentation fault: "))
    #expect(error(c.send(#"{"op":"spawn","name":"again","addressSpace":"1MiB"}"#)).contains("already has process"))
    #expect(c.write(0xFF00, [1, 2, 3])["ok"] == .bool(true), "the connection goes on")
    #expect(c.read(0xFF00, 3) == [1, 2, 3])
    var long = try Client(server.socket)
    _ = long.spawn("long")
    let reply = long.send(String(repeating: "x", count: SocketServer.maximumLineBytes + 10))
    #expect(error(reply).contains("longer than"))
    #expect(long.send(#"{"op":"stats"}"#).isEmpty, "the connection is closed")
    #expect(c.read(0xFF00, 3) == [1, 2, 3], "the server still answers")
    #expect(server.stop().status == 0)
  }

  /// SIGTERM with clients connected: the server answers what it received, reports, exits 0;
  /// with --swap-slots, a request that could need more slots than are left is refused whole.
  @Test func sigtermWithClientsConnectedAndAFullSwap() throws {
    let server = try RunningServer(machine: #"{"frames": 2, "replacement": {"policy": "fifo"}}"#, extra: ["--swap-slots", "1"])
    var c = try Client(server.socket)
    _ = c.spawn("p", "64KiB")
    #expect(c.write(0x0000, [1])["ok"] == .bool(true))
    #expect(c.write(0x1000, [2])["ok"] == .bool(true))
    #expect(c.write(0x2000, [3])["ok"] == .bool(true), "evicts page 0 to the one swap slot")
    let refused = c.send(#"{"op":"write","va":"0x3000","data":"BA=="}"#)
    #expect(refused["ok"] == .bool(false))
    #expect(refused["error"] == .string("swap is full (1 slots of 4096 bytes): no room to write back a page"))
    #expect(c.read(0x1000, 1) == [2], "resident pages are served, nothing changed")
    #expect(c.read(0x2000, 1) == [3])
    #expect(c.send(#"{"op":"read","va":"0x0","size":1}"#)["ok"] == .bool(false), "page 0 would evict a dirty page")
    var idle = try Client(server.socket)
    _ = idle.spawn("idle")
    let outcome = server.stop()
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("idle"), "the report has a group per client name")
    #expect(idle.send(#"{"op":"stats"}"#).isEmpty, "the connection was closed")
    c.close()
    idle.close()
  }

  /// A write-back that cannot reach the swap file (here: over the file size limit) fails the
  /// request that caused it, and the page stays in memory, intact; it is written back again (and
  /// kept again) at its next eviction.
  @Test func aFailedSwapWriteLosesNoData() throws {
    let server = try RunningServer(machine: #"{"frames": 2, "replacement": {"policy": "fifo"}}"#, fileSizeLimitBlocks: 1)
    var c = try Client(server.socket)
    _ = c.spawn("p", "64KiB")
    let first = Array(repeating: UInt8(0xAB), count: 4096)
    #expect(c.write(0x0000, first)["ok"] == .bool(true))
    #expect(c.read(0x1000, 1) == [0], "page 1 is clean")
    let failed = c.write(0x2000, [1, 2, 3])  // FIFO evicts the dirty page 0: its write-back fails
    #expect(failed["ok"] == .bool(false))
    guard case .string(let message)? = failed["error"] else { Issue.record("no error"); return }
    #expect(message.contains("swap write failed"), "\(message)")
    #expect(c.read(0x0000, 4096) == first, "page 0 is intact (the clean page 1 made room)")
    #expect(c.read(0x2000, 3) == [1, 2, 3], "the failed request's own write is done")
    #expect(c.send(#"{"op":"read","va":"0x1000","size":1}"#)["ok"] == .bool(false), "the next dirty eviction fails too")
    #expect(c.read(0x0000, 4096) == first, "and is still intact")
    #expect(server.stop().status == 0)
  }

  /// TCP on loopback with a kernel-chosen port; a non-loopback address needs --allow-remote.
  @Test func tcpOnLoopback() throws {
    let refused = try C.memgo(["serve", "examples/serve-8-frames.json", "--listen", "10.1.2.3:7070"])
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("not a loopback address"))
    let directory = try C.temporaryDirectory()
    let huge = directory.appendingPathComponent("huge.json")
    try #"{"machine": {"frames": 2000000, "pageSize": "4KiB"}}"#.write(to: huge, atomically: true, encoding: .utf8)
    let tooBig = try C.memgo(["serve", huge.path, "--socket", directory.appendingPathComponent("s").path])
    #expect(tooBig.status == 2)
    #expect(tooBig.stderr.contains("more physical memory than memgo serve allocates (at most 4GiB)"), "\(tooBig.stderr)")
    let process = Process()
    let err = Pipe()
    process.executableURL = C.binary
    process.arguments = ["serve", "examples/serve-8-frames.json", "--listen", "127.0.0.1:0"]
    process.currentDirectoryURL = C.repository
    process.standardOutput = Pipe()
    process.standardError = err
    try process.run()
    var text = ""
    while !text.contains("listening on") {
      let data = err.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    #expect(text.contains("ignoring processes (the server's processes are its clients)"), "\(text)")
    guard let range = text.range(of: "listening on 127.0.0.1:"),
      let port = UInt16(text[range.upperBound...].prefix { $0.isNumber })
    else {
      Issue.record("no port in \(text)")
      process.terminate()
      return
    }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr)
    let fd = Self.withTimeout(socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0))
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    #expect(ok == 0)
    var connection = LineConnection(descriptor: fd)
    #expect(connection.exchange(#"{"op":"spawn","name":"tcp","addressSpace":"1MiB"}"#)?.contains("\"pid\"") == true)
    #expect(connection.exchange(#"{"op":"write","va":"0x10","data":"aGk="}"#)?.contains("\"ok\": true") == true)
    #expect(connection.exchange(#"{"op":"read","va":"0x10","size":2}"#)?.contains("\"aGk=\"") == true)
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  /// Scope local: a process is admitted when its frame quota is free; until then its spawn has
  /// no reply, and it gets one when another process exits.
  @Test func localScopeWaitsForAdmission() throws {
    let server = try RunningServer(
      machine: #"{"frames": 8, "replacement": {"policy": "lru", "scope": "local", "frameQuota": 3}}"#)
    var a = try Client(server.socket)
    var b = try Client(server.socket)
    #expect(a.spawn("a") >= 0)
    #expect(b.spawn("b") >= 0)
    // Two quotas of 3 are reserved; 2 frames are left, too few for a third process.
    let fd = Self.withTimeout(try LineConnection.connectUnix(server.socket))
    let spawn = Array("{\"op\":\"spawn\",\"name\":\"c\",\"addressSpace\":\"1MiB\"}\n".utf8)
    #expect(spawn.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == spawn.count)
    #expect(a.write(0x0, [9])["ok"] == .bool(true), "the others are served meanwhile")
    // Wait until the server has read c's spawn (it counts an admission wait) and sent no reply.
    var waits = 0.0
    for _ in 0..<2000 where waits < 1 {
      waits = Self.metric(b.send(#"{"op":"stats"}"#), "admissionWaits")
      if waits < 1 { usleep(5_000) }
    }
    #expect(waits == 1)
    var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    #expect(poll(&waiting, 1, 0) == 0, "no reply yet: c waits to be admitted")
    a.close()
    var c = LineConnection(descriptor: fd)
    let reply = c.receive()
    #expect(reply?.contains("\"pid\"") == true, "the spawn reply comes when a exits: \(reply ?? "closed")")
    #expect(c.exchange(#"{"op":"read","va":"0x0","size":1}"#)?.contains("\"data\"") == true)
    b.close()
    #expect(server.stop().status == 0)
  }

  /// A recorded single-client session replays with `memgo trace` to the fault count it had.
  @Test func recordedSessionReplaysToTheSameFaults() throws {
    let directory = try C.temporaryDirectory()
    let record = directory.appendingPathComponent("session.trace").path
    let server = try RunningServer(
      machine: #"{"frames": 6, "tlb": {"entries": 0}, "replacement": {"policy": "lru"}}"#, extra: ["--record", record])
    var c = try Client(server.socket)
    _ = c.spawn("recorded")
    var rng = Xoshiro256StarStar(seed: 9)
    for _ in 0..<200 {
      let va = Int(rng.nextInt(below: 20 * 4096))
      if rng.nextDouble() < 0.4 { _ = c.write(va, [7, 7]) } else { _ = c.read(va, Int(1 + rng.nextInt(below: 6000))) }
    }
    let faults = Self.metric(c.send(#"{"op":"stats"}"#), "faults")
    c.close()
    #expect(server.stop().status == 0)
    let replay = try C.memgo(["trace", record, "--frames", "6", "--policy", "lru", "--trace-format", "plain", "--format", "json"])
    #expect(replay.status == 0, "\(replay.stderr)")
    #expect(faults > 6)
    #expect(replay.stdout.contains("\"faults\": \(Int(faults))") || replay.stdout.contains("\"faults\":\(Int(faults))"), "\(faults)\n\(replay.stdout.prefix(2000))")
  }
}

/// A counter shared by the client threads of a test.
final class Atomic: @unchecked Sendable {
  private let lock = NSLock()
  private var count: Int
  init(_ value: Int) { count = value }
  func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
  var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
