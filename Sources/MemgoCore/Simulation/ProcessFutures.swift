/// The future of a run's trace-driven processes, for a replacement policy that needs it (OPT): for
/// each process, the next use of every page access it will make, counted in that process's own
/// sequence of page accesses (the index of its next access to the same page, `Int64.max` if none).
///
/// It is prepared before the run from the trace files, expanded into pages as the simulator will
/// replay them: each reference touches the pages of its `PageSpan` in ascending order, one access
/// each (a lackey `M` is one writing access per page, as the simulator makes it, not the read then
/// write of `memgo trace`), and a group with `requests` replays only its first `requests`
/// references. The pages are recorded in a `CompactPageStream`, whose backward pass gives a
/// `FuturePageStream`, so memory grows with the distinct pages, never with the trace's length;
/// the scratch files in `$TMPDIR` take 8 bytes per page access. Processes that replay the same
/// trace the same way (the `count` processes of a group, or groups naming the same file) share one
/// preparation, each with its own reader.
///
/// The streams know nothing of timing: OPT compares positions in different processes' streams as
/// if every process's k-th access came at the same time, which is exact for one process and for
/// `scope: local`, and an approximation for several processes sharing frames (docs/fidelity.md).
enum ProcessFutures {
  /// Block length (accesses) of the readers the simulator keeps, one per trace process: 40 KiB each.
  static let blockLength = 1 << 12
  /// Bytes of the buffers of one reader: ids and distances of `blockLength`, far next uses of 1024.
  static let readerBytes = Int64(blockLength) * 8 + 1024 * 8

  /// What a preparation depends on besides the page size, which is the run's.
  private struct Source: Hashable {
    var path: String
    var format: TraceFormat
    var referenceLimit: Int
  }

  /// Each process's next-use stream, in process order (nil for a process that replays no trace).
  /// - Throws: `TraceError`: `io` if a trace cannot be read again or a scratch file cannot be
  ///   written or read; `syntax` if a trace changed since it was validated, or has more distinct
  ///   pages than the stream's 31-bit ids hold.
  static func prepare(_ scenario: Scenario) throws(TraceError) -> [FuturePageStream?] {
    let pageShift = scenario.machine.pageSize.trailingZeroBitCount
    var prepared: [Source: FuturePageStream] = [:]
    var streams: [FuturePageStream?] = []
    for group in scenario.processes {
      guard case .trace(let path, let format) = group.access else {
        streams += repeatElement(nil, count: group.count)
        continue
      }
      let source = Source(path: path, format: format, referenceLimit: group.requests ?? .max)
      let stream: FuturePageStream
      if let known = prepared[source] {
        stream = known
      } else {
        stream = try Self.stream(of: source, pageShift: pageShift)
        prepared[source] = stream
      }
      for _ in 0..<group.count { streams.append(stream.rewound()) }
    }
    return streams
  }

  /// Reads the trace of `source` once, recording the pages its references touch, then runs the
  /// backward pass.
  private static func stream(of source: Source, pageShift: Int) throws(TraceError) -> FuturePageStream {
    var reader = try AnyTraceReader(path: source.path, format: source.format)
    var recorder = try CompactPageStream()
    var references = 0
    while references < source.referenceLimit, let reference = try reader.next() {
      references += 1
      let isWrite = reference.kind == .store || reference.kind == .modify
      for page in PageSpan(reference, pageShift: pageShift) {
        guard try recorder.append(page: page, isWrite: isWrite) else {
          throw TraceError(
            kind: .syntax, file: source.path, line: 0, text: "",
            message: "more than \(CompactPageStream.maximumDistinctPages) distinct pages, the most policy opt can "
              + "number (expected a larger machine.pageSize, or another policy)")
        }
      }
    }
    return try recorder.nextUses(blockLength: blockLength)
  }
}
