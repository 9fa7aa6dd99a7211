/// Exact mean-value analysis (MVA) of a closed, single-class, product-form queueing network: the
/// analytical model memgo's simulated machine is checked against.
///
/// The network is the classic interactive system (Lazowska et al., "Quantitative System
/// Performance", 1984, ch. 6 and 20): `N` customers (processes) cycle between a think (delay)
/// station with mean think time `Z` and a set of service stations. Station `k` is visited `V_k`
/// times per cycle with mean service time `S_k` per visit, so its service demand per cycle is
/// `D_k = V_k·S_k`. A station is one of
///
/// - a delay station (`servers == 0`, infinitely many servers): no queueing, `R_k(n) = D_k`;
/// - a single FCFS server (`servers == 1`, load independent), by Reiser and Lavenberg's arrival
///   theorem ("Mean-value analysis of closed multichain queuing networks", JACM 27(2), 1980): an
///   arriving customer sees the network with one customer fewer in equilibrium, so
///   `R_k(n) = D_k·(1 + Q_k(n − 1))`;
/// - `m > 1` identical FCFS servers (load dependent, service rate `μ(j) = min(j, m)/S` with `j`
///   customers present), by the exact load-dependent MVA (Lazowska et al. §20.3; Bolch et al.,
///   "Queueing Networks and Markov Chains", 2nd ed., §8.2.1), which needs the marginal
///   queue-length probabilities `p_k(j | n)`:
///
///       R_k(n) = Σ_{j=1..n} j·D_k/min(j, m) · p_k(j − 1 | n − 1)
///              = (D_k/m)·(1 + Q_k(n − 1) + Σ_{j=0..m−2} (m − 1 − j)·p_k(j | n − 1))
///       p_k(j | n) = X(n)·D_k/min(j, m) · p_k(j − 1 | n − 1)            for j ≥ 1.
///
/// Then, for every station, `X(n) = n / (Z + Σ_k R_k(n))` (Little's law on the whole cycle) and
/// `Q_k(n) = X(n)·R_k(n)` (Little's law at the station), starting from `Q_k(0) = 0`,
/// `p_k(0 | 0) = 1`.
///
/// The results are exact for a product-form (BCMP) network: delay stations with any service-time
/// distribution, FCFS stations with exponential service times. For FCFS stations with other
/// distributions (memgo's constant disk latency, say) they are the usual approximation.
///
/// ## Numerical stability
/// The textbook closes the recursion with `p_k(0 | n) = 1 − Σ_{j≥1} p_k(j | n)` (or Bolch's
/// `1 − (X·D_k + Σ_{j=1..m−1} (m − j)·p_k(j | n))/m`). Both subtract nearly equal numbers when the
/// station is busy, and the recursion then amplifies the rounding error: the error in `p_k(0 | ·)`
/// obeys a linear recurrence with roots outside the unit circle near saturation, so with many
/// customers the probabilities become garbage, even negative. With 1000 customers and a busy
/// station the subtraction form can return a negative throughput already for `m = 3`
/// (`MeanValueAnalysisTests` shows it for `m = 64`). This implementation never subtracts. It uses the
/// product-form identity `p_k(0 | n) = G_{−k}(n)/G(n)`, where `G` is the normalising constant and
/// `G_{−k}` that of the network without station `k` (Reiser, "Mean value analysis and
/// convolution method for queue-dependent servers in closed queueing networks", Performance
/// Evaluation 1(1), 1981). Since `X(n) = G(n − 1)/G(n)`,
///
///       p_k(0 | n) = p_k(0 | n − 1) · X(n) / X_{−k}(n),
///
/// a product of positive numbers whose relative error grows only linearly with `n`. The
/// throughput `X_{−k}` of the complement network needs, in turn, the complements of its own
/// multi-server stations, so the solver runs one MVA for every subset of the multi-server stations
/// (all of them advance together, population by population; a subset is solved after the subsets
/// one station smaller). With `L` multi-server stations, `K` stations in all and `N` customers:
///
/// - Complexity: O(2^L · N · (K + Σ_k min(m_k, N))) time, O(2^L · (K + Σ_k min(m_k, N)) + N·K)
///   memory. memgo's machines have at most two multi-server stations (the disk channels and a
///   CPU pool); `maximumMultiServerStations` bounds `L`.
public enum MeanValueAnalysis {
  // MARK: - Input

