#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered writer of bytes to an open file descriptor (the event log's output).
///
/// Bytes collect in a 256 KiB buffer and go out in large `write(2)` calls. A write failure is
/// remembered (`failure`) and later output is dropped, so the caller can report it once.
public struct FileSink {
  let descriptor: Int32
  var buffer: [UInt8] = []
  /// The `strerror` text of the first failed write, if any.
  public private(set) var failure: String?

  /// Creates a sink writing to `descriptor` (not closed by the sink).
  public init(descriptor: Int32) {
    self.descriptor = descriptor
    buffer.reserveCapacity(1 << 18)
  }

  /// Appends bytes, flushing when the buffer is full.
  mutating func append(_ byte: UInt8) {
    buffer.append(byte)
  }

  /// Appends the UTF-8 bytes of `text`.
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { buffer.append(contentsOf: $0) }
  }

  /// Appends a string's UTF-8 bytes.
  mutating func append(string: String) {
    buffer.append(contentsOf: string.utf8)
  }

  /// Writes out the buffer if it holds more than 256 KiB.
  mutating func flushIfFull() {
    if buffer.count >= 1 << 18 { flush() }
  }

  /// Writes out everything buffered.
  public mutating func flush() {
    defer { buffer.removeAll(keepingCapacity: true) }
    guard failure == nil else { return }
    var offset = 0
    while offset < buffer.count {
      let written = buffer.withUnsafeBytes { raw in
        write(descriptor, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        failure = String(cString: strerror(errno))
        return
      }
      offset += written
    }
  }

  /// Appends `value` in lower-case hexadecimal with a `0x` prefix.
  mutating func appendHex(_ value: UInt64) {
    append("0x")
    if value == 0 { append(UInt8(ascii: "0")); return }
    let digits = (64 - value.leadingZeroBitCount + 3) / 4
    for i in stride(from: digits - 1, through: 0, by: -1) {
      let nibble = UInt8((value >> UInt64(4 * i)) & 0xF)
      append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
    }
  }

  /// Appends a non-negative or negative decimal integer.
  mutating func appendDecimal(_ value: Int64) {
    if value < 0 { append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    let start = buffer.count
    repeat {
      buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    buffer[start...].reverse()
  }

  /// Appends picoseconds as nanoseconds with up to three decimals (`1234.5`).
  mutating func appendNanoseconds(_ picoseconds: Int64) {
    appendDecimal(picoseconds / 1000)
    var fraction = (picoseconds % 1000).magnitude
    guard fraction != 0 else { return }
    append(UInt8(ascii: "."))
    var places = 3
    while fraction % 10 == 0 { fraction /= 10; places -= 1 }
    var divisor: UInt64 = 1
    for _ in 1..<places { divisor *= 10 }
    while divisor > 0 {
      append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }
}
