import Testing

@testable import MemgoCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct MeanValueAnalysisTests {
  typealias MVA = MeanValueAnalysis

  static func close(_ a: Double, _ b: Double, relative: Double) -> Bool {
    a == b || abs(a - b) <= relative * max(abs(a), abs(b))
  }

  // MARK: - References

  /// The machine-repairman model (N customers thinking `z` on average, then served by one station
  /// of `m` servers with mean service `s`) as a birth–death chain on the station's population j:
  /// birth rate (N − j)/z, death rate min(j, m)/s, so p_j ∝ N!/(N − j)! · (s/z)^j / Π_{i≤j} min(i, m).
  /// Computed in logarithms, so it stays exact to rounding for N = 1000.
  /// Returns (X, R, Q, p) at population N.
  static func repairman(customers n: Int, serviceTime s: Double, thinkTime z: Double, servers m: Int)
    -> (throughput: Double, response: Double, queue: Double, probabilities: [Double])
  {
    var logWeights = [0.0]
    for j in 1...n {
      let up = log(Double(n - j + 1) / z)  // from j − 1 to j
      let down = log(Double(min(j, m)) / s)  // from j to j − 1
      logWeights.append(logWeights[j - 1] + up - down)
    }
    let top = logWeights.max()!
    let weights = logWeights.map { exp($0 - top) }
    let total = weights.reduce(0, +)
    let p = weights.map { $0 / total }
    var x = 0.0
    var q = 0.0
    for j in 1...n {
      x += p[j] * Double(min(j, m)) / s
      q += p[j] * Double(j)
    }
    return (x, q / x, q, p)
  }

  /// log f_k(j) of a station in the product form: D^j / Π_{i≤j} α(i) with α(i) = min(i, m), or
  /// α(i) = i for a delay station (m = 0).
  static func logFactors(demand d: Double, servers m: Int, upTo n: Int) -> [Double] {
    var f = [0.0]
    for j in 1...max(n, 1) {
      let alpha = m == 0 ? Double(j) : Double(min(j, m))
      f.append(d == 0 ? -.infinity : f[j - 1] + log(d) - log(alpha))
    }
    return f
  }

  /// Convolution of two log-domain sequences, up to index n (log-sum-exp at each index).
  static func convolve(_ a: [Double], _ b: [Double], upTo n: Int) -> [Double] {
    var out = [Double](repeating: -.infinity, count: n + 1)
    for i in 0...n {
      var top = -Double.infinity
      for j in 0...i { top = max(top, a[j] + b[i - j]) }
      guard top > -.infinity else { continue }
      var sum = 0.0
      for j in 0...i { sum += exp(a[j] + b[i - j] - top) }
      out[i] = top + log(sum)
    }
    return out
  }

  /// Exact throughput and queue lengths at population n by the convolution algorithm (Buzen
  /// 1973; load-dependent stations as in Reiser and Kobayashi 1975) in logarithms:
  /// X = G(n − 1)/G(n) and Q_k = Σ_j j·f_k(j)·G_{−k}(n − j)/G(n), with each complement G_{−k}
  /// convolved from scratch. Independent of MVA.
  static func convolution(customers n: Int, thinkTime z: Double, stations: [MVA.Station])
    -> (throughput: Double, queues: [Double])
  {
    let factors =
      [logFactors(demand: z, servers: 0, upTo: n)]
      + stations.map { logFactors(demand: $0.demand, servers: $0.servers, upTo: n) }
    func network(without skip: Int) -> [Double] {
      var g = [0.0] + [Double](repeating: -.infinity, count: n)
      for (k, f) in factors.enumerated() where k != skip { g = convolve(g, f, upTo: n) }
      return g
    }
    let g = network(without: -1)
    let queues = stations.indices.map { k in
      let rest = network(without: k + 1)
      return (1...n).reduce(0.0) { $0 + Double($1) * exp(factors[k + 1][$1] + rest[n - $1] - g[n]) }
    }
    return (exp(g[n - 1] - g[n]), queues)
  }

  /// Exact throughput and queue lengths by summing the product form over every state
  /// (n_0, ..., n_K) with Σ n_k = n (station 0 is the think time). Tiny n only.
  static func enumeration(customers n: Int, thinkTime z: Double, stations: [MVA.Station])
    -> (throughput: Double, queues: [Double])
  {
    let all = [MVA.Station(name: "think", serviceTime: z, servers: 0)] + stations
    func f(_ k: Int, _ j: Int) -> Double {
      var v = 1.0
      for i in stride(from: 1, through: j, by: 1) {
        let m = all[k].servers
        v *= all[k].demand / (m == 0 ? Double(i) : Double(min(i, m)))
      }
      return v
    }
    func sum(population: Int) -> (g: Double, weighted: [Double]) {
      var g = 0.0
      var weighted = [Double](repeating: 0, count: all.count)
      var state = [Int](repeating: 0, count: all.count)
      func place(_ k: Int, _ left: Int) {
        if k == all.count - 1 {
          state[k] = left
          let w = (0..<all.count).reduce(1.0) { $0 * f($1, state[$1]) }
          g += w
          for i in all.indices { weighted[i] += Double(state[i]) * w }
          return
        }
        for j in 0...left {
          state[k] = j
          place(k + 1, left - j)
        }
      }
      place(0, population)
      return (g, weighted)
    }
    let now = sum(population: n)
    let before = sum(population: n - 1)
    return (before.g / now.g, now.weighted.dropFirst().map { $0 / now.g })
  }

  /// The textbook load-dependent MVA that closes with p(0 | n) = 1 − Σ_{j≥1} p(j | n), for the
  /// repairman model; kept here to show why `MeanValueAnalysis` does not.
  static func subtractingMVA(customers: Int, serviceTime s: Double, thinkTime z: Double, servers m: Int)
    -> (throughput: Double, minimumProbability: Double)
  {
    var p = [1.0] + [Double](repeating: 0, count: customers)
    var x = 0.0
    var lowest = 1.0
    for n in 1...customers {
      var r = 0.0
      for j in 1...n { r += Double(j) * s / Double(min(j, m)) * p[j - 1] }
      x = Double(n) / (z + r)
      for j in stride(from: n, through: 1, by: -1) { p[j] = x * s / Double(min(j, m)) * p[j - 1] }
      p[0] = 1 - p[1...n].reduce(0, +)
      lowest = min(lowest, p.min()!)
    }
    return (x, lowest)
  }

  // MARK: - Hand-computed values

  /// The machine-repairman model: one single server, S = 5 ms, think time Z = 20 ms.
  @Test func singleServerRepairmanByHand() throws {
    let result = try MVA.solve(
      customers: 3, thinkTime: 0.020, stations: [MVA.Station(name: "cpu", serviceTime: 0.005)])
    try #require(result.count == 3)
    // N = 1: R(1) = S·(1 + Q(0)) = 5 ms; X(1) = 1/(20 + 5) ms = 40/s; Q(1) = X·R = 40·0.005 = 0.2.
    // N = 2: R(2) = 5·(1 + 0.2) = 6 ms; X(2) = 2/(26 ms) = 76.923/s; Q(2) = X·R = 6/13.
    // N = 3: R(3) = 5·(1 + 6/13) = 95/13 ms = 7.3077 ms; X(3) = 3/((20 + 95/13) ms) = 39/355 per ms
    //        = 109.859/s; Q(3) = 39/355 · 95/13 = 57/71.
    let expected: [(x: Double, r: Double, q: Double)] = [
      (40, 0.005, 0.2), (2 / 0.026, 0.006, 6.0 / 13), (39_000.0 / 355, 0.095 / 13, 57.0 / 71),
    ]
    for (n, e) in expected.enumerated() {
      let s = result[n]
      #expect(s.customers == n + 1)
      #expect(Self.close(s.throughput, e.x, relative: 1e-14), "X(\(n + 1)) = \(s.throughput)")
      #expect(Self.close(s.responseTime, e.r, relative: 1e-14), "R(\(n + 1)) = \(s.responseTime)")
      #expect(Self.close(s.stations[0].queueLength, e.q, relative: 1e-14))
      #expect(Self.close(s.stations[0].utilization, e.x * 0.005, relative: 1e-14))
      #expect(Self.close(s.thinkingCustomers, e.x * 0.020, relative: 1e-14))
    }
  }

  /// The same model with two servers (S = 5 ms each, Z = 20 ms): the load-dependent form.
  @Test func twoServerRepairmanByHand() throws {
    let result = try MVA.solve(
      customers: 3, thinkTime: 0.020, stations: [MVA.Station(name: "disk", serviceTime: 0.005, servers: 2)])
    // R(n) = (D/m)·(1 + Q(n − 1) + (m − 1)·p(0 | n − 1)) with D/m = 2.5 ms, m − 1 = 1.
    // The complement (think only) has X_−(n) = n/Z = 50n per second; p(0 | n) = p(0 | n − 1)·X(n)/X_−(n).
    // N = 1: R = 2.5·(1 + 0 + 1) = 5 ms; X = 1/25 ms = 40/s; Q = 0.2; p(0 | 1) = 1·40/50 = 0.8.
    // N = 2: R = 2.5·(1 + 0.2 + 0.8) = 5 ms (two servers, no waiting); X = 2/25 ms = 80/s; Q = 0.4;
    //        p(0 | 2) = 0.8·80/100 = 0.64.
    // N = 3: R = 2.5·(1 + 0.4 + 0.64) = 5.1 ms; X = 3/25.1 ms = 119.522/s; Q = X·R = 15.3/25.1.
    // Birth–death check for N = 3: p_j ∝ 1, 0.75, 0.1875, 0.0234375 (sum 1.9609375);
    //   Q = 1.1953125/1.9609375 = 0.609562 ✓, X = (0.15 + 0.084375)/1.9609375 per ms = 119.522/s ✓.
    let expected: [(x: Double, r: Double, q: Double)] = [
      (40, 0.005, 0.2), (80, 0.005, 0.4), (3 / 0.0251, 0.0051, 15.3 / 25.1),
    ]
    for (n, e) in expected.enumerated() {
      let s = result[n]
      #expect(Self.close(s.throughput, e.x, relative: 1e-14), "X(\(n + 1)) = \(s.throughput)")
      #expect(Self.close(s.responseTime, e.r, relative: 1e-14), "R(\(n + 1)) = \(s.responseTime)")
      #expect(Self.close(s.stations[0].queueLength, e.q, relative: 1e-14))
      #expect(Self.close(s.stations[0].utilization, e.x * 0.005 / 2, relative: 1e-14))
      #expect(Self.close(s.stations[0].busyServers, e.x * 0.005, relative: 1e-14))
    }
    #expect(Self.close(1.1953125 / 1.9609375, result[2].stations[0].queueLength, relative: 1e-14))
  }

  /// Visits and demands: a station visited 4 times at 1 ms per visit is a 4 ms demand, and its
  /// per-visit response time is its residence time over 4.
  @Test func visitsScaleDemand() throws {
    // One customer, Z = 6 ms: R = D = 4 ms, X = 1/10 ms = 100/s, station throughput 400 visits/s.
    let s = try #require(
      try MVA.solve(
        customers: 1, thinkTime: 0.006, stations: [MVA.Station(name: "disk", serviceTime: 0.001, visits: 4)]
      ).first)
    #expect(Self.close(s.throughput, 100, relative: 1e-14))
    #expect(Self.close(s.stations[0].throughput, 400, relative: 1e-14))
    #expect(Self.close(s.stations[0].residenceTime, 0.004, relative: 1e-14))
    #expect(Self.close(s.stations[0].responseTime, 0.001, relative: 1e-14))
  }

  // MARK: - Against exact references

  /// MVA against the repairman's closed-form birth–death solution, N = 1...32, m = 1, 2, 4.
  @Test(arguments: [1, 2, 4], [0.01, 0.25, 1.0, 7.5])
  func matchesBirthDeath(servers m: Int, ratio: Double) throws {
    let z = 0.02
    let s = z * ratio
    let result = try MVA.solve(
      customers: 32, thinkTime: z, stations: [MVA.Station(name: "q", serviceTime: s, servers: m)])
    for n in 1...32 {
      let exact = Self.repairman(customers: n, serviceTime: s, thinkTime: z, servers: m)
      let got = result[n - 1]
      #expect(Self.close(got.throughput, exact.throughput, relative: 1e-9), "N=\(n) m=\(m) S/Z=\(ratio)")
      #expect(Self.close(got.responseTime, exact.response, relative: 1e-9), "N=\(n) m=\(m) S/Z=\(ratio)")
      #expect(Self.close(got.stations[0].queueLength, exact.queue, relative: 1e-9))
    }
  }

  /// A mixed network (think time, a single server, two multi-server stations, an extra delay
  /// station and a station with zero demand) against brute-force summation of the product form.
  @Test func mixedNetworkMatchesEnumeration() throws {
    let stations = [
      MVA.Station(name: "cpu", serviceTime: 0.002, visits: 3, servers: 1),
      MVA.Station(name: "disk", serviceTime: 0.010, visits: 1, servers: 3),
      MVA.Station(name: "pool", serviceTime: 0.004, visits: 2, servers: 2),
      MVA.Station(name: "net", serviceTime: 0.003, visits: 1, servers: 0),
      MVA.Station(name: "idle", serviceTime: 0, visits: 5, servers: 4),
    ]
    let result = try MVA.solve(customers: 7, thinkTime: 0.015, stations: stations)
    for n in 1...7 {
      let exact = Self.enumeration(customers: n, thinkTime: 0.015, stations: stations)
      let got = result[n - 1]
      #expect(Self.close(got.throughput, exact.throughput, relative: 1e-12), "N=\(n)")
      for k in stations.indices {
        #expect(
          abs(got.stations[k].queueLength - exact.queues[k]) <= 1e-12 * Double(n),
          "N=\(n) station \(k): \(got.stations[k].queueLength) vs \(exact.queues[k])")
      }
      #expect(got.stations[4].queueLength == 0 && got.stations[4].utilization == 0)
    }
  }

  /// A network without think time: the complement of a lone multi-server station is empty.
  @Test func noThinkTime() throws {
    let stations = [MVA.Station(name: "pool", serviceTime: 0.004, servers: 3)]
    let result = try MVA.solve(customers: 6, thinkTime: 0, stations: stations)
    // Every customer is at the pool: X(n) = min(n, 3)/S.
    for n in 1...6 {
      #expect(Self.close(result[n - 1].throughput, Double(min(n, 3)) / 0.004, relative: 1e-14))
      #expect(Self.close(result[n - 1].stations[0].queueLength, Double(n), relative: 1e-14))
    }
    let two = [stations[0], MVA.Station(name: "disk", serviceTime: 0.01, servers: 2)]
    let mixed = try MVA.solve(customers: 5, thinkTime: 0, stations: two)
    for n in 1...5 {
      let exact = Self.enumeration(customers: n, thinkTime: 0, stations: two)
      #expect(Self.close(mixed[n - 1].throughput, exact.throughput, relative: 1e-12), "N=\(n)")
    }
  }

  // MARK: - Numerical stability

  /// N = 1000 customers at a 64-server station, light, balanced and saturated, against the
  /// log-domain birth–death solution; the textbook subtraction form breaks down on the same input.
  @Test(arguments: [0.5, 4.0, 64.0])
  func stableWithManyServersAndCustomers(ratio: Double) throws {
    let z = 1.0
    let s = ratio * z / 16  // demand relative to think time; saturated once N·S/Z ≫ m
    let result = try MVA.solve(
      customers: 1000, thinkTime: z, stations: [MVA.Station(name: "pool", serviceTime: s, servers: 64)])
    for n in [1, 10, 63, 64, 65, 200, 500, 1000] {
      let exact = Self.repairman(customers: n, serviceTime: s, thinkTime: z, servers: 64)
      let got = result[n - 1]
      #expect(Self.close(got.throughput, exact.throughput, relative: 1e-9), "N=\(n) S=\(s)")
      #expect(Self.close(got.responseTime, exact.response, relative: 1e-9), "N=\(n) S=\(s)")
      #expect(got.stations[0].utilization <= 1 + 1e-12)
    }
    if ratio == 64 {
      let naive = Self.subtractingMVA(customers: 1000, serviceTime: s, thinkTime: z, servers: 64)
      let exact = Self.repairman(customers: 1000, serviceTime: s, thinkTime: z, servers: 64)
      #expect(
        naive.minimumProbability < 0 || !Self.close(naive.throughput, exact.throughput, relative: 1e-3),
        "the subtraction form was expected to break down: X = \(naive.throughput) vs \(exact.throughput)")
    }
  }

  /// N = 1000 with two multi-server stations (64 and 8 servers), a single server and think time,
  /// against the convolution algorithm in logarithms.
  @Test func stableWithTwoMultiServerStations() throws {
    let stations = [
      MVA.Station(name: "pool", serviceTime: 0.064, servers: 64),
      MVA.Station(name: "disk", serviceTime: 0.0075, servers: 8),
      MVA.Station(name: "cpu", serviceTime: 0.0009, servers: 1),
    ]
    let result = try MVA.solve(customers: 1000, thinkTime: 0.5, stations: stations)
    for n in [20, 1000] {
      let exact = Self.convolution(customers: n, thinkTime: 0.5, stations: stations)
      let got = result[n - 1]
      #expect(Self.close(got.throughput, exact.throughput, relative: 1e-9), "N=\(n)")
      for k in stations.indices {
        #expect(
          Self.close(got.stations[k].queueLength, exact.queues[k], relative: 1e-9),
          "N=\(n) station \(k): \(got.stations[k].queueLength) vs \(exact.queues[k])")
      }
    }
  }

  // MARK: - Laws and bounds

  /// Little's law on the cycle and at the stations, the utilization law, and the asymptotic
  /// bounds X(n) ≤ min(n/(Z + D), min_k m_k/D_k) (Lazowska et al., ch. 5), over seeded random
  /// networks.
  @Test func lawsHoldOnRandomNetworks() throws {
    var rng = Xoshiro256StarStar(seed: 7)
    for _ in 0..<40 {
      let count = 1 + Int(rng.next() % 5)
      let stations = (0..<count).map { k in
        MVA.Station(
          name: "s\(k)", serviceTime: 0.0001 + rng.nextDouble() * 0.01, visits: Double(rng.next() % 4),
          servers: Int(rng.next() % 6))
      }
      let z = rng.nextDouble() * 0.05
      let totalDemand = stations.reduce(0) { $0 + $1.demand }
      guard z + totalDemand > 0 else { continue }
      let bottleneck = stations.filter { $0.servers > 0 && $0.demand > 0 }
        .map { Double($0.servers) / $0.demand }.min() ?? .infinity
      let result = try MVA.solve(customers: 60, thinkTime: z, stations: stations)
      var previous = 0.0
      for s in result {
        let n = Double(s.customers)
        #expect(Self.close(s.throughput * (z + s.responseTime), n, relative: 1e-12))
        let held = s.thinkingCustomers + s.stations.reduce(0) { $0 + $1.queueLength }
        #expect(Self.close(held, n, relative: 1e-12))
        #expect(s.throughput <= min(n / (z + totalDemand), bottleneck) * (1 + 1e-12))
        #expect(s.throughput >= previous * (1 - 1e-12))
        previous = s.throughput
        for (k, station) in s.stations.enumerated() {
          #expect(Self.close(station.queueLength, s.throughput * station.residenceTime, relative: 1e-12))
          #expect(Self.close(station.busyServers, s.throughput * stations[k].demand, relative: 1e-12))
          #expect(station.utilization <= 1 + 1e-12)
          #expect(station.residenceTime >= stations[k].demand * (1 - 1e-12))
        }
      }
    }
  }

  // MARK: - Input validation

  @Test func rejectsInvalidInput() {
    let ok = MVA.Station(name: "ok", serviceTime: 0.001)
    func error(_ n: Int, _ z: Double, _ stations: [MVA.Station]) -> MVA.InputError? {
      do {
        _ = try MVA.solve(customers: n, thinkTime: z, stations: stations)
        return nil
      } catch { return error }
    }
    #expect(error(-1, 0, [ok]) == .customers(-1))
    #expect(error(MVA.maximumCustomers + 1, 0, [ok]) == .customers(MVA.maximumCustomers + 1))
    #expect(error(1, -1, [ok]) == .thinkTime(-1))
    #expect(error(1, .infinity, [ok]) == .thinkTime(.infinity))
    #expect(error(1, .nan, [ok]) != nil)
    #expect(error(1, 0, [ok, MVA.Station(name: "x", serviceTime: -1)]) == .serviceTime(station: 1, -1))
    #expect(error(1, 0, [MVA.Station(name: "x", serviceTime: 1, visits: -2)]) == .visits(station: 0, -2))
    #expect(error(1, 0, [MVA.Station(name: "x", serviceTime: 1, servers: -1)]) == .servers(station: 0, -1))
    #expect(error(1, 0, [MVA.Station(name: "x", serviceTime: 1e300, visits: 1e300)]) == .demand(station: 0))
    #expect(error(1, 0, []) == .noDemand)
    #expect(error(1, 0, [MVA.Station(name: "x", serviceTime: 0, servers: 2)]) == .noDemand)
    let many = (0..<11).map { MVA.Station(name: "m\($0)", serviceTime: 0.001, servers: 2) }
    #expect(error(1, 0, many) == .tooManyMultiServerStations(11))
    #expect(error(1, 0, Array(many.prefix(10))) == nil)
    #expect(error(0, 0, []) == .noDemand)
    #expect((try? MVA.solve(customers: 0, thinkTime: 1, stations: [])) == [])
    // Huge server counts cost nothing extra: only min(m − 1, N) probabilities are kept.
    let wide = try? MVA.solve(
      customers: 3, thinkTime: 1, stations: [MVA.Station(name: "w", serviceTime: 1, servers: .max)])
    #expect(wide.map { Self.close($0[2].responseTime, 1, relative: 1e-14) } == true)
  }
}
