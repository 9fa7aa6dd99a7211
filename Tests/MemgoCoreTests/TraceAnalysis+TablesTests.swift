import Testing

@testable import MemgoCore

@Suite struct TraceAnalysisTablesTests {
  @Test func plainTextShowsResultsSplitAndAnomalies() throws {
    let analysis = try TraceAnalysisJSONTests.analysis(TraceAnalysisOptions(policies: [.fifo, .lru], frames: [3, 4]))
    let text = analysis.plainText()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasSuffix("(plain): 12 references, 12 page accesses (12 writes), 5 distinct pages of 4KiB."))
    #expect(
      lines[2] == "policy  frames  faults  fault rate  evictions  dirty evictions  compulsory  capacity  policy faults")
    #expect(
      lines[3] == "FIFO         3       9      0.7500          6                6           5         2              2")
    #expect(
      text.contains("Belady anomalies (more frames, more faults):\n  FIFO: 3 frames, 9 faults; 4 frames, 10 faults\n"))
  }

  @Test func csvUsesMachineNames() throws {
    let analysis = try TraceAnalysisJSONTests.analysis(
      TraceAnalysisOptions(policies: [.fifo], frames: [4], classify: false))
    #expect(
      analysis.csv() == "policy,frames,faults,faultRate,evictions,dirtyEvictions\nfifo,4,10,0.8333333333333334,6,6\n")
  }

  @Test func curveTablesAndMarkdown() throws {
    let analysis = try TraceAnalysisJSONTests.analysis(
      TraceAnalysisOptions(frames: [4], classify: false, curveSampler: .everyPage))
    #expect(
      analysis.curveCSV()
        == "frames,faults,faultRate\n1,12,1\n2,12,1\n3,10,0.8333333333333334\n4,8,0.6666666666666666\n"
        + "5,5,0.4166666666666667\n")
    #expect(analysis.csv().contains("\n\nframes,faults,faultRate\n"))
    let markdown = analysis.markdown()
    #expect(markdown.hasPrefix("# Trace memgo-belady-"))
    #expect(markdown.contains("## LRU miss-ratio curve\n\nExact, Mattson stack distances.\n"))
    #expect(markdown.contains("| policy | frames |"))
    #expect(
      analysis.plainText().contains(
        "LRU miss-ratio curve (exact, Mattson stack distances):\nframes  faults  fault rate\n"))
  }

  @Test func displayRates() {
    #expect(TraceAnalysis.displayRate(0.0009999871253967285) == "0.001")
    #expect(TraceAnalysis.displayRate(0.25) == "0.25")
    #expect(TraceAnalysis.displayRate(1) == "1")
  }
}