  /// One service station of the network.
  public struct Station: Sendable, Equatable {
    /// A label for reports.
    public var name: String
    /// Mean service time of one visit, seconds.
    public var serviceTime: Double
    /// Mean number of visits per cycle (per think–request cycle of one customer).
    public var visits: Double
    /// Number of identical servers: 1 is a single FCFS server, `m > 1` an FCFS station with `m`
    /// servers (load dependent), 0 a delay station (infinitely many servers, no queueing).
    public var servers: Int

    /// Creates a station visited `visits` times per cycle, each visit taking `serviceTime`
    /// seconds of service from one of `servers` servers (0 = delay station).
    public init(name: String, serviceTime: Double, visits: Double = 1, servers: Int = 1) {
      self.name = name
      self.serviceTime = serviceTime
      self.visits = visits
      self.servers = servers
    }

    /// Service demand per cycle, `D = V·S`, seconds.
    public var demand: Double { visits * serviceTime }
  }

  /// A network MVA does not solve; nothing is computed.
  public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `customers` is negative or above `maximumCustomers`.
    case customers(Int)
    /// The think time is negative, infinite or NaN.
    case thinkTime(Double)
    /// Station `index` has a service time that is negative, infinite or NaN.
    case serviceTime(station: Int, Double)
    /// Station `index` has a visit count that is negative, infinite or NaN.
    case visits(station: Int, Double)
    /// Station `index` has a negative number of servers.
    case servers(station: Int, Int)
    /// A station's demand `V·S` overflows to infinity.
    case demand(station: Int)
    /// More than `maximumMultiServerStations` stations have several servers and a non-zero demand.
    case tooManyMultiServerStations(Int)
    /// The think time and every demand are zero: a cycle takes no time, throughput is infinite.
    case noDemand

    public var description: String {
      switch self {
      case .customers(let n):
        "customers: \(n) is out of range (0...\(MeanValueAnalysis.maximumCustomers))"
      case .thinkTime(let z): "thinkTime: \(z) is not a finite non-negative number of seconds"
      case .serviceTime(let k, let s): "stations[\(k)].serviceTime: \(s) is not a finite non-negative number of seconds"
      case .visits(let k, let v): "stations[\(k)].visits: \(v) is not a finite non-negative number"
      case .servers(let k, let m): "stations[\(k)].servers: \(m) is negative (0 = delay, 1 = single server, m > 1)"
      case .demand(let k): "stations[\(k)]: visits × serviceTime overflows"
      case .tooManyMultiServerStations(let l):
        "\(l) multi-server stations (at most \(MeanValueAnalysis.maximumMultiServerStations))"
      case .noDemand: "the think time and every service demand are zero: a cycle takes no time"
      }
    }
  }

  /// The largest population `solve` accepts.
  public static let maximumCustomers = 100_000
  /// The most stations with several servers (and a non-zero demand) `solve` accepts; the cost
  /// doubles with each.
  public static let maximumMultiServerStations = 10

  // MARK: - Output

  /// The steady state of one station at one population.
  public struct StationSolution: Sendable, Equatable {
    /// Completions per second at the station, `X_k = X·V_k`.
    public var throughput: Double
    /// Residence time per cycle, `R_k` (queueing plus service over all `V_k` visits), seconds.
    public var residenceTime: Double
    /// Response time of one visit, `R_k / V_k`, seconds (0 for a station never visited).
    public var responseTime: Double
    /// Mean number of customers at the station (queued or in service), `Q_k = X·R_k`.
    public var queueLength: Double
    /// Mean number of busy servers, `X·D_k` (the utilization law).
    public var busyServers: Double
    /// Fraction of time each server is busy, `U_k = X·D_k/m_k`; 0 for a delay station, which has
    /// no finite number of servers (see `busyServers`).
    public var utilization: Double
  }

  /// The network's steady state with `customers` customers.
  public struct Solution: Sendable, Equatable {
    /// The population `n`.
    public var customers: Int
    /// Cycles (requests) completed per second, `X(n)`.
    public var throughput: Double
    /// Total residence time per cycle over every station, `R(n) = Σ_k R_k(n)`, seconds; excludes
    /// the think time.
    public var responseTime: Double
    /// Mean number of customers thinking, `X(n)·Z`. With the stations' queue lengths it adds up
    /// to `n`: Little's law on the cycle, `n = X(n)·(Z + R(n))`.
    public var thinkingCustomers: Double
    /// One entry per station, in the order they were given.
    public var stations: [StationSolution]
  }

  // MARK: - Solving

  /// Solves the network with think time `thinkTime` (seconds) and `stations` for every
  /// population `1...customers`; element `n − 1` of the result is population `n` (an empty array
  /// for 0 customers).
  public static func solve(
    customers: Int, thinkTime: Double, stations: [Station]
  ) throws(InputError) -> [Solution] {
    try validate(customers: customers, thinkTime: thinkTime, stations: stations)
    guard customers > 0 else { return [] }
    var solver = Solver(customers: customers, thinkTime: thinkTime, stations: stations)
    return solver.run()
  }

  static func validate(customers: Int, thinkTime: Double, stations: [Station]) throws(InputError) {
    guard (0...maximumCustomers).contains(customers) else { throw .customers(customers) }
    guard thinkTime.isFinite && thinkTime >= 0 else { throw .thinkTime(thinkTime) }
    var multiServer = 0
    var total = thinkTime
    for (k, station) in stations.enumerated() {
      guard station.serviceTime.isFinite && station.serviceTime >= 0 else {
        throw .serviceTime(station: k, station.serviceTime)
      }
      guard station.visits.isFinite && station.visits >= 0 else { throw .visits(station: k, station.visits) }
      guard station.servers >= 0 else { throw .servers(station: k, station.servers) }
      guard station.demand.isFinite else { throw .demand(station: k) }
      if station.servers > 1 && station.demand > 0 { multiServer += 1 }
      total += station.demand
    }
    guard multiServer <= maximumMultiServerStations else { throw .tooManyMultiServerStations(multiServer) }
    guard total > 0 else { throw .noDemand }
  }
}

