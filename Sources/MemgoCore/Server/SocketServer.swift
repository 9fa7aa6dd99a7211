#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `memgo serve` listens.
public enum ListenAddress: Equatable, Sendable {
  /// A Unix-domain stream socket at this path (created with mode 0600).
  case unix(String)
  /// TCP on this IPv4 address and port (0: the kernel picks one).
  case tcp(host: String, port: UInt16)
}

/// The socket driver of `memgo serve`: accepts connections, splits what they send into lines and
/// hands each line to a `RequestHandler` in arrival order, one at a time, and sends the replies.
/// One thread and `poll(2)`; it knows nothing of memory. It runs until SIGINT or SIGTERM
/// (`Interruption`), then serves the complete lines already received, sends every reply, closes
/// the connections and removes the Unix socket.
public final class SocketServer {
  /// The longest request line accepted, in bytes (newline excluded); a longer one is answered
  /// with an error and its connection closed.
  public static let maximumLineBytes = 4 << 20

  let listener: Int32
  let address: ListenAddress
  /// The port actually bound (TCP; the kernel's pick for port 0).
  public private(set) var boundPort: UInt16 = 0
  var connections: [Int32: Connection] = [:]
  var nextConnection = 0

  struct Connection {
    let id: Int
    var input: [UInt8] = []
    var output: [UInt8] = []
    /// Close once the output is sent.
    var closing = false
  }

