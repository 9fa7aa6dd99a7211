import Foundation
import Testing

@testable import MemgoCore

@Suite struct TraceAnalysisTests {
  typealias S = TraceTestSupport

  /// A fresh empty directory for scratch files.
  static func privateDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-scratch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// A seeded random lackey trace over `pages` pages of `pageSize` bytes: instruction fetches,
  /// loads, stores and modifies, some spanning a page boundary.
  static func randomLackey(_ rng: inout SplitMix64, count: Int, pages: UInt64, pageSize: UInt64) -> [TraceReference] {
    var hot = rng.next() % pages
    return (0..<count).map { _ in
      if rng.next() % 8 == 0 { hot = rng.next() % pages }
      let page = rng.next() % 3 == 0 ? rng.next() % pages : (hot + rng.next() % 4) % pages
      let address = page * pageSize + rng.next() % pageSize
      let size = UInt32(1 + rng.next() % 16)
      let kind = TraceReference.Kind.allCases[Int(rng.next() % 4)]
      return TraceReference(address: address, size: size, kind: kind)
    }
  }

  static func lackeyText(_ references: [TraceReference]) -> String {
    var text = "==42== Lackey, an example Valgrind tool\n"
    for r in references {
      let hex = String(r.address, radix: 16)
      switch r.kind {
      case .instruction: text += "I  \(hex),\(r.size)\n"
      case .load: text += " L \(hex),\(r.size)\n"
      case .store: text += " S \(hex),\(r.size)\n"
      case .modify: text += " M \(hex),\(r.size)\n"
      }
    }
    return text
  }

  /// The page accesses of `references`, computed here independently of `PageAccessStream`.
  static func expand(_ references: [TraceReference], pageSize: UInt64, noInstructions: Bool = false) -> [PageAccess] {
    var out: [PageAccess] = []
    for r in references where !(noInstructions && r.kind == .instruction) {
      let pages = (r.address / pageSize)...((r.address + UInt64(r.size) - 1) / pageSize)
      switch r.kind {
      case .instruction, .load: out += pages.map { PageAccess(page: $0, isWrite: false) }
      case .store: out += pages.map { PageAccess(page: $0, isWrite: true) }
      case .modify:
        out += pages.map { PageAccess(page: $0, isWrite: false) } + pages.map { PageAccess(page: $0, isWrite: true) }
      }
    }
    return out
  }

  /// One policy replayed alone over an in-memory access list, OPT's next uses from `NextUse`.
  struct SeparateReplay: PolicyVisitor {
    let kind: PolicyKind
    let frames: Int
    let accesses: [PageAccess]
    let nextUses: [Int64]
    let seed: UInt64

    func visit<Policy: ReplacementPolicy>(_: Policy.Type) -> ReplayCounts {
      var configuration = ReplacementConfig()
      configuration.policy = kind
      var replay = PolicyReplay<Policy>(frames: frames, configuration: configuration, seed: seed)
      for (i, access) in accesses.enumerated() {
        _ = replay.reference(PageKey(rawValue: access.page), isWrite: access.isWrite, nextUse: nextUses[i])
      }
      return ReplayCounts(
        frames: frames, faults: replay.faults, evictions: replay.evictions, dirtyEvictions: replay.dirtyEvictions)
    }
  }

  // MARK: - Differential tests

