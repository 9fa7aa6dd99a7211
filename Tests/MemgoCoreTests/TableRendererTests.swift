import Testing

@testable import MemgoCore

@Suite struct TableRendererTests {
  @Test func tinySweepGolden() {
    let text = TableRenderer.render(ReportFixtures.tinyReport())
    #expect(text == TableRendererTests.tinyTable + "\n")
  }

  @Test func singlePointGolden() {
    let text = TableRenderer.render(ReportFixtures.singleReport())
    #expect(text == TableRendererTests.singleTable + "\n")
  }

  /// A 4 × 4 sweep over frames and policy with two groups and five replications fits 100 columns.
  @Test func typicalSweepFitsOneHundredColumns() {
    let text = TableRenderer.render(ReportFixtures.typicalReport())
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 40)
    for line in lines { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
    #expect(text.contains("frames  policy"))
    #expect(text.contains("Process groups:"))
  }

  @Test func oneReplicationShowsPlainMeans() {
    let text = TableRenderer.render(ReportFixtures.tinyReport(groups: ["db"], replications: [1, 1]))
    #expect(!text.contains("±"))
    #expect(!text.contains("Process groups"))
    #expect(text.hasPrefix("tiny: seed 7, 2 replications, 2 points\n\n"))
  }

  @Test func stringAxesAreLeftAligned() {
    var report = ReportFixtures.tinyReport(groups: ["db"])
    report.axes = [SweepAxis(path: "machine.replacement.policy", values: [.string("lru"), .string("wsclock")])]
    report.points[0].parameters = [JSONMember(key: "machine.replacement.policy", value: .string("lru"))]
    report.points[1].parameters = [JSONMember(key: "machine.replacement.policy", value: .string("wsclock"))]
    let lines = TableRenderer.render(report).split(separator: "\n")
    #expect(lines[1].hasPrefix("policy   fault rate (%)"))
    #expect(lines[2].hasPrefix("lru      "))
    #expect(lines[3].hasPrefix("wsclock  "))
  }

  // MARK: - Goldens

  static let tinyTable = """
    tiny: seed 7, 2 replications, 2 points; cells show mean ± 95% CI half-width

    frames  fault rate (%)  TLB hit (%)  latency (µs)   p99 (µs)           req/s  disk util (%)
        64      10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  7.50 ± 19  40000 ± 130000     40.0 ± 130
       128      10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  13.5 ± 19  70000 ± 130000     70.0 ± 130

    Process groups:

    frames  group  fault rate (%)  TLB hit (%)  latency (µs)   p99 (µs)          req/s
        64  db         10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  4.50 ± 19  15000 ± 64000
        64  web        10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  7.50 ± 19  25000 ± 64000
       128  db         10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  7.50 ± 19  25000 ± 64000
       128  web        10.0 ± 0.0   81.8 ± 0.0   2.00 ± 0.00  13.5 ± 19  45000 ± 64000

    Paired difference, fault rate: 64 − 128 (frames), per replication (mean ± 95% CI half-width):

    64 − 128 (pp)  n  CI excludes 0
            0 ± 0  2  no
    """

  static let singleTable = """
    single: seed 7, 1 replication, 1 point

    fault rate (%)  TLB hit (%)  latency (µs)  p99 (µs)  req/s  disk util (%)
              10.0         81.8          2.00      40.0  30000           30.0

    All metrics:

    metric                  value
    requests                  300
    accesses                  600
    reads                     450
    writes                    150
    bytes                 19200 B
    TLB hits                  540
    TLB misses                120
    TLB hit rate           81.8 %
    page walks                120
    PTE reads                 480
    faults                     60
    major faults               30
    minor faults               30
    fault rate             10.0 %
    major fault rate       5.00 %
    evictions                  36
    dirty evictions            12
    disk reads                 30
    disk writes                12
    disk util              30.0 %
    disk wait             1.00 ms
    CPU util               30.0 %
    sim time              10.0 ms
    throughput        30000 req/s
    access rate       60000 acc/s
    bandwidth         1920000 B/s
    access time           1.00 µs
    lat mean              2.00 µs
    lat p50               2.00 µs
    lat p90               40.0 µs
    lat p99               40.0 µs
    lat p99.9             40.0 µs
    lat max               40.0 µs
    ctx switches                0
    TLB flushes                 0
    shootdowns                  0
    walk cache hits             0
    admission waits             0
    suspensions                 0
    """
}
