extension TraceAnalysis {
  /// The one read of the trace file: parse, expand into page accesses, and feed every consumer.
  /// Reading and parsing run on a second thread (`PageBlockPipeline`), a few blocks ahead of the
  /// replays.
  ///
  /// Generic over the reader, so `TraceFormat.withReader` specialises it per format; every
  /// consumer's loop over a block is specialised for its policy (`ReplayBank`). Per access, the
  /// pass does the work of each consumer, plus, when OPT runs, numbering the page in a `PageMap`;
  /// distinct pages are otherwise counted from the faults of the first policy's largest replay (or,
  /// with no replay, in the producer's `PageSet`). No allocation except when a table grows.
  struct ForwardPass: TraceReaderVisitor {
    /// What the read produced.
    struct Output {
      var format: TraceFormat
      var references: Int
      var accesses: Int
      var writes: Int
      var distinctPages: Int
      var skippedLines: Int
      var droppedInstructions: Int
      var counts: [(policy: PolicyKind, counts: [ReplayCounts])]
      var curve: MissRatioCurve?
      /// The recorded page stream, when OPT runs.
      var recorded: CompactPageStream?
    }

    let path: String
    let options: TraceAnalysisOptions

    func visit<Reader: TraceReader>(_ reader: inout Reader) throws -> Output {
      let hasCurve = options.curveSampler != nil
      var curve = MissRatioCurve(sampler: options.curveSampler ?? .everyPage, minimumSlotCapacity: 1 << 12)
      var recorder: CompactPageStream? =
        options.runsOPT ? try CompactPageStream(directory: options.temporaryDirectory) : nil
      // OPT's recorder numbers the pages; otherwise an exact curve counts the distinct pages
      // itself, or the first replay bank does from its faults, or else the producer's page set.
      let needsPageCount = recorder == nil && !(hasCurve && curve.sampler.samplesAll)
      let consumers: [PageBlockConsumer] = try options.forwardPolicies.enumerated().map { n, kind in
        try kind.dispatch(
          ReplayBankMaker(
            kind: kind, sizes: options.frames, configuration: options.replacement, seed: options.seed,
            countsPages: needsPageCount && n == 0))
      }
      let countsPages = needsPageCount && consumers.isEmpty
      var accesses = 0
      let producer = ValueBox(
        Producer(
          stream: PageAccessStream(reader: reader, pageSize: options.pageSize, noInstructions: options.noInstructions),
          countsPages: countsPages))

      try PageBlockPipeline.run(
        blockLength: TraceAnalysis.blockLength, threads: options.threads,
        produce: { (block) throws(TraceError) -> Int in try producer.value.fill(block) },
        consume: { (filled) throws(TraceError) in
          accesses += filled.count
          if recorder != nil {
            for access in filled {
              guard try recorder!.append(page: access.page, isWrite: access.isWrite) else { throw tooManyPages() }
            }
          }
          if hasCurve {
            for access in filled { curve.access(access.page) }
          }
          for consumer in consumers { consumer.consume(filled) }
        })
      let done = producer.value
      return Output(
        format: TraceProfileFormat.of(Reader.self),
        references: done.stream.referenceCount + done.stream.droppedInstructionCount, accesses: accesses,
        writes: done.writes,
        distinctPages: recorder.map(\.distinctPages) ?? consumers.first?.distinctPages()
          ?? (countsPages ? done.pageSet.count : curve.distinctPages),
        skippedLines: done.stream.reader.skippedLineCount, droppedInstructions: done.stream.droppedInstructionCount,
        counts: consumers.map { $0.replayCounts() }, curve: hasCurve ? curve : nil, recorded: recorder)
    }

    /// The producer side of the pass: reads, parses and expands the trace into blocks, counting
    /// writes and (when nothing else does) distinct pages, on the pipeline's second thread.
    struct Producer<Reader: TraceReader> {
      var stream: PageAccessStream<Reader>
      let countsPages: Bool
      var pageSet = PageSet()
      var writes = 0

      /// Fills `block` with the next accesses; returns how many (0 at the end of the trace).
      mutating func fill(_ block: UnsafeMutableBufferPointer<PageAccess>) throws(TraceError) -> Int {
        var n = 0
        while n < block.count, let access = try stream.next() {
          block[n] = access
          n += 1
        }
        let filled = UnsafeBufferPointer(rebasing: block[0..<n])
        if countsPages {
          for access in filled {
            pageSet.insert(access.page)
            if access.isWrite { writes += 1 }
          }
        } else {
          for access in filled where access.isWrite { writes += 1 }
        }
        return n
      }
    }

    private func tooManyPages() -> TraceError {
      TraceError(
        kind: .syntax, file: path, line: 0, text: "",
        message: "more than \(CompactPageStream.maximumDistinctPages) distinct pages (OPT and fault "
          + "classification handle at most 2^31; use --no-classify without opt, or a larger --page-size)")
    }
  }
}

/// The concrete format a reader type reads.
enum TraceProfileFormat {
  static func of<Reader: TraceReader>(_: Reader.Type) -> TraceFormat {
    if Reader.self == LackeyReader.self { return .lackey }
    if Reader.self == DinReader.self { return .din }
    return .plain
  }
}
