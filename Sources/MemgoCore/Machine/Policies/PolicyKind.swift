/// The replacement policies a scenario can name in `machine.replacement.policy`.
///
/// Adding a policy is one file, one case here, one line in `PolicyKind.dispatch` (PolicyDispatch.swift), and its tests.
public enum PolicyKind: String, CaseIterable, Sendable {
  /// First in, first out (`FIFOPolicy`).
  case fifo
  /// Least recently used, exact (`LRUPolicy`).
  case lru
  /// Clock, or second chance (`ClockPolicy`).
  case clock
  /// Not recently used: enhanced second chance over (referenced, modified) classes (`NRUPolicy`).
  case nru
  /// Least frequently used (`LFUPolicy`).
  case lfu
  /// Uniformly random victim (`RandomPolicy`).
  case random
  /// Aging counters, Tanenbaum's approximation of LRU (`AgingPolicy`).
  case aging
  /// WSClock, the working-set clock (`WSClockPolicy`).
  case wsclock
  /// Adaptive replacement cache (`ARCPolicy`).
  case arc
  /// 2Q, full version with A1in, A1out and Am (`TwoQPolicy`).
  case twoQ = "2q"
  /// SIEVE (`SIEVEPolicy`).
  case sieve
  /// S3-FIFO: small, main and ghost FIFO queues (`S3FIFOPolicy`).
  case s3fifo
  /// LIRS: low inter-reference recency set, stack S and resident-HIR list Q (`LIRSPolicy`).
  case lirs
  /// Linux's multi-generational LRU: generations, aging and eviction (`MGLRUPolicy`).
  case mglru
  /// CLOCK-Pro: hot and cold pages and non-resident test pages on one clock (`ClockProPolicy`).
  case clockpro
  /// Belady's optimal MIN (`OPTPolicy`); needs the future.
  case opt

  /// Whether the policy needs the future reference stream (OPT), so can run only where it is known.
  public var needsFuture: Bool { self == .opt }

  /// The policy's usual written name, for tables and headings (`LRU`, `2Q`, `WSClock`).
  public var displayName: String {
    switch self {
    case .fifo: return "FIFO"
    case .lru: return "LRU"
    case .clock: return "Clock"
    case .nru: return "NRU"
    case .lfu: return "LFU"
    case .random: return "Random"
    case .aging: return "Aging"
    case .wsclock: return "WSClock"
    case .arc: return "ARC"
    case .twoQ: return "2Q"
    case .sieve: return "SIEVE"
    case .s3fifo: return "S3-FIFO"
    case .lirs: return "LIRS"
    case .mglru: return "MGLRU"
    case .clockpro: return "CLOCK-Pro"
    case .opt: return "OPT"
    }
  }
}
