#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The client side of `memgo serve`'s protocol: a stream socket exchanging lines, one request
/// sent, one reply line received. Used by `memgo client`, `memgo bench`'s serve case and the tests.
public struct LineConnection: ~Copyable {
  public let descriptor: Int32
  /// Received bytes not yet returned.
  var buffer: [UInt8] = []
  /// Where `read` puts what arrives (allocated once).
  var chunk = [UInt8](repeating: 0, count: 16 << 10)

  /// Takes over the connected socket `descriptor` (closed with the connection).
  public init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }

  /// A socket connected to the Unix-domain socket at `path`.
  public static func connectUnix(_ path: String) throws(ServerError) -> Int32 {
    var addr = sockaddr_un()
    addr.sun_family = sa_family_t(AF_UNIX)
    guard path.utf8.count < MemoryLayout.size(ofValue: addr.sun_path) else {
      throw .configuration("the path is too long for a Unix socket")
    }
    withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
    let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw .io("cannot create a socket: \(String(cString: strerror(errno)))") }
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    guard ok == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw .io("cannot connect: \(reason)")
    }
    return fd
  }

  /// Sends `line` and returns the reply line, or nil if the connection closed.
  public mutating func exchange(_ line: String) -> String? {
    let bytes = Array((line + "\n").utf8)
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      sent += n
    }
    return receive()
  }

  /// Waits for the next line the server sends (a reply that comes later, such as the spawn reply
  /// of a process admitted when another exits); nil if the connection closed.
  public mutating func receive() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let reply = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return reply
      }
      let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return nil }
      buffer.append(contentsOf: chunk[..<n])
    }
  }
}
