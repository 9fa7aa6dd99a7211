import Testing

@testable import MemgoCore

@Suite struct CSVRendererTests {
  /// Point 0 has two replications (every field set), point 1 one (spreads empty).
  @Test func tinySweepGolden() {
    let report = ReportFixtures.tinyReport(groups: ["db"], replications: [2, 1])
    #expect(CSVRenderer.render(report) == CSVRendererTests.tinyCSV + "\n")
  }

  @Test func everyRecordHasEveryColumn() {
    let text = CSVRenderer.render(ReportFixtures.tinyReport())
    let records = text.split(separator: "\n")
    #expect(records.count == 1 + 2 * 3)
    for record in records {
      #expect(record.split(separator: ",", omittingEmptySubsequences: false).count == 3 + 3 * Metric.count + 1)
    }
    #expect(records.map { $0.split(separator: ",")[2] } == ["scope", "all", "db", "web", "all", "db", "web"])
  }

  @Test func namesAndParametersAreQuoted() {
    var report = ReportFixtures.tinyReport(groups: ["say \"hi\", twice", "plain"])
    report.axes = [SweepAxis(path: "processes[0].size", values: [.string("1,5KiB"), .object([])])]
    report.points[0].parameters = [JSONMember(key: "processes[0].size", value: .string("1,5KiB"))]
    report.points[1].parameters = [
      JSONMember(key: "processes[0].size", value: .object([JSONMember(key: "dist", value: .string("constant"))]))
    ]
    let records = CSVRenderer.render(report).split(separator: "\n").map(String.init)
    #expect(records[0].hasPrefix("point,processes[0].size,scope,requests_mean,"))
    #expect(records[1].hasPrefix("0,\"1,5KiB\",all,"))
    #expect(records[2].hasPrefix("0,\"1,5KiB\",\"say \"\"hi\"\", twice\",150,"))
    #expect(records[3].hasPrefix("0,\"1,5KiB\",plain,"))
    #expect(records[4].hasPrefix("1,\"{\"\"dist\"\": \"\"constant\"\"}\",all,"))
  }

  // MARK: - Goldens

