import Testing

@testable import MemgoCore

/// The three readers agree on the same references written in each format.
@Suite struct TraceReaderDispatchTests {
  typealias S = TraceTestSupport

  /// Seeded random references; `instructions` includes instruction fetches (plain has none).
  static func references(seed: UInt64, count: Int, instructions: Bool) -> [TraceReference] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in
      let kinds: [TraceReference.Kind] = instructions ? [.load, .store, .instruction] : [.load, .store]
      let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
      let address = rng.next() >> (rng.next() % 64)
      let size = UInt32(1 + rng.next() % (rng.next() % 2 == 0 ? 16 : 100_000))
      return TraceReference(address: address, size: size, kind: kind)
    }
  }

  static func hex(_ value: some BinaryInteger) -> String { String(value, radix: 16) }

  static func lackey(_ references: [TraceReference]) -> String {
    var text = "==99== Lackey, an example Valgrind tool\n==99== Command: ./x\n"
    for r in references {
      switch r.kind {
      case .instruction: text += "I  \(hex(r.address)),\(r.size)\n"
      case .load: text += " L \(hex(r.address)),\(r.size)\n"
      case .store: text += " S \(hex(r.address)),\(r.size)\n"
      case .modify: text += " M \(hex(r.address)),\(r.size)\n"
      }
    }
    return text + "==99== \n"
  }

  static func din(_ references: [TraceReference]) -> String {
    references.enumerated().map { i, r in
      let label = r.kind == .load ? 0 : r.kind == .store ? 1 : 2
      let address = i % 2 == 0 ? hex(r.address) : "0x" + hex(r.address)
      return r.size == 1 && i % 3 == 0 ? "\(label) \(address)\r\n" : "\(label) \(address) \(hex(r.size))\r\n"
    }.joined()
  }

  static func plain(_ references: [TraceReference]) -> String {
    references.enumerated().map { i, r in
      let letter = r.kind == .store ? "W " : i % 2 == 0 ? "R " : ""
      let address = i % 3 == 0 ? "\(r.address)" : "0x" + hex(r.address)
      let size = r.size == 1 && i % 4 == 0 ? "" : i % 5 == 0 ? " 0x" + hex(r.size) : " \(r.size)"
      return letter + address + size + "\n"
    }.joined()
  }

  /// Counts references through the statically dispatched path.
  struct Collect: TraceReaderVisitor {
    func visit<Reader: TraceReader>(_ reader: inout Reader) throws -> [TraceReference] {
      var out: [TraceReference] = []
      while let r = try reader.next() { out.append(r) }
      return out
    }
  }

  func readBack(_ text: String, expecting format: TraceFormat) throws -> [TraceReference] {
    let path = S.temporaryFile(text)
    defer { S.remove(path) }
    var reader = try AnyTraceReader(path: path)
    #expect(reader.format == format)
    var viaAny: [TraceReference] = []
    while let r = try reader.next() { viaAny.append(r) }
    let viaVisitor = try TraceFormat.auto.withReader(path: path, Collect())
    #expect(viaAny == viaVisitor)
    return viaAny
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func readersAgreeOnTheSameReferences(seed: UInt64) throws {
    let withInstructions = Self.references(seed: seed, count: 500, instructions: true)
    #expect(try readBack(Self.lackey(withInstructions), expecting: .lackey) == withInstructions)
    #expect(try readBack(Self.din(withInstructions), expecting: .din) == withInstructions)
    let data = Self.references(seed: seed &+ 100, count: 500, instructions: false)
    #expect(try readBack(Self.lackey(data), expecting: .lackey) == data)
    #expect(try readBack(Self.din(data), expecting: .din) == data)
    #expect(try readBack(Self.plain(data), expecting: .plain) == data)
  }

  @Test func emptyTraceReadsAsNothing() throws {
    #expect(try readBack("", expecting: .plain).isEmpty)
    #expect(try readBack("\n\n", expecting: .plain).isEmpty)
  }

  @Test func explicitFormatOverridesDetection() throws {
    let path = S.temporaryFile("0 8\n1 10\n")
    defer { S.remove(path) }
    var reader = try AnyTraceReader(path: path, format: .plain)
    #expect(try reader.next() == TraceReference(address: 0, size: 8, kind: .load))
    #expect(try reader.next() == TraceReference(address: 1, size: 10, kind: .load))
    #expect(try reader.next() == nil)
    #expect(reader.lineNumber == 2)
  }
}
