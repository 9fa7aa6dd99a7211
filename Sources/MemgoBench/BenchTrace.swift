#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import MemgoCore

/// The plain-format trace the trace benchmarks read, generated at bench time in a temporary
/// directory and deleted with this object (on every path out of `Benchmarks.run`).
///
/// Each line is `R 0xADDRESS` or `W 0xADDRESS` (a quarter are writes), one in ten with a size of
/// 64 bytes, so the parser sees both forms. Addresses mix three streams over a 1 GiB region of
/// 4 KiB pages: 60% uniform over a hot set of 2,048 pages, 30% a sequential scan over 65,536
/// pages, 10% uniform over all 262,144. So LRU at a few thousand frames hits often, and the
/// miss-ratio curve has some shape. Seeded: the same count gives the same bytes.
public final class BenchTrace {
  /// The trace file's path.
  public let path: String
  /// The references written.
  public let references: Int
  /// The file's size in bytes.
  public private(set) var bytes = 0
  /// Wall seconds spent generating it (not part of any measurement).
  public private(set) var generationSeconds = 0.0
  private let directory: String

  /// Creates a temporary directory in `$TMPDIR` (else `/tmp`) and writes `references` lines into it.
  /// - Throws: `AtomicFile.Error` if the directory or the file cannot be created or written.
  public init(references: Int, seed: UInt64 = 20_240_601) throws(AtomicFile.Error) {
    precondition(references >= 0)
    var template = Array("\(ScratchFile.temporaryDirectory())/memgo-bench-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    let directoryName = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard made != nil else {
      throw AtomicFile.Error(
        path: directoryName, operation: "cannot create directory", reason: ScratchFile.errnoText(), code: errno)
    }
    directory = directoryName
    path = directoryName + "/bench-10m.trace"
    self.references = references
    let start = Benchmarks.monotonicSeconds()
    try write(seed: seed)
    generationSeconds = Benchmarks.monotonicSeconds() - start
  }

  deinit {
    _ = unlink(path)
    _ = rmdir(directory)
  }

  private func write(seed: UInt64) throws(AtomicFile.Error) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else {
      throw AtomicFile.Error(path: path, operation: "cannot write", reason: ScratchFile.errnoText(), code: errno)
    }
    defer { close(fd) }
    var rng = SplitMix64(seed: seed)
    let base: UInt64 = 0x7f00_0000_0000
    var scan: UInt64 = 0
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    for _ in 0..<references {
      let r = rng.next()
      let choice = r % 100
      let page: UInt64
      if choice < 60 {
        page = (r >> 8) % 2048 * 97 % 262_144
      } else if choice < 90 {
        scan = (scan + 1) % 65_536
        page = 131_072 + scan
      } else {
        page = (r >> 8) % 262_144
      }
      let offset = (r >> 40) & 0xFF8
      buffer.append(r >> 32 & 3 == 0 ? UInt8(ascii: "W") : UInt8(ascii: "R"))
      buffer.append(contentsOf: [0x20, UInt8(ascii: "0"), UInt8(ascii: "x")])
      BenchTrace.appendHex(base + page << 12 + offset, to: &buffer)
      if (r >> 36) % 10 == 0 { buffer.append(contentsOf: [0x20, UInt8(ascii: "6"), UInt8(ascii: "4")]) }
      buffer.append(0x0A)
      if buffer.count >= (1 << 20) - 64 { try flush(&buffer, fd) }
    }
    try flush(&buffer, fd)
  }

  private func flush(_ buffer: inout [UInt8], _ fd: Int32) throws(AtomicFile.Error) {
    var done = 0
    while done < buffer.count {
      let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 {
        if errno == EINTR { continue }
        throw AtomicFile.Error(path: path, operation: "cannot write", reason: ScratchFile.errnoText(), code: errno)
      }
      done += n
    }
    bytes += buffer.count
    buffer.removeAll(keepingCapacity: true)
  }

  /// Appends `value` in lowercase hexadecimal without leading zeros.
  static func appendHex(_ value: UInt64, to buffer: inout [UInt8]) {
    let digits = Array("0123456789abcdef".utf8)
    var shift = max(0, (63 - value.leadingZeroBitCount) / 4 * 4)
    while shift >= 0 {
      buffer.append(digits[Int(value >> UInt64(shift) & 0xF)])
      shift -= 4
    }
  }
}
