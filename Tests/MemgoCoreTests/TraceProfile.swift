@testable import MemgoCore

/// One pass over a trace file: its references, page accesses, and LRU miss-ratio curve, straight
/// from a reader, a `PageAccessStream` and a `MissRatioCurve`: the tests' check of those three
/// together on real traces, apart from `memgo trace`'s pipeline.
struct TraceProfile {
  /// The format the file was read in (never `auto`).
  var format: TraceFormat
  /// References read (lines that were references), dropped instruction fetches included.
  var references = 0
  /// Page accesses made (a reference touches every page of its span; a modify reads then writes).
  var pageAccesses: Int { curve.accesses }
  /// Page accesses that write.
  var writes = 0
  /// Malformed lines skipped (only with `skipBadLines`).
  var skippedLines = 0
  /// Instruction fetches dropped (only with `noInstructions`).
  var droppedInstructions = 0
  /// The LRU fault count for every memory size (`--mrc`), exact or SHARDS-sampled.
  var curve: MissRatioCurve

  /// Reads the trace at `path` once.
  /// - Parameters:
  ///   - pageSize: bytes per page, a power of two (validate with `PageSpan.pageShift(forPageSize:)`).
  ///   - sampler: the pages the curve processes (`SpatialSampler(rate:)` for SHARDS; default all).
  /// - Throws: `TraceError` for an unreadable file, an undetectable format or a malformed line.
  init(
    path: String, format: TraceFormat = .auto, options: TraceReaderOptions = TraceReaderOptions(),
    pageSize: Int = 4096, noInstructions: Bool = false, sampler: SpatialSampler = .everyPage
  ) throws(TraceError) {
    let pass = Pass(pageSize: pageSize, noInstructions: noInstructions, sampler: sampler)
    do {
      self = try format.withReader(path: path, options: options, pass)
    } catch let error as TraceError {
      throw error
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }

  private init(format: TraceFormat, curve: MissRatioCurve) {
    self.format = format
    self.curve = curve
  }

  /// The loop, generic over the reader so that it is specialised per format.
  private struct Pass: TraceReaderVisitor {
    let pageSize: Int
    let noInstructions: Bool
    let sampler: SpatialSampler

    func visit<Reader: TraceReader>(_ reader: inout Reader) throws -> TraceProfile {
      var stream = PageAccessStream(reader: reader, pageSize: pageSize, noInstructions: noInstructions)
      var curve = MissRatioCurve(sampler: sampler, minimumSlotCapacity: 1 << 12)
      var writes = 0
      while let access = try stream.next() {
        curve.access(access.page)
        if access.isWrite { writes += 1 }
      }
      var profile = TraceProfile(format: Self.format(of: Reader.self), curve: curve)
      profile.references = stream.referenceCount + stream.droppedInstructionCount
      profile.writes = writes
      profile.skippedLines = stream.reader.skippedLineCount
      profile.droppedInstructions = stream.droppedInstructionCount
      return profile
    }

    static func format<Reader: TraceReader>(of _: Reader.Type) -> TraceFormat {
      if Reader.self == LackeyReader.self { return .lackey }
      if Reader.self == DinReader.self { return .din }
      return .plain
    }
  }
}
