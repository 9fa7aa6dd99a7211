#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import MemgoCore

// MARK: - Trace readers

extension FuzzTarget {
  /// The line lengths the trace targets read with (chosen by the input's first byte): short ones
  /// make the reader refill and reject lines often.
  static let traceLineLengths = [16, 80, 4096]

  /// Reads the bytes as a trace in `Syntax`: the first byte chooses the longest line accepted
  /// (`traceLineLengths`, by its value mod 3) and whether bad lines are skipped (bit 2); the rest is
  /// the file. Properties, against a model that splits the bytes in memory:
  /// - each line parses to a reference of at least one byte that reads back equal from its
  ///   canonical form, or is skipped, or is refused with a one-line message;
  /// - `TraceFileReader` over the file (a small buffer, so it refills often) returns exactly the
  ///   model's references, refuses exactly the model's first bad line (with its number), or skips
  ///   and counts every bad line; CRLF and a last line without a newline read like the others;
  /// - format detection picks only a format that accepts every line it looked at.
  static func checkTrace<Syntax: TraceLineSyntax>(
    _ bytes: [UInt8], syntax: Syntax.Type, _ failures: inout FuzzFailures
  ) {
    guard let options = bytes.first else { return }
    let maximumLineLength = traceLineLengths[Int(options) % traceLineLengths.count]
    let skipBadLines = options & 4 != 0
    let content = Array(bytes.dropFirst())

    // The model: lines split at LF, one CR dropped before it, a last line without LF kept.
    var lines = content.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
    if lines.last?.isEmpty == true { lines.removeLast() }
    for i in lines.indices where lines[i].last == 0x0D { lines[i].removeLast() }

    var expected: [(line: Int, parse: TraceLineParse)] = []
    var sample: [[UInt8]] = []
    for (i, line) in lines.enumerated() {
      let parse: TraceLineParse
      if line.count > maximumLineLength {
        parse = .malformed("line is longer than \(maximumLineLength) bytes")
      } else {
        parse = line.withUnsafeBufferPointer { Syntax.parse($0) }
        if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) && sample.count < TraceFormat.detectionLineCount {
          sample.append(line)
        }
      }
      switch parse {
      case .reference(let reference):
        failures.expect(reference.size >= 1, "a reference of size 0")
        let canonical = Array(canonicalLine(reference, syntax: Syntax.self).utf8)
        let again = canonical.withUnsafeBufferPointer { Syntax.parse($0) }
        if case .reference(let other) = again, other == reference {
        } else {
          failures.expect(false, "\(reference) does not read back from \(String(decoding: canonical, as: UTF8.self))")
        }
      case .malformed(let message):
        failures.expectOneLine(message, "trace error")
      case .skip:
        break
      }
      expected.append((i + 1, parse))
    }
    if let format = TraceFormat.detect(sample: sample) {
      for line in sample {
        if case .malformed = line.withUnsafeBufferPointer({ format.parse($0) }) {
          failures.expect(false, "detected \(format) but it refuses \(String(decoding: line, as: UTF8.self))")
        }
      }
    }

    // The reader over the same bytes as a file.
    guard let descriptor = scratchFile(holding: content) else {
      failures.expect(false, "cannot create a scratch file")
      return
    }
    defer { close(descriptor) }
    let lineReader = LineReader(
      fileDescriptor: descriptor, name: "fuzz.trace", maximumLineLength: maximumLineLength,
      bufferSize: maximumLineLength + 2)
    var reader = TraceFileReader<Syntax>(lines: lineReader, skipBadLines: skipBadLines)
    var skipped = 0
    for (number, parse) in expected {
      switch parse {
      case .skip:
        continue
      case .malformed(let message):
        if skipBadLines {
          skipped += 1
          continue
        }
        do {
          let got = try reader.next()
          failures.expect(false, "line \(number): read \(got as Any), expected the error \(message)")
        } catch {
          failures.expect(error.kind == .syntax && error.line == number, "line \(number): \(error)")
          failures.expect(error.message == message, "line \(number): \(error.message), expected \(message)")
          failures.expectOneLine(error.description, "trace error")
        }
        return
      case .reference(let reference):
        do {
          let got = try reader.next()
          failures.expect(got == reference, "line \(number): read \(got as Any), expected \(reference)")
          failures.expect(reader.lineNumber == number, "line \(number): reader says line \(reader.lineNumber)")
        } catch {
          failures.expect(false, "line \(number): \(error), expected \(reference)")
          return
        }
      }
    }
    do {
      let extra = try reader.next()
      failures.expect(extra == nil, "read \(extra as Any) after the last line")
    } catch {
      failures.expect(false, "\(error) after the last line")
    }
    failures.expect(reader.skippedLineCount == skipped, "skipped \(reader.skippedLineCount), expected \(skipped)")
  }

  /// The canonical line of `reference` in `Syntax`'s format.
  static func canonicalLine<Syntax: TraceLineSyntax>(_ reference: TraceReference, syntax: Syntax.Type) -> String {
    let address = String(reference.address, radix: 16)
    let size = reference.size
    if Syntax.self == LackeySyntax.self {
      let kind = ["L", "S", "M", "I"][Int(reference.kind.rawValue)]
      return (kind == "I" ? "I  " : " \(kind) ") + "\(address),\(size)"
    }
    if Syntax.self == DinSyntax.self {
      let label = [0, 1, 0, 2][Int(reference.kind.rawValue)]
      return "\(label) \(address) \(String(size, radix: 16))"
    }
    return (reference.kind == .store ? "W" : "R") + " 0x\(address) \(size)"
  }

  /// A new unlinked temporary file holding `bytes`, open for reading at its start; nil on failure.
  static func scratchFile(holding bytes: [UInt8]) -> Int32? {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((directory + "/memgo-fuzz-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return nil }
    _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count <= 0 {
        if count < 0 && errno == EINTR { continue }
        close(descriptor)
        return nil
      }
      written += count
    }
    guard lseek(descriptor, 0, SEEK_SET) == 0 else {
      close(descriptor)
      return nil
    }
    return descriptor
  }
}
