import Testing

@testable import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct DistributionSamplerTests {
  /// A distribution's first four raw moments E[X^k], k = 1...4, from its textbook formulas.
  struct Moments {
    var raw: [Double]
    var mean: Double { raw[0] }
    var variance: Double { raw[1] - raw[0] * raw[0] }
    /// The fourth central moment μ4.
    var fourthCentral: Double {
      let m = raw[0]
      return raw[3] - 4 * m * raw[2] + 6 * m * m * raw[1] - 3 * m * m * m * m
    }
  }

  static func moments(_ d: Distribution) -> Moments {
    switch d {
    case .constant(let v):
      return Moments(raw: [v, v * v, v * v * v, v * v * v * v])
    case .uniform(let a, let b):
      var raw: [Double] = []
      for k in 1...4 {
        let next = Double(k + 1)
        let numerator: Double = pow(b, next) - pow(a, next)
        raw.append(numerator / (next * (b - a)))
      }
      return Moments(raw: raw)
    case .exponential(let m):
      return Moments(raw: [m, 2 * m * m, 6 * pow(m, 3), 24 * pow(m, 4)])
    case .normal(let m, let s):
      let v = s * s
      return Moments(raw: [m, m * m + v, pow(m, 3) + 3 * m * v, pow(m, 4) + 6 * m * m * v + 3 * v * v])
    case .lognormal(let m, let s):
      let sigma2 = log(1 + s * s / (m * m))
      let mu = log(m) - sigma2 / 2
      return Moments(raw: (1...4).map { k in exp(Double(k) * mu + Double(k * k) * sigma2 / 2) })
    case .pareto(let xm, let alpha):
      return Moments(raw: (1...4).map { k in alpha * pow(xm, Double(k)) / (alpha - Double(k)) })
    case .empirical(let values, let weights):
      let total = weights.reduce(0, +)
      return Moments(
        raw: (1...4).map { k in zip(values, weights).reduce(0) { $0 + pow($1.0, Double(k)) * $1.1 } / total })
    }
  }

  static let sampleCount = 200_000

  /// 200k seeded samples: the sample mean within 4 standard errors σ/√n of the theoretical mean,
  /// the sample variance within 4 standard errors √((μ4 − σ⁴)/n) of the theoretical variance.
  @Test(arguments: [
    Distribution.uniform(min: 10, max: 30),
    .exponential(mean: 50_000_000),
    .normal(mean: 100, stddev: 15),
    .lognormal(mean: 100, stddev: 50),
    .lognormal(mean: 2e9, stddev: 1e9),
    .pareto(scale: 1000, shape: 6),
    .empirical(values: [1, 2, 3, 10], weights: [4, 3, 2, 1]),
  ])
  func meanAndVarianceMatchTheory(_ d: Distribution) {
    let sampler = DistributionSampler(d)
    var rng = Xoshiro256StarStar(seed: 31)
    var sum = 0.0
    var sumSquares = 0.0
    let samples = (0..<Self.sampleCount).map { _ in sampler.sample(&rng) }
    let n = Double(samples.count)
    for x in samples { sum += x }
    let mean = sum / n
    for x in samples { sumSquares += (x - mean) * (x - mean) }
    let variance = sumSquares / (n - 1)
    let theory = Self.moments(d)
    let meanSE = (theory.variance / n).squareRoot()
    let varianceSE = ((theory.fourthCentral - theory.variance * theory.variance) / n).squareRoot()
    #expect(abs(mean - theory.mean) < 4 * meanSE, "\(d): mean \(mean), expected \(theory.mean) ± \(4 * meanSE)")
    #expect(
      abs(variance - theory.variance) < 4 * varianceSE,
      "\(d): variance \(variance), expected \(theory.variance) ± \(4 * varianceSE)")
    #expect(abs(theory.mean - d.mean!) < 1e-9 * abs(theory.mean))
  }

  /// The lognormal's parameters are those of the distribution itself: its sample mean and standard
  /// deviation match the configured ones, and ln X has mean μ = ln m − σ²/2.
  @Test func lognormalMatchesConfiguredMeanAndStddev() {
    let m = 5_000.0
    let s = 2_000.0
    let sampler = DistributionSampler(.lognormal(mean: m, stddev: s))
    var rng = Xoshiro256StarStar(seed: 8)
    let xs = (0..<Self.sampleCount).map { _ in sampler.sample(&rng) }
    let n = Double(xs.count)
    let mean = xs.reduce(0, +) / n
    let sd = (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
    #expect(abs(mean - m) < 4 * s / n.squareRoot())
    #expect(abs(sd - s) / s < 0.02, "stddev \(sd)")
    let sigma2 = log(1 + s * s / (m * m))
    let logMean = xs.reduce(0) { $0 + log($1) } / n
    #expect(abs(logMean - (log(m) - sigma2 / 2)) < 4 * (sigma2 / n).squareRoot())
    #expect(xs.allSatisfy { $0 > 0 })
  }

  /// Shapes ≤ 2 have no variance: check the tail law P(X > t·x_m) = t^−α instead.
  @Test func paretoTailMatchesTheory() {
    let sampler = DistributionSampler(.pareto(scale: 10, shape: 1.5))
    var rng = Xoshiro256StarStar(seed: 4)
    let xs = (0..<Self.sampleCount).map { _ in sampler.sample(&rng) }
    let n = Double(xs.count)
    #expect(xs.allSatisfy { $0 >= 10 })
    for t in [1.5, 2.0, 10.0, 100.0] {
      let p = pow(t, -1.5)
      let observed = Double(xs.filter { $0 > 10 * t }.count) / n
      #expect(abs(observed - p) < 4 * (p * (1 - p) / n).squareRoot(), "P(X > \(t)·scale) = \(observed), expected \(p)")
    }
  }

  @Test func empiricalFrequenciesMatchWeights() {
    let sampler = DistributionSampler(.empirical(values: [1, 2, 3, 4], weights: [1, 0, 3, 6]))
    var rng = Xoshiro256StarStar(seed: 12)
    var counts: [Double: Int] = [:]
    for _ in 0..<Self.sampleCount { counts[sampler.sample(&rng), default: 0] += 1 }
    let n = Double(Self.sampleCount)
    #expect(counts[2] == nil)
    #expect(Set(counts.keys) == [1, 3, 4])
    for (value, p) in [(1.0, 0.1), (3.0, 0.3), (4.0, 0.6)] {
      let f = Double(counts[value] ?? 0) / n
      #expect(abs(f - p) < 4 * (p * (1 - p) / n).squareRoot(), "value \(value): \(f), expected \(p)")
    }
  }

  /// The alias table against the weights, exactly: each value's total column share
  /// (threshold[i] + Σ_{alias[j] = i} (1 − threshold[j])) / k equals its normalized weight.
  @Test func aliasTableReproducesWeights() {
    var rng = Xoshiro256StarStar(seed: 99)
    for _ in 0..<200 {
      let k = Int(rng.nextInt(below: 40)) + 1
      var weights = (0..<k).map { _ in rng.nextBool(probability: 0.2) ? 0 : rng.nextDouble() * 100 }
      if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
      let (threshold, alias) = DistributionSampler.aliasTable(weights: weights)
      var share = threshold
      for j in 0..<k where alias[j] != j { share[alias[j]] += 1 - threshold[j] }
      let total = weights.reduce(0, +)
      for i in 0..<k {
        #expect(abs(share[i] / Double(k) - weights[i] / total) < 1e-12, "weights \(weights)")
        #expect(threshold[i] >= 0 && threshold[i] <= 1)
        #expect(alias[i] >= 0 && alias[i] < k)
      }
    }
  }

  @Test func constantsAreExactAndDrawNothing() {
    var rng = Xoshiro256StarStar(seed: 1)
    let before = rng
    for d in [
      Distribution.constant(123.5), .uniform(min: 7, max: 7), .normal(mean: 9, stddev: 0),
      .lognormal(mean: 11, stddev: 0), .exponential(mean: 0), .empirical(values: [3, 13], weights: [0, 2]),
    ] {
      let sampler = DistributionSampler(d)
      #expect(sampler.isConstant, "\(d)")
      let value = sampler.constantValue
      #expect(value == d.mean, "\(d)")
      for _ in 0..<10 { #expect(sampler.sample(&rng) == value) }
    }
    #expect(
      rng.next()
        == {
          var r = before
          return r.next()
        }())
    #expect(DistributionSampler(.exponential(mean: 1)).constantValue == nil)
    #expect(!DistributionSampler(.uniform(min: 0, max: 1)).isConstant)
  }

  @Test func sameSeedSameValues() {
    for d in [Distribution.normal(mean: 0, stddev: 1), .lognormal(mean: 3, stddev: 1), .pareto(scale: 1, shape: 2)] {
      let sampler = DistributionSampler(d)
      var a = Xoshiro256StarStar(seed: 5)
      var b = Xoshiro256StarStar(seed: 5)
      for _ in 0..<100 { #expect(sampler.sample(&a) == sampler.sample(&b)) }
    }
  }

  // MARK: - Durations and sizes

  /// A normal duration is truncated at zero by resampling: never negative, and its mean is the
  /// truncated normal's μ + σ·φ(α)/(1 − Φ(α)) with α = −μ/σ.
  @Test func truncatedNormalDurationIsNonnegativeWithTheoreticalMean() {
    let mu = 1_000.0
    let sigma = 2_000.0
    let sampler = DistributionSampler(.normal(mean: mu, stddev: sigma))
    var rng = Xoshiro256StarStar(seed: 21)
    let xs = (0..<Self.sampleCount).map { _ in sampler.sampleDuration(&rng) }
    #expect(xs.allSatisfy { $0 >= 0 })
    let alpha = -mu / sigma
    let phi = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
    let tail = erfc(alpha / 2.0.squareRoot()) / 2  // 1 − Φ(α)
    let lambda = phi / tail
    let mean = mu + sigma * lambda
    let sd = sigma * (1 + alpha * lambda - lambda * lambda).squareRoot()
    let n = Double(xs.count)
    let observed = Double(xs.reduce(0, +)) / n
    #expect(abs(observed - mean) < 4 * sd / n.squareRoot() + 0.5, "mean \(observed), expected \(mean)")
  }

  /// Resampling gives up after 64 negative draws and returns 0 (or 1 byte for a size).
  @Test func hopelessNormalFallsBackToZero() {
    let sampler = DistributionSampler(.normal(mean: -1e6, stddev: 1))
    var rng = Xoshiro256StarStar(seed: 2)
    for _ in 0..<100 {
      #expect(sampler.sampleDuration(&rng) == 0)
      #expect(sampler.sampleSize(&rng, maximum: 4096) == 1)
    }
  }

  @Test func durationsRoundToNearestAndClamp() {
    var rng = Xoshiro256StarStar(seed: 3)
    #expect(DistributionSampler(.constant(2.5)).sampleDuration(&rng) == 3)
    #expect(DistributionSampler(.constant(2.49)).sampleDuration(&rng) == 2)
    #expect(DistributionSampler(.constant(-5)).sampleDuration(&rng) == 0)
    #expect(DistributionSampler(.constant(1e30)).sampleDuration(&rng) == DistributionSampler.maximumDuration)
    #expect(DistributionSampler(.constant(1e30)).sampleDuration(&rng, maximum: .max) == .max)
    #expect(DistributionSampler(.constant(500)).sampleDuration(&rng, maximum: 100) == 100)
    // A tiny Pareto shape overflows to +∞ often: clamped, never a trap.
    let wild = DistributionSampler(.pareto(scale: 1e6, shape: 0.01))
    for _ in 0..<1000 {
      let d = wild.sampleDuration(&rng)
      #expect(d >= 1_000_000 && d <= DistributionSampler.maximumDuration)
    }
    // The mean of rounded exponential durations stays the configured mean.
    let exponential = DistributionSampler(.exponential(mean: 1_000))
    let n = 100_000
    let mean = Double((0..<n).reduce(Int64(0)) { acc, _ in acc + exponential.sampleDuration(&rng) }) / Double(n)
    #expect(abs(mean - 1_000) < 4 * 1_000 / Double(n).squareRoot())
  }

  @Test func sizesAreClampedToOneThroughMaximum() {
    var rng = Xoshiro256StarStar(seed: 6)
    let uniform = DistributionSampler(.uniform(min: 0, max: 10))
    var seen = Set<Int64>()
    for _ in 0..<10_000 { seen.insert(uniform.sampleSize(&rng, maximum: 1 << 20)) }
    #expect(seen == Set(1...10))
    for _ in 0..<1_000 {
      let s = uniform.sampleSize(&rng, maximum: 5)
      #expect(s >= 1 && s <= 5)
    }
    let normal = DistributionSampler(.normal(mean: 2, stddev: 50))
    for _ in 0..<10_000 {
      let s = normal.sampleSize(&rng, maximum: 4096)
      #expect(s >= 1 && s <= 4096)
    }
  }

  // MARK: - Validation

  @Test func problemsAreReportedNotTrapped() {
    let invalid: [Distribution] = [
      .constant(.nan), .uniform(min: 2, max: 1), .uniform(min: 0, max: .infinity), .exponential(mean: -1),
      .normal(mean: 0, stddev: -1), .lognormal(mean: 0, stddev: 1), .lognormal(mean: 1e-200, stddev: 1e200),
      .pareto(scale: 0, shape: 1), .pareto(scale: 1, shape: 0), .empirical(values: [], weights: []),
      .empirical(values: [1, 2], weights: [1]), .empirical(values: [1], weights: [0]),
      .empirical(values: [1, 2], weights: [1, -1]), .empirical(values: [1, 2], weights: [1e308, 1e308]),
    ]
    for d in invalid { #expect(DistributionSampler.problem(with: d) != nil, "\(d)") }
    let valid: [Distribution] = [
      .constant(-3), .uniform(min: 1, max: 1), .exponential(mean: 0), .normal(mean: -5, stddev: 0),
      .lognormal(mean: 1, stddev: 100), .pareto(scale: 1, shape: 0.5), .empirical(values: [1, 2], weights: [0, 1]),
    ]
    for d in valid { #expect(DistributionSampler.problem(with: d) == nil, "\(d)") }
  }
  /// The library-free rounding the samplers use gives exactly `rounded()`: at the halves, next to
  /// them, around 2^52 and 2^63, at infinities and NaN, and over seeded random doubles of every
  /// magnitude and sign.
  @Test func roundingWithoutTheCLibraryMatchesRounded() {
    var cases: [Double] = [
      0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
      0x1p52 - 0.5, -(0x1p52 - 0.5), 0x1p52 - 1.5, 0x1p52, 0x1p52 + 1, 0x1p63, -0x1p63, 1e300,
      .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
    ]
    for x in [0.5, 1.5, 1e6 + 0.5, 4503599627370495.5] {
      cases += [x.nextUp, x.nextDown, -x.nextUp, -x.nextDown]
    }
    var rng = Xoshiro256StarStar(seed: 42)
    for _ in 0..<100_000 {
      let magnitude = pow(2, Double(rng.nextInt(below: 130)) - 65)
      cases.append((rng.nextDouble() - 0.5) * magnitude)
    }
    for x in cases {
      #expect(DistributionSampler.roundedHalfAway(x) == x.rounded(), "\(x)")
    }
    #expect(DistributionSampler.roundedHalfAway(.nan).isNaN)
  }
}
