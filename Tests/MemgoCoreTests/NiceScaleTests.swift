import Testing

@testable import MemgoCore

@Suite struct NiceScaleTests {
  @Test func heckbertNiceNumbers() {
    #expect(NiceScale.niceNumber(0.87, round: false) == 1)
    #expect(NiceScale.niceNumber(1.2, round: false) == 2)
    #expect(NiceScale.niceNumber(4.9, round: false) == 5)
    #expect(NiceScale.niceNumber(5.1, round: false) == 10)
    #expect(NiceScale.niceNumber(1.4, round: true) == 1)
    #expect(NiceScale.niceNumber(2.9, round: true) == 2)
    #expect(NiceScale.niceNumber(6.9, round: true) == 5)
    #expect(NiceScale.niceNumber(7, round: true) == 10)
    #expect(NiceScale.niceNumber(230, round: true) == 200)
    #expect(NiceScale.niceNumber(0.0031, round: true) == 0.005)
    #expect(NiceScale.niceNumber(0.0029, round: true) == 0.002)
  }

  @Test func coversTheRangeWithNiceTicks() {
    let percent = NiceScale(minimum: 0, maximum: 92.4, ticks: 6)
    #expect(percent.lower == 0)
    #expect(percent.upper == 100)
    #expect(percent.step == 20)
    #expect(percent.values == [0, 20, 40, 60, 80, 100])
    #expect(percent.decimals == 0)
    let small = NiceScale(minimum: 0, maximum: 0.3, ticks: 6)
    // Heckbert: range nice(0.3) = 0.5, step nice(0.5 / 5) = 0.1.
    #expect(small.step == 0.1)
    #expect(small.decimals == 1)
    #expect(small.values.count == 4)  // 0.3 / 0.1 = 2.9999999999999996 is not rounded up to a fifth tick
    let flat = NiceScale(minimum: 0, maximum: 0)
    #expect(flat.lower == 0 && flat.upper >= 1)
    let constant = NiceScale(minimum: 40, maximum: 40)
    #expect(constant.lower <= 40 && constant.upper >= 40 && constant.lower < constant.upper)
    let undefined = NiceScale(minimum: .nan, maximum: 1)
    #expect(undefined.lower == 0 && undefined.upper == 1 && undefined.values.count == 6)
  }
}