// MARK: - The recursion

extension MeanValueAnalysis {
  /// How a station's residence time is computed.
  enum Kind {
    /// No time spent: zero demand (whatever the servers).
    case empty
    /// `R = D`.
    case delay
    /// `R = D·(1 + Q(n − 1))`.
    case single
    /// Load dependent; the payload is the station's index among the multi-server stations.
    case multi(Int)
  }

  /// The state of one sub-network (every station except the multi-server stations outside a
  /// subset) after population `n − 1`.
  struct Subnetwork {
    /// `Q_k(n − 1)` per station (0 for stations outside the subset).
    var queue: [Double]
    /// `p_k(j | n − 1)` for `j = 0..<width_l` of each multi-server station `l` in the subset,
    /// flattened at `offset_l`.
    var probabilities: [Double]
    /// `X(n)` once population `n` is solved (`+∞` if the sub-network cannot hold anyone).
    var throughput: Double = 0
  }

  /// The whole computation: one `Subnetwork` per subset of the multi-server stations, advanced
  /// together one population at a time.
  struct Solver {
    let customers: Int
    let thinkTime: Double
    let demands: [Double]
    let visits: [Double]
    let servers: [Int]
    let kinds: [Kind]
    /// Station index of each multi-server station.
    let multiStations: [Int]
    /// `min(m − 1, N)`: the probabilities `p(j | ·)` kept, `j = 0..<width` (only `j ≤ m − 2`
    /// enter `R`, and `p(j | n) = 0` for `j > n`).
    let widths: [Int]
    let offsets: [Int]
    var subnetworks: [Subnetwork]
    /// Scratch: residence times of the sub-network being solved.
    var residence: [Double]