  /// Every policy at every size, fed from the one read, counts what a separate `PolicyReplay` of
  /// the same accesses counts (faults, evictions, dirty evictions); OPT, run from the scratch
  /// file's backward pass, equals OPT with in-memory `NextUse`. Classified faults add up.
  @Test func everyPolicyMatchesSeparateReplays() throws {
    var rng = SplitMix64(seed: 2024)
    let sizes = [1, 2, 3, 5, 8, 13]
    for round in 0..<6 {
      let references = Self.randomLackey(&rng, count: 150 + Int(rng.next() % 250), pages: 24, pageSize: 256)
      let path = S.temporaryFile(Self.lackeyText(references))
      defer { S.remove(path) }
      let noInstructions = round % 2 == 1
      let options = TraceAnalysisOptions(
        pageSize: 256, noInstructions: noInstructions, policies: PolicyKind.allCases, frames: sizes, seed: 9)
      let analysis = try TraceAnalysis(path: path, options: options)
      let accesses = Self.expand(references, pageSize: 256, noInstructions: noInstructions)
      let nextUses = NextUse.indices(for: accesses.map { PageKey(rawValue: $0.page) })
      #expect(analysis.format == .lackey)
      #expect(analysis.accesses == accesses.count)
      #expect(analysis.writes == accesses.filter(\.isWrite).count)
      #expect(analysis.distinctPages == Set(accesses.map(\.page)).count)
      #expect(analysis.results.count == PolicyKind.allCases.count * sizes.count)
      for result in analysis.results {
        let expected = try result.policy.dispatch(
          SeparateReplay(kind: result.policy, frames: result.frames, accesses: accesses, nextUses: nextUses, seed: 9))
        let got = ReplayCounts(
          frames: result.frames, faults: result.faults, evictions: result.evictions,
          dirtyEvictions: result.dirtyEvictions)
        #expect(got == expected, "\(result.policy) at \(result.frames) frames, round \(round)")
        let c = try #require(result.classification)
        #expect(c.total == result.faults)
        #expect(c.compulsory == Int64(analysis.distinctPages))
        #expect(c.capacity >= 0 && c.policy >= 0)
        if result.policy == .opt { #expect(c.policy == 0) }
      }
    }
  }

  /// Distinct pages are counted by whichever part runs: OPT's recorder (classification), the
  /// exact curve, the faults of the first replay bank's largest size (one frame or many, one policy
  /// or two), or, with no replay, the producer's page set (a sampled curve alone). Each gives the
  /// set's count.
  @Test func everyRouteCountsTheDistinctPages() throws {
    var rng = SplitMix64(seed: 41)
    let references = Self.randomLackey(&rng, count: 5_000, pages: 700, pageSize: 4096)
    let path = S.temporaryFile(Self.lackeyText(references))
    defer { S.remove(path) }
    let distinct = Set(Self.expand(references, pageSize: 4096).map(\.page)).count
    let routes = [
      TraceAnalysisOptions(policies: [.lru], frames: [64], classify: true),
      TraceAnalysisOptions(policies: [.lru], frames: [64], classify: false, curveSampler: .everyPage),
      TraceAnalysisOptions(policies: [.fifo, .lru], frames: [1, 500], classify: false),
      TraceAnalysisOptions(policies: [.clock], frames: [1_000], classify: false),
      TraceAnalysisOptions(classify: false, curveSampler: SpatialSampler(rate: 0.25)),
    ]
    for (n, options) in routes.enumerated() {
      for threads in [1, 2] {
        var options = options
        options.threads = threads
        #expect(try TraceAnalysis(path: path, options: options).distinctPages == distinct, "route \(n)")
      }
    }
  }

  /// One thread or two (reading ahead on a second one): the same counts, curve and distinct pages.
  @Test func threadsDoNotChangeResults() throws {
    var rng = SplitMix64(seed: 31)
    let references = Self.randomLackey(&rng, count: 20_000, pages: 300, pageSize: 4096)
    let path = S.temporaryFile(Self.lackeyText(references))
    defer { S.remove(path) }
    var options = TraceAnalysisOptions(
      policies: [.lru, .clock, .arc, .opt], frames: [8, 64], curveSampler: SpatialSampler(rate: 0.5))
    let two = try TraceAnalysis(path: path, options: options)
    options.threads = 1
    let one = try TraceAnalysis(path: path, options: options)
    #expect(one.results == two.results)
    #expect(one.distinctPages == two.distinctPages && one.writes == two.writes && one.accesses == two.accesses)
    #expect(try #require(one.curve).faultCurve() == two.curve?.faultCurve())
  }

  /// The one-pass LRU curve equals a separate LRU replay at every size from 1 to the distinct pages.
  @Test func curveMatchesLRUAtEverySize() throws {
    var rng = SplitMix64(seed: 77)
    let references = Self.randomLackey(&rng, count: 600, pages: 40, pageSize: 4096)
    let path = S.temporaryFile(Self.lackeyText(references))
    defer { S.remove(path) }
    let distinct = Set(Self.expand(references, pageSize: 4096).map(\.page)).count
    let options = TraceAnalysisOptions(
      policies: [.lru], frames: Array(1...distinct), classify: false, curveSampler: .everyPage)
    let analysis = try TraceAnalysis(path: path, options: options)
    let curve = try #require(analysis.curve)
    #expect(curve.faultCurve().count == distinct)
    #expect(curve.faultCurve().map(Int64.init) == analysis.results.map(\.faults))
    #expect(analysis.distinctPages == distinct)
  }

  /// Belady, Nelson and Shedler 1969: FIFO on 1,2,3,4,1,2,5,1,2,3,4,5 makes 9 faults with 3
  /// frames and 10 with 4; LRU and OPT, stack algorithms, have no anomaly.
  @Test func findsBeladysAnomaly() throws {
    let path = S.temporaryFile([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5].map { "0x\($0)000\n" }.joined())
    defer { S.remove(path) }
    let options = TraceAnalysisOptions(policies: [.fifo, .lru, .opt], frames: Array(1...5))
    let analysis = try TraceAnalysis(path: path, options: options)
    #expect(analysis.results.filter { $0.policy == .fifo }.map(\.faults) == [12, 12, 9, 10, 5])
    #expect(analysis.results.filter { $0.policy == .opt }.map(\.faults) == [12, 9, 7, 6, 5])
    #expect(
      analysis.anomalies == [BeladyAnomaly(policy: .fifo, frames: 3, faults: 9, largerFrames: 4, largerFaults: 10)])
    let fifo3 = try #require(analysis.results.first { $0.policy == .fifo && $0.frames == 3 })
    #expect(fifo3.classification == FaultClassification(compulsory: 5, capacity: 2, policy: 2))
  }

