import Testing

@testable import MemgoCore

@Suite struct TraceAnalysisOptionsTests {
  @Test func acceptsTheDefaultsWithSizes() {
    #expect(TraceAnalysisOptions(frames: [64, 128]).problem() == nil)
    #expect(TraceAnalysisOptions().problem() == nil)
  }

  @Test func rejectsBadValues() {
    #expect(TraceAnalysisOptions(pageSize: 3000, frames: [1]).problem()?.contains("not a power of two") == true)
    #expect(TraceAnalysisOptions(pageSize: 0, frames: [1]).problem()?.contains("not a power of two") == true)
    #expect(TraceAnalysisOptions(frames: [4, 0]).problem()?.hasPrefix("frames 0 is not positive") == true)
    #expect(TraceAnalysisOptions(frames: [4, 4]).problem()?.contains("repeated") == true)
    #expect(TraceAnalysisOptions(policies: [.lru, .lru], frames: [4]).problem()?.contains("repeated") == true)
  }

  /// OPT counts once, whether asked for or implied by classification; sums saturate.
  @Test func countsTheFramesOfAllReplays() {
    #expect(TraceAnalysisOptions(policies: [.lru, .fifo], frames: [10, 20], classify: false).totalFrames == 60)
    #expect(TraceAnalysisOptions(policies: [.lru, .fifo], frames: [10, 20]).totalFrames == 90)
    #expect(TraceAnalysisOptions(policies: [.lru, .opt], frames: [10, 20]).totalFrames == 60)
    #expect(TraceAnalysisOptions(policies: [.lru], frames: [], curveSampler: .everyPage).totalFrames == 0)
    #expect(TraceAnalysisOptions(frames: [.max, .max]).totalFrames == .max)
    let tooMany = TraceAnalysisOptions(policies: [.lru], frames: [1 << 21, 1 << 21 + 1], classify: false)
    #expect(tooMany.problem()?.contains("at most 4194304") == true)
    #expect(TraceAnalysisOptions(policies: [.lru], frames: [1 << 22], classify: false).problem() == nil)
  }

  @Test func optRunsOnlyWithSizes() {
    #expect(TraceAnalysisOptions(frames: [4]).runsOPT)
    #expect(!TraceAnalysisOptions(frames: [4], classify: false).runsOPT)
    #expect(TraceAnalysisOptions(policies: [.opt], frames: [4], classify: false).runsOPT)
    #expect(!TraceAnalysisOptions(policies: [.opt], frames: [], curveSampler: .everyPage).runsOPT)
  }
}