  /// Binds and listens on `address`.
  public init(address: ListenAddress) throws(ServerError) {
    self.address = address
    // A client gone mid-reply is its connection's end, and a swap file over the size limit
    // (RLIMIT_FSIZE, a quota) is a failed write (EFBIG): neither ends the server.
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    switch address {
    case .unix(let path):
      var addr = sockaddr_un()
      addr.sun_family = sa_family_t(AF_UNIX)
      let capacity = MemoryLayout.size(ofValue: addr.sun_path)
      guard path.utf8.count < capacity else {
        throw .configuration("--socket \(path): the path is too long for a Unix socket (at most \(capacity - 1) bytes)")
      }
      let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { throw .io("--socket \(path): cannot create a socket: \(Self.lastError())") }
      // Bound under a temporary name and renamed once listening, so that the socket exists only
      // when it accepts connections.
      let bindPath = path + ".\(getpid()).tmp"
      guard bindPath.utf8.count < capacity else {
        close(fd)
        throw .configuration("--socket \(path): the path is too long for a Unix socket (at most \(capacity - 16) bytes)")
      }
      withUnsafeMutableBytes(of: &addr.sun_path) { raw in
        raw.copyBytes(from: Array(bindPath.utf8) + [0])
      }
      unlink(bindPath)
      var info = stat()
      if lstat(path, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFSOCK else {
          close(fd)
          throw .configuration("--socket \(path): a file that is not a socket is in the way")
        }
        unlink(path)  // a stale socket of an earlier server
      }
      // Mode 0600: only the user may connect. The umask covers the window before chmod.
      let mask = umask(0o177)
      let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
      }
      umask(mask)
      guard bound == 0 else {
        let reason = Self.lastError()
        close(fd)
        throw .io("--socket \(path): cannot bind: \(reason)")
      }
      chmod(bindPath, 0o600)
      guard listen(fd, 128) == 0, rename(bindPath, path) == 0 else {
        let reason = Self.lastError()
        close(fd)
        unlink(bindPath)
        throw .io("--socket \(path): cannot listen: \(reason)")
      }
      listener = fd
    case .tcp(let host, let port):
      var addr = sockaddr_in()
      addr.sin_family = sa_family_t(AF_INET)
      addr.sin_port = port.bigEndian
      guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else {
        throw .configuration("--listen \(host):\(port): expected an IPv4 address such as 127.0.0.1")
      }
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { throw .io("--listen: cannot create a socket: \(Self.lastError())") }
      var yes: Int32 = 1
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
      let bound = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard bound == 0 else {
        let reason = Self.lastError()
        close(fd)
        throw .io("--listen \(host):\(port): cannot bind: \(reason)")
      }
      var actual = sockaddr_in()
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      _ = withUnsafeMutablePointer(to: &actual) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
      }
      boundPort = UInt16(bigEndian: actual.sin_port)
      guard listen(fd, 128) == 0 else {
        let reason = Self.lastError()
        close(fd)
        throw .io("--listen \(host):\(port): cannot listen: \(reason)")
      }
      listener = fd
    }
    _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    for fd in connections.keys { close(fd) }
    close(listener)
    if case .unix(let path) = address { unlink(path) }
  }

  static func lastError() -> String { String(cString: strerror(errno)) }

  /// Serves `handler` until `shouldStop` turns true (checked at least every 100 ms).
  public func run(_ handler: RequestHandler, shouldStop: () -> Bool) {
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while !shouldStop() {
      var fds = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
      for (fd, connection) in connections {
        var events = Int16(POLLIN)
        if !connection.output.isEmpty { events |= Int16(POLLOUT) }
        fds.append(pollfd(fd: fd, events: events, revents: 0))
      }
      let ready = poll(&fds, nfds_t(fds.count), 100)
      if ready <= 0 { continue }
      if fds[0].revents & Int16(POLLIN) != 0 { acceptAll() }
      for entry in fds.dropFirst() where entry.revents != 0 {
        let fd = entry.fd
        guard connections[fd] != nil else { continue }
        if entry.revents & Int16(POLLOUT) != 0 { flush(fd) }
        guard connections[fd] != nil else { continue }
        if entry.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { receive(fd, handler, &buffer) }
      }
    }
    // Stopping: the lines already received are served, every reply is sent, then all close.
    for fd in connections.keys.sorted() { serveLines(fd, handler) }
    for fd in connections.keys.sorted() {
      if let id = connections[fd]?.id { deliver(handler.disconnected(id)) }
    }
    for fd in connections.keys.sorted() { flushBlocking(fd) }
    for fd in connections.keys { close(fd) }
    connections.removeAll()
  }

  func acceptAll() {
    while true {
      let fd = accept(listener, nil, nil)
      guard fd >= 0 else { return }
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      connections[fd] = Connection(id: nextConnection)
      nextConnection += 1
    }
  }

  func receive(_ fd: Int32, _ handler: RequestHandler, _ buffer: inout [UInt8]) {
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
    guard n > 0 else {
      // The client closed (or failed): its complete lines are served, its process exits.
      serveLines(fd, handler)
      let id = connections[fd]?.id
      close(fd)
      connections[fd] = nil
      // Its exit may admit waiting processes, whose spawn replies go out now.
      if let id { deliver(handler.disconnected(id)) }
      return
    }
    connections[fd]!.input.append(contentsOf: buffer[0..<n])
    serveLines(fd, handler)
  }

  /// Serves the complete lines `fd` has sent; a line over the limit closes the connection.
  func serveLines(_ fd: Int32, _ handler: RequestHandler) {
    while let connection = connections[fd], !connection.closing {
      guard let newline = connection.input.firstIndex(of: UInt8(ascii: "\n")) else {
        if connection.input.count > Self.maximumLineBytes { refuseLongLine(fd, handler) }
        return
      }
      guard newline <= Self.maximumLineBytes else {
        refuseLongLine(fd, handler)
        return
      }
      var line = Array(connection.input[..<newline])
      connections[fd]!.input.removeSubrange(...newline)
      if line.last == UInt8(ascii: "\r") { line.removeLast() }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }  // blank lines are ignored
      deliver(handler.handle(line: line, from: connection.id))
    }
  }

  func refuseLongLine(_ fd: Int32, _ handler: RequestHandler) {
    guard let id = connections[fd]?.id else { return }
    connections[fd]!.input.removeAll()
    let message = "request line longer than \(Self.maximumLineBytes) bytes: the connection is closed"
    deliver([ServerReply(connection: id, line: ServerReply.errorLine(message), closes: true)])
    deliver(handler.disconnected(id))
  }

  /// Queues each reply on its connection's output and sends what can be sent now.
  func deliver(_ replies: [ServerReply]) {
    for reply in replies {
      guard let fd = connections.first(where: { $0.value.id == reply.connection })?.key else { continue }
      connections[fd]!.output.append(contentsOf: reply.line.utf8)
      connections[fd]!.output.append(UInt8(ascii: "\n"))
      if reply.closes { connections[fd]!.closing = true }
      flush(fd)
    }
  }

  /// Sends what the socket takes now; closes a connection whose output is done and that closes.
  func flush(_ fd: Int32) {
    guard var connection = connections[fd] else { return }
    while !connection.output.isEmpty {
      let n = connection.output.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 && errno == EAGAIN { break }
      guard n > 0 else {
        connection.output.removeAll()
        connection.closing = true
        break
      }
      connection.output.removeFirst(n)
    }
    if connection.output.isEmpty && connection.closing {
      close(fd)
      connections[fd] = nil
    } else {
      connections[fd] = connection
    }
  }

  /// Sends all of `fd`'s output, waiting for the socket (at most 5 s in all), at shutdown.
  func flushBlocking(_ fd: Int32) {
    var waited = 0
    while let connection = connections[fd], !connection.output.isEmpty, waited < 50 {
      flush(fd)
      var entry = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
      _ = poll(&entry, 1, 100)
      waited += 1
    }
  }
}