  // MARK: - Files

  /// The real lackey trace of Tests/data (counts from its README).
  @Test func readsTheRealLackeyTrace() throws {
    let path = S.dataDirectory.appendingPathComponent("lackey-matmul.trace").path
    let analysis = try TraceAnalysis(path: path, options: TraceAnalysisOptions(policies: [.lru, .opt], frames: [12]))
    #expect(analysis.trace == "lackey-matmul.trace")
    #expect(analysis.format == .lackey)
    #expect(analysis.references == 17_603)
    #expect(analysis.accesses == 18_791)
    #expect(analysis.writes == 1_572)
    #expect(analysis.distinctPages == 12)
    #expect(analysis.results.map(\.faults) == [12, 12])
    #expect(analysis.results.map(\.evictions) == [0, 0])
  }

  /// OPT's scratch files leave nothing behind, after success and after a malformed line.
  @Test func scratchFilesAreDeleted() throws {
    let directory = try Self.privateDirectory()
    defer { S.remove(directory) }
    var text = (0..<5000).map { "W 0x\(String($0 % 97 * 4096 + 8, radix: 16))\n" }.joined()
    let good = S.temporaryFile(text)
    defer { S.remove(good) }
    var options = TraceAnalysisOptions(policies: [.opt], frames: [4, 16], temporaryDirectory: directory)
    let analysis = try TraceAnalysis(path: good, options: options)
    #expect(analysis.results.count == 2)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
    text += "R 0xZZ\n"
    let bad = S.temporaryFile(text)
    defer { S.remove(bad) }
    options.format = .plain
    #expect(throws: TraceError.self) { _ = try TraceAnalysis(path: bad, options: options) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
  }

  @Test func reportsTheBadLine() throws {
    let path = S.temporaryFile("R 0x1000\nW 0x2000\nbogus line\n")
    defer { S.remove(path) }
    let options = TraceAnalysisOptions(format: .plain, frames: [2])
    do {
      _ = try TraceAnalysis(path: path, options: options)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .syntax)
      #expect(error.line == 3)
      #expect(error.text == "bogus line")
    }
    var skipping = options
    skipping.reader.skipBadLines = true
    let analysis = try TraceAnalysis(path: path, options: skipping)
    #expect(analysis.skippedLines == 1)
    #expect(analysis.accesses == 2)
  }

  @Test func emptyTraceHasNoFaults() throws {
    let path = S.temporaryFile("")
    defer { S.remove(path) }
    let options = TraceAnalysisOptions(policies: [.lru, .opt], frames: [1, 4], curveSampler: .everyPage)
    let analysis = try TraceAnalysis(path: path, options: options)
    #expect(analysis.accesses == 0 && analysis.distinctPages == 0)
    #expect(analysis.results.map(\.faults) == [0, 0, 0, 0])
    #expect(analysis.results.map(\.faultRate) == [0, 0, 0, 0])
    #expect(analysis.curve?.faultCurve() == [])
  }

  /// With SHARDS sampling the curve is estimated, but the distinct pages and the replays stay exact.
  @Test func samplingKeepsExactCounts() throws {
    var rng = SplitMix64(seed: 5)
    let references = Self.randomLackey(&rng, count: 3000, pages: 500, pageSize: 4096)
    let path = S.temporaryFile(Self.lackeyText(references))
    defer { S.remove(path) }
    let exact = try TraceAnalysis(
      path: path, options: TraceAnalysisOptions(frames: [32], classify: false, curveSampler: .everyPage))
    let sampled = try TraceAnalysis(
      path: path, options: TraceAnalysisOptions(frames: [32], classify: false, curveSampler: SpatialSampler(rate: 0.25))
    )
    #expect(sampled.distinctPages == exact.distinctPages)
    #expect(sampled.results == exact.results)
    #expect(sampled.curve?.samplingRate == 0.25)
    #expect(try #require(sampled.curve).sampledAccesses < exact.accesses)
  }

  @Test func baseNames() {
    #expect(TraceAnalysis.baseName("a/b/c.trace") == "c.trace")
    #expect(TraceAnalysis.baseName("c.trace") == "c.trace")
    #expect(TraceAnalysis.baseName("/x/y/") == "y")
    #expect(TraceAnalysis.baseName("/") == "/")
  }
}
