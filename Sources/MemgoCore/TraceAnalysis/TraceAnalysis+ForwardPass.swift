extension TraceAnalysis {
  /// The one read of the trace file: parse, expand into page accesses, and feed every consumer.
  ///
  /// Generic over the reader, so `TraceFormat.withReader` specialises it per format; every
  /// consumer's loop over a block is specialised for its policy (`ReplayBank`). Per access, the
  /// pass counts the page in a `PageSet` (or, when OPT runs, numbers it in a `PageMap`), plus the
  /// work of each consumer; no allocation except when a table grows.
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
      var stream = PageAccessStream(reader: reader, pageSize: options.pageSize, noInstructions: options.noInstructions)
      let consumers: [PageBlockConsumer] = try options.forwardPolicies.map { kind in
        try kind.dispatch(
          ReplayBankMaker(kind: kind, sizes: options.frames, configuration: options.replacement, seed: options.seed))
      }
      let hasCurve = options.curveSampler != nil
      var curve = MissRatioCurve(sampler: options.curveSampler ?? .everyPage, minimumSlotCapacity: 1 << 12)
      var recorder: CompactPageStream? =
        options.runsOPT ? try CompactPageStream(directory: options.temporaryDirectory) : nil
      // OPT's recorder numbers the pages with a page map; otherwise an exact curve counts the
      // distinct pages itself, or a page set does.
      let countsPages = recorder == nil && !(hasCurve && curve.sampler.samplesAll)
      var pages = PageMap(minimumCapacity: 1 << 12)
      var pageSet = PageSet()
      var accesses = 0
      var writes = 0

      let capacity = TraceAnalysis.blockLength
      let block = UnsafeMutableBufferPointer<PageAccess>.allocate(capacity: capacity)
      defer { block.deallocate() }
      while true {
        var n = 0
        while n < capacity, let access = try stream.next() {
          block[n] = access
          n += 1
        }
        if n == 0 { break }
        let filled = UnsafeBufferPointer(rebasing: block[0..<n])
        accesses += n
        if recorder != nil {
          for access in filled {
            let fresh = pages.count
            let id = pages.insertIfAbsent(access.page, value: fresh) ?? fresh
            if id >= CompactPageStream.maximumDistinctPages { throw tooManyPages() }
            try recorder!.append(id: id, isWrite: access.isWrite)
            if access.isWrite { writes += 1 }
          }
        } else if countsPages {
          for access in filled {
            pageSet.insert(access.page)
            if access.isWrite { writes += 1 }
          }
        } else {
          for access in filled where access.isWrite { writes += 1 }
        }
        if hasCurve {
          for access in filled { curve.access(access.page) }
        }
        for consumer in consumers { consumer.consume(filled) }
      }
      return Output(
        format: TraceProfileFormat.of(Reader.self), references: stream.referenceCount + stream.droppedInstructionCount,
        accesses: accesses, writes: writes,
        distinctPages: recorder != nil ? pages.count : countsPages ? pageSet.count : curve.distinctPages,
        skippedLines: stream.reader.skippedLineCount, droppedInstructions: stream.droppedInstructionCount,
        counts: consumers.map { $0.replayCounts() }, curve: hasCurve ? curve : nil, recorded: recorder)
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