    init(customers: Int, thinkTime: Double, stations: [Station]) {
      self.customers = customers
      self.thinkTime = thinkTime
      demands = stations.map(\.demand)
      visits = stations.map(\.visits)
      servers = stations.map(\.servers)
      var kinds: [Kind] = []
      var multi: [Int] = []
      var widths: [Int] = []
      var offsets: [Int] = []
      var width = 0
      for (k, station) in stations.enumerated() {
        if station.demand == 0 {
          kinds.append(.empty)
        } else if station.servers == 0 {
          kinds.append(.delay)
        } else if station.servers == 1 {
          kinds.append(.single)
        } else {
          kinds.append(.multi(multi.count))
          multi.append(k)
          let w = min(station.servers - 1, customers)
          offsets.append(width)
          widths.append(w)
          width += w
        }
      }
      self.kinds = kinds
      multiStations = multi
      self.widths = widths
      self.offsets = offsets
      // p(0 | 0) = 1 and p(j | 0) = 0 for j ≥ 1, for every multi-server station.
      var initial = [Double](repeating: 0, count: width)
      for offset in offsets { initial[offset] = 1 }
      subnetworks = Array(
        repeating: Subnetwork(queue: [Double](repeating: 0, count: stations.count), probabilities: initial),
        count: 1 << multi.count)
      residence = [Double](repeating: 0, count: stations.count)
    }

    mutating func run() -> [Solution] {
      var solutions: [Solution] = []
      solutions.reserveCapacity(customers)
      let full = subnetworks.count - 1
      for n in 1...customers {
        // Subsets in increasing order: every `mask` without one bit is solved before `mask`.
        for mask in 0...full { step(mask: mask, population: n) }
        solutions.append(solution(population: n))
      }
      return solutions
    }

    /// Solves sub-network `mask` at population `n` from its state at `n − 1`.
    mutating func step(mask: Int, population n: Int) {
      // Take the state out of the array (no copy-on-write), put it back at the end.
      var net = Subnetwork(queue: [], probabilities: [])
      swap(&net, &subnetworks[mask])
      var cycle = thinkTime
      for k in demands.indices {
        let d = demands[k]
        let r: Double
        switch kinds[k] {
        case .empty: r = 0
        case .delay: r = d
        case .single: r = d * (1 + net.queue[k])
        case .multi(let l):
          guard mask & (1 << l) != 0 else {
            r = 0
            break
          }
          let m = servers[k]
          let base = offsets[l]
          var tail = 0.0  // Σ_{j=0..m−2} (m − 1 − j)·p(j | n − 1)
          for j in 0..<widths[l] { tail += Double(m - 1 - j) * net.probabilities[base + j] }
          r = d / Double(m) * (1 + net.queue[k] + tail)
        }
        residence[k] = r
        cycle += r
      }
      guard cycle > 0 else {
        // Only a sub-network can be empty (`solve` rejects a network without demand): nobody
        // can stay in it, so its throughput is infinite and it holds no one.
        net.throughput = .infinity
        subnetworks[mask] = net
        return
      }
      let x = Double(n) / cycle
      net.throughput = x
      for k in demands.indices { net.queue[k] = x * residence[k] }
      for l in multiStations.indices where mask & (1 << l) != 0 {
        let d = demands[multiStations[l]]
        let base = offsets[l]
        // p(j | n) = X·D/j · p(j − 1 | n − 1) for 1 ≤ j ≤ m − 2 (where min(j, m) = j); top down
        // so that p(j − 1 | n − 1) is still the old value.
        var j = widths[l] - 1
        while j >= 1 {
          net.probabilities[base + j] = x * d / Double(j) * net.probabilities[base + j - 1]
          j -= 1
        }
        // p(0 | n) = p(0 | n − 1)·X(n)/X_{−l}(n); the complement was solved earlier in this round.
        let complement = subnetworks[mask & ~(1 << l)].throughput
        net.probabilities[base] = complement.isFinite ? net.probabilities[base] * (x / complement) : 0
      }
      subnetworks[mask] = net
    }

    /// The full network's solution at population `n`, right after its `step` (which left its
    /// residence times in `residence`).
    func solution(population n: Int) -> Solution {
      let net = subnetworks[subnetworks.count - 1]
      let x = net.throughput
      var stations: [StationSolution] = []
      stations.reserveCapacity(demands.count)
      var total = 0.0
      for k in demands.indices {
        let q = net.queue[k]
        let r = residence[k]
        total += r
        let busy = x * demands[k]
        stations.append(
          StationSolution(
            throughput: x * visits[k], residenceTime: r, responseTime: visits[k] > 0 ? r / visits[k] : 0,
            queueLength: q, busyServers: busy, utilization: servers[k] > 0 ? busy / Double(servers[k]) : 0))
      }
      return Solution(
        customers: n, throughput: x, responseTime: total, thinkingCustomers: x * thinkTime, stations: stations)
    }
  }
}
