import Testing

@testable import MemgoCore

@Suite struct MarkdownRendererTests {
  @Test func tinySweepGolden() {
    #expect(MarkdownRenderer.render(ReportFixtures.tinyReport()) == MarkdownRendererTests.tinyMarkdown + "\n")
  }

  @Test func singlePointGolden() {
    #expect(MarkdownRenderer.render(ReportFixtures.singleReport()) == MarkdownRendererTests.singleMarkdown + "\n")
  }

  @Test func pipesAreEscapedAndTextStaysOnOneLine() {
    var report = ReportFixtures.tinyReport(groups: ["a|b", "c"])
    report.description = "Line one\nline | two  "
    report.axes = [SweepAxis(path: "processes[0].access.pattern", values: [.string("zipf|x"), .string("loop")])]
    report.points[0].parameters = [JSONMember(key: "processes[0].access.pattern", value: .string("zipf|x"))]
    let text = MarkdownRenderer.render(report)
    #expect(text.contains("\n\nLine one line | two\n\n"))
    #expect(text.contains("| pattern "))
    #expect(text.contains("| zipf\\|x "))
    #expect(text.contains("| a\\|b "))
    #expect(!text.contains("zipf|x"))
  }

  @Test func emptyDescriptionIsOmitted() {
    var report = ReportFixtures.singleReport()
    report.description = ""
    #expect(MarkdownRenderer.render(report).hasPrefix("# single\n\nSeed 7, 1 replication per point, 1 point,"))
  }

  // MARK: - Goldens

  static let tinyMarkdown = """
    # tiny

    Two groups share 64 or 128 frames.

    Seed 7, 2 replications per point, 2 points,\
     memgo 0.1.0. Cells show mean ± 95% confidence half-width (Student t).

    | frames | fault rate (%) |  TLB hit (%) |  latency (µs) |   p99 (µs) |          req/s | disk util (%) |
    | -----: | -------------: | -----------: | ------------: | ---------: | -------------: | ------------: |
    |     64 |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 7.500 ± 19 | 40000 ± 130000 |   40.00 ± 130 |
    |    128 |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 13.49 ± 19 | 70000 ± 130000 |   70.00 ± 130 |

    ## Process groups

    | frames | group | fault rate (%) |  TLB hit (%) |  latency (µs) |   p99 (µs) |         req/s |
    | -----: | :---- | -------------: | -----------: | ------------: | ---------: | ------------: |
    |     64 | db    |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 4.500 ± 19 | 15000 ± 64000 |
    |     64 | web   |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 7.500 ± 19 | 25000 ± 64000 |
    |    128 | db    |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 7.500 ± 19 | 25000 ± 64000 |
    |    128 | web   |   10.00 ± 0.00 | 81.82 ± 0.00 | 2.000 ± 0.000 | 13.49 ± 19 | 45000 ± 64000 |

    ## Paired differences

    Replication r of every point sees the same request streams (common random numbers), so each pair of\
     runs differs only in the compared parameter. Cells show the mean ± 95% confidence half-width (Student t)\
     of the per-replication differences over n pairs; pp = percentage points.

    ### fault rate: 64 − 128 (frames)

    | 64 − 128 (pp) |   n | CI excludes 0 |
    | ------------: | --: | :------------ |
    |         0 ± 0 |   2 | no            |
    """

  static let singleMarkdown = """
    # single

    Two groups share 64 or 128 frames.

    Seed 7, 1 replication per point, 1 point, memgo 0.1.0.

    | fault rate (%) | TLB hit (%) | latency (µs) | p99 (µs) | req/s | disk util (%) |
    | -------------: | ----------: | -----------: | -------: | ----: | ------------: |
    |          10.00 |       81.82 |        2.000 |    39.98 | 30000 |         30.00 |

    ## All metrics

    | metric           |       value |
    | :--------------- | ----------: |
    | requests         |         300 |
    | accesses         |         600 |
    | reads            |         450 |
    | writes           |         150 |
    | bytes            |     19200 B |
    | TLB hits         |         540 |
    | TLB misses       |         120 |
    | TLB hit rate     |     81.82 % |
    | page walks       |         120 |
    | PTE reads        |         480 |
    | faults           |          60 |
    | major faults     |          30 |
    | minor faults     |          30 |
    | fault rate       |     10.00 % |
    | major fault rate |     5.000 % |
    | evictions        |          36 |
    | dirty evictions  |          12 |
    | disk reads       |          30 |
    | disk writes      |          12 |
    | disk util        |     30.00 % |
    | disk wait        |    1.000 ms |
    | CPU util         |     30.00 % |
    | sim time         |    10.00 ms |
    | throughput       | 30000 req/s |
    | access rate      | 60000 acc/s |
    | bandwidth        | 1920000 B/s |
    | access time      |    1.000 µs |
    | lat mean         |    2.000 µs |
    | lat p50          |    2.003 µs |
    | lat p90          |    39.98 µs |
    | lat p99          |    39.98 µs |
    | lat p99.9        |    39.98 µs |
    | lat max          |    40.00 µs |
    | ctx switches     |           0 |
    | TLB flushes      |           0 |
    | shootdowns       |           0 |
    | walk cache hits  |           0 |
    | admission waits  |           0 |
    | suspensions      |           0 |
    """
}