  static let tinyCSV = """
    point,machine.frames,scope,requests_mean,requests_stddev,requests_ci95,accesses_mean,accesses_stddev,accesses_ci95,\
    reads_mean,reads_stddev,reads_ci95,writes_mean,writes_stddev,writes_ci95,bytes_mean,bytes_stddev,bytes_ci95,\
    tlbHits_mean,tlbHits_stddev,tlbHits_ci95,tlbMisses_mean,tlbMisses_stddev,tlbMisses_ci95,tlbHitRate_mean,\
    tlbHitRate_stddev,tlbHitRate_ci95,pageWalks_mean,pageWalks_stddev,pageWalks_ci95,pteReads_mean,pteReads_stddev,\
    pteReads_ci95,faults_mean,faults_stddev,faults_ci95,majorFaults_mean,majorFaults_stddev,majorFaults_ci95,\
    minorFaults_mean,minorFaults_stddev,minorFaults_ci95,faultRate_mean,faultRate_stddev,faultRate_ci95,\
    majorFaultRate_mean,majorFaultRate_stddev,majorFaultRate_ci95,evictions_mean,evictions_stddev,evictions_ci95,\
    dirtyEvictions_mean,dirtyEvictions_stddev,dirtyEvictions_ci95,diskReads_mean,diskReads_stddev,diskReads_ci95,\
    diskWrites_mean,diskWrites_stddev,diskWrites_ci95,diskUtilization_mean,diskUtilization_stddev,diskUtilization_ci95,\
    diskWait_mean,diskWait_stddev,diskWait_ci95,cpuUtilization_mean,cpuUtilization_stddev,cpuUtilization_ci95,\
    simulatedTime_mean,simulatedTime_stddev,simulatedTime_ci95,throughput_mean,throughput_stddev,throughput_ci95,\
    accessThroughput_mean,accessThroughput_stddev,accessThroughput_ci95,bandwidth_mean,bandwidth_stddev,bandwidth_ci95,\
    effectiveAccessTime_mean,effectiveAccessTime_stddev,effectiveAccessTime_ci95,latencyMean_mean,latencyMean_stddev,\
    latencyMean_ci95,latencyP50_mean,latencyP50_stddev,latencyP50_ci95,latencyP90_mean,latencyP90_stddev,\
    latencyP90_ci95,latencyP99_mean,latencyP99_stddev,latencyP99_ci95,latencyP999_mean,latencyP999_stddev,\
    latencyP999_ci95,latencyMax_mean,latencyMax_stddev,latencyMax_ci95,contextSwitches_mean,contextSwitches_stddev,\
    contextSwitches_ci95,tlbFlushes_mean,tlbFlushes_stddev,tlbFlushes_ci95,tlbShootdowns_mean,tlbShootdowns_stddev,\
    tlbShootdowns_ci95,walkCacheHits_mean,walkCacheHits_stddev,walkCacheHits_ci95,admissionWaits_mean,\
    admissionWaits_stddev,admissionWaits_ci95,suspensions_mean,suspensions_stddev,suspensions_ci95,n
    0,64,all,150,70.71067811865476,635.31023681,300,141.4213562373095,1270.62047362,225,106.06601717798213,\
    952.965355215,75,35.35533905932738,317.655118405,9600,4525.483399593904,40659.85515584,270,127.27922061357856,\
    1143.5584262579998,60,28.284271247461902,254.12409472399997,0.8181818181818182,0,0,60,28.284271247461902,\
    254.12409472399997,240,113.13708498984761,1016.4963788959999,30,14.142135623730951,127.06204736199999,15,\
    7.0710678118654755,63.53102368099999,15,7.0710678118654755,63.53102368099999,0.1,0,0,0.05,0,0,18,8.48528137423857,\
    76.23722841719999,6,2.8284271247461903,25.4124094724,15,7.0710678118654755,63.53102368099999,6,2.8284271247461903,\
    25.4124094724,0.15000000000000002,0.07071067811865477,0.6353102368100001,0.001,0,0,0.15000000000000002,\
    0.07071067811865477,0.6353102368100001,0.01,0,0,15000,7071.067811865475,63531.02368099999,30000,14142.13562373095,\
    127062.04736199998,960000,452548.3399593904,4065985.5155839995,1e-06,0,0,2e-06,0,0,3.004416e-06,\
    1.416295284736908e-06,1.2724908269571682e-05,4.5e-06,2.121320343559643e-06,1.90593071043e-05,4.5e-06,\
    2.121320343559643e-06,1.90593071043e-05,4.5e-06,2.121320343559643e-06,1.90593071043e-05,4.5e-06,\
    2.121320343559643e-06,1.90593071043e-05,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2
    0,64,db,150,70.71067811865476,635.31023681,300,141.4213562373095,1270.62047362,225,106.06601717798213,\
    952.965355215,75,35.35533905932738,317.655118405,9600,4525.483399593904,40659.85515584,270,127.27922061357856,\
    1143.5584262579998,60,28.284271247461902,254.12409472399997,0.8181818181818182,0,0,60,28.284271247461902,\
    254.12409472399997,240,113.13708498984761,1016.4963788959999,30,14.142135623730951,127.06204736199999,15,\
    7.0710678118654755,63.53102368099999,15,7.0710678118654755,63.53102368099999,0.1,0,0,0.05,0,0,18,8.48528137423857,\
    76.23722841719999,6,2.8284271247461903,25.4124094724,15,7.0710678118654755,63.53102368099999,6,2.8284271247461903,\
    25.4124094724,0.15000000000000002,0.07071067811865477,0.6353102368100001,0.001,0,0,0.15000000000000002,\
    0.07071067811865477,0.6353102368100001,0.01,0,0,15000,7071.067811865475,63531.02368099999,30000,14142.13562373095,\
    127062.04736199998,960000,452548.3399593904,4065985.5155839995,1e-06,0,0,2e-06,0,0,3.004416e-06,\
    1.416295284736908e-06,1.2724908269571682e-05,4.5e-06,2.121320343559643e-06,1.90593071043e-05,4.5e-06,\
    2.121320343559643e-06,1.90593071043e-05,4.5e-06,2.121320343559643e-06,1.90593071043e-05,4.5e-06,\
    2.121320343559643e-06,1.90593071043e-05,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2
    1,128,all,200,,,400,,,300,,,100,,,12800,,,360,,,80,,,0.8181818181818182,,,80,,,320,,,40,,,20,,,20,,,0.1,,,0.05,,,\
    24,,,8,,,20,,,8,,,0.2,,,0.001,,,0.2,,,0.01,,,20000,,,40000,,,1280000,,,1e-06,,,2e-06,,,4.005888e-06,,,6e-06,,,\
    6e-06,,,6e-06,,,6e-06,,,0,,,0,,,0,,,0,,,0,,,0,,,1
    1,128,db,200,,,400,,,300,,,100,,,12800,,,360,,,80,,,0.8181818181818182,,,80,,,320,,,40,,,20,,,20,,,0.1,,,0.05,,,24,\
    ,,8,,,20,,,8,,,0.2,,,0.001,,,0.2,,,0.01,,,20000,,,40000,,,1280000,,,1e-06,,,2e-06,,,4.005888e-06,,,6e-06,,,6e-06,,,\
    6e-06,,,6e-06,,,0,,,0,,,0,,,0,,,0,,,0,,,1
    """
}
