import Testing

@testable import MemgoCore

@Suite struct ReplacementConfigTests {
  @Test func defaults() {
    let c = ReplacementConfig()
    #expect(c.policy == .fifo && c.scope == .global && c.referenceOnLoad)
    #expect(c.agingBits == 8 && c.agingPeriod == nil && c.wsclockTau == nil)
    #expect(c.twoQKin == 0.25 && c.twoQKout == 0.5)
    #expect(c.s3fifoSmallFraction == 0.1 && c.lirsHIRFraction == 0.01 && c.clockproColdMinimum == 0.01)
    #expect(c.validate().isEmpty)
  }

  @Test func validateNamesEveryBadParameter() {
    let c = ReplacementConfig(
      agingBits: 65, agingPeriod: SimTime(picoseconds: 0), wsclockTau: SimTime(picoseconds: -1), twoQKin: .nan,
      twoQKout: 4.5, s3fifoSmallFraction: -0.1, lirsHIRFraction: 1.5, clockproColdMinimum: 0.6)
    let problems = c.validate()
    #expect(
      problems.map(\.key) == [
        "agingBits", "agingPeriod", "wsclockTau", "twoQKin", "twoQKout", "s3fifoSmallFraction", "lirsHIRFraction",
        "clockproColdMinimum",
      ])
    #expect(problems[0].message == "65 is out of range (expected an integer in 1...64)")
    #expect(problems[1].message == "0ps is not positive (expected a duration of at least 1ps)")
    #expect(problems[2].message == "-1ps is negative (expected a duration >= 0)")
    #expect(problems[4].message == "4.5 is out of range (expected a fraction of the frames in 0...4)")
    #expect(problems[5].message == "-0.1 is out of range (expected a fraction of the frames in 0...1)")
    #expect(problems[6].message == "1.5 is out of range (expected a fraction of the frames in 0...1)")
    #expect(problems[7].message == "0.6 is out of range (expected a fraction of the frames in 0...0.5)")
    #expect(ReplacementConfig(s3fifoSmallFraction: .nan).validate().map(\.key) == ["s3fifoSmallFraction"])
    #expect(ReplacementConfig(lirsHIRFraction: .nan).validate().map(\.key) == ["lirsHIRFraction"])
    #expect(ReplacementConfig(clockproColdMinimum: .nan).validate().map(\.key) == ["clockproColdMinimum"])
    #expect(ReplacementConfig(clockproColdMinimum: -0.01).validate().map(\.key) == ["clockproColdMinimum"])
    let edges = ReplacementConfig(
      agingBits: 64, agingPeriod: SimTime(picoseconds: 1), wsclockTau: .zero, twoQKin: 1, twoQKout: 0,
      s3fifoSmallFraction: 1, lirsHIRFraction: 1, clockproColdMinimum: 0.5)
    #expect(edges.validate().isEmpty)
    #expect(ReplacementConfig(s3fifoSmallFraction: 0, lirsHIRFraction: 0, clockproColdMinimum: 0).validate().isEmpty)
  }

  @Test func parametersFollowThePolicy() {
    #expect(ReplacementConfig(policy: .lru).parameterDescription == "lru")
    #expect(ReplacementConfig(policy: .clock).parameterDescription == "clock (referenceOnLoad=true)")
    #expect(
      ReplacementConfig(policy: .aging, agingPeriod: .milliseconds(1)).parameterDescription
        == "aging (referenceOnLoad=true, agingBits=8, agingPeriod=1ms)")
    #expect(
      ReplacementConfig(policy: .wsclock, referenceOnLoad: false).parameterDescription
        == "wsclock (referenceOnLoad=false, wsclockTau=auto)")
    let twoQ = ReplacementConfig(policy: .twoQ).parameters
    #expect(twoQ.map(\.key) == ["policy", "twoQKin", "twoQKout"])
    #expect(twoQ.map(\.value) == ["2q", "0.25", "0.5"])
    #expect(ReplacementConfig(policy: .s3fifo).parameterDescription == "s3fifo (s3fifoSmallFraction=0.1)")
    #expect(ReplacementConfig(policy: .lirs).parameterDescription == "lirs (lirsHIRFraction=0.01)")
    #expect(ReplacementConfig(policy: .mglru).parameterDescription == "mglru (referenceOnLoad=true)")
    #expect(ReplacementConfig(policy: .clockpro).parameterDescription == "clockpro (clockproColdMinimum=0.01)")
  }

  @Test func durationsInTheLargestExactUnit() {
    #expect(ReplacementConfig.format(SimTime(picoseconds: 0)) == "0ps")
    #expect(ReplacementConfig.format(SimTime(picoseconds: 7)) == "7ps")
    #expect(ReplacementConfig.format(.microseconds(1500)) == "1500us")
    #expect(ReplacementConfig.format(SimTime(picoseconds: 2_000_000_000_000)) == "2s")
    #expect(ReplacementConfig.format(.nanoseconds(3)) == "3ns")
  }
}
