import Testing

@testable import MemgoCore

@Suite struct DisplayUnitTests {
  @Test func timeUnitsForOneValue() {
    #expect(DisplayUnit.choose(for: .seconds, magnitude: 2).symbol == "s")
    #expect(DisplayUnit.choose(for: .seconds, magnitude: 0.005).symbol == "ms")
    #expect(DisplayUnit.choose(for: .seconds, magnitude: 2e-6).symbol == "µs")
    #expect(DisplayUnit.choose(for: .seconds, magnitude: 5e-10).symbol == "ns")
    #expect(DisplayUnit.choose(for: .seconds, magnitude: 0).symbol == "ns")
  }

  @Test func timeUnitsForAColumn() {
    // The smallest value reads at least 1 ...
    #expect(DisplayUnit.choose(for: .seconds, values: [0.0123, 0.9, 0]).symbol == "ms")
    #expect(DisplayUnit.choose(for: .seconds, values: [12e-6, 0.9]).symbol == "µs")
    // ... unless the largest would reach a million.
    #expect(DisplayUnit.choose(for: .seconds, values: [2e-9, 5]).symbol == "ms")
    #expect(DisplayUnit.choose(for: .seconds, values: [0, 0]).symbol == "ns")
    #expect(DisplayUnit.choose(for: .seconds, values: []).symbol == "ns")
  }

  @Test func notApplicableIsADash() {
    let unit = DisplayUnit.choose(for: .seconds, values: [.nan, 0.002])
    #expect(unit.symbol == "ms")
    #expect(unit.format(.nan, digits: 3) == "-")
    #expect(unit.format(Summary([.nan, 1]), digits: 3) == "-")
  }

  @Test func otherUnits() {
    #expect(DisplayUnit.choose(for: .fraction, magnitude: 0.5) == DisplayUnit(symbol: "%", scale: 100))
    #expect(DisplayUnit.choose(for: .count, magnitude: 5) == DisplayUnit(symbol: "", scale: 1, integral: true))
    #expect(DisplayUnit.choose(for: .bytes, magnitude: 5).symbol == "B")
    #expect(DisplayUnit.choose(for: .perSecond, magnitude: 5).symbol == "req/s")
    #expect(DisplayUnit.choose(for: .accessesPerSecond, magnitude: 5).symbol == "acc/s")
    #expect(DisplayUnit.choose(for: .bytesPerSecond, magnitude: 5).symbol == "B/s")
  }

  @Test func values() {
    let percent = DisplayUnit.choose(for: .fraction, magnitude: 0)
    #expect(percent.format(0.12345, digits: 3) == "12.3")
    let count = DisplayUnit.choose(for: .count, magnitude: 0)
    #expect(count.format(123_456, digits: 3) == "123456")
    #expect(count.format(2.5, digits: 3) == "2.50")
  }

  @Test func summaries() {
    let ms = DisplayUnit.choose(for: .seconds, magnitude: 0.01)
    // n = 1: the plain mean.
    #expect(ms.format(Summary(mean: 0.0123, stddev: nil, ci95: nil, n: 1), digits: 3) == "12.3")
    // The half-width to 2 significant digits ...
    #expect(ms.format(Summary(mean: 0.0123, stddev: 0.001, ci95: 0.0045, n: 5), digits: 3) == "12.3 ± 4.5")
    // ... but no more decimals than the mean.
    #expect(ms.format(Summary(mean: 0.0198, stddev: 0, ci95: 0.000075, n: 5), digits: 3) == "19.8 ± 0.1")
    #expect(ms.format(Summary(mean: 0.0198, stddev: 0, ci95: 0, n: 5), digits: 3) == "19.8 ± 0.0")
    // Large half-widths are rounded too.
    let rate = DisplayUnit.choose(for: .perSecond, magnitude: 0)
    #expect(rate.format(Summary(mean: 40_000, stddev: 1, ci95: 127_062, n: 2), digits: 3) == "40000 ± 130000")
    let count = DisplayUnit.choose(for: .count, magnitude: 0)
    #expect(count.format(Summary(mean: 400, stddev: 1, ci95: 0, n: 2), digits: 3) == "400 ± 0")
  }
}
