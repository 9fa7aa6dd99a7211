import Foundation
import Testing

@testable import MemgoCore

/// Every change to shared state happens at its own simulated time (README, "Causality"): two
/// processes sharing one frame, with every number computed by hand from the default latencies
/// (TLB 1 ns, RAM 100 ns, fault handling 2 µs, disk 5 ms) and 4 page-table levels, so that a
/// lookup-and-walk takes 401 ns and a minor fault's access 401 + 2000 + 501 = 2902 ns.
@Suite struct CausalityTests {
  /// One page access as the event log's access line gives it.
  struct Access: Equatable, CustomStringConvertible {
    var start: Int64
    var process: String
    var op: String
    var tlb: String
    var fault: String
    var latency: Int64
    var description: String { "\(start) \(process) \(op) tlb \(tlb) fault \(fault) \(latency) ns" }
  }

  /// b (first request at 10 µs) minor-faults into frame 0 and fills its TLB. a issues at
  /// 22.800 µs; its walk ends at 23.201 µs and its handler at 25.201 µs, when it needs a frame.
  /// b issues at 22.902 µs, before then, so it hits its TLB (101 ns), and exits at 23.003 µs,
  /// freeing frame 0, which a's handler then takes without evicting anything. Choosing a's victim
  /// at the start of a's access instead evicts b's page and gives b a 5 ms major fault.
  @Test func anEvictionHappensWhenTheHandlerEnds() throws {
    let json = """
      {"name":"race3","seed":1,
       "machine":{"frames":1,"zeroFill":true,"replacement":{"policy":"fifo"}},
       "processes":[{"name":"a","addressSpace":"64KiB","requests":1,"interval":"10us","start":"12800ns","size":"64B","access":{"pattern":"loop","pages":1}},
                    {"name":"b","addressSpace":"64KiB","requests":2,"interval":"10us","size":"64B","access":{"pattern":"loop","pages":1}}]}
      """
    let (result, log) = try Self.run(json)
    #expect(
      Self.accesses(log) == [
        Access(start: 10_000, process: "b", op: "read", tlb: "miss", fault: "minor", latency: 2902),
        Access(start: 22_902, process: "b", op: "read", tlb: "hit", fault: "none", latency: 101),
        Access(start: 22_800, process: "a", op: "read", tlb: "miss", fault: "minor", latency: 2902),
      ])
    let m = result.machine
    #expect(m.minorFaults == 2)
    #expect(m.majorFaults == 0)
    #expect(m.evictions == 0)
    #expect(m.diskReads == 0)
    #expect(m.tlbHits == 1)
    #expect(m.tlbShootdowns == 0)
    #expect(m.latencySum == Double((2902 + 2902 + 101) * 1000))
    #expect(result.simulatedTime == .nanoseconds(25_702))
    #expect(log.contains(#"{"t":25201,"pid":0,"process":"a","op":"fault","vpn":"0x0","fault":"minor"}"#))
    #expect(!log.contains(#""op":"evict""#))
  }

  /// b's write hits its TLB at 25.152 µs; its RAM access ends at 25.253 µs, but a's fault handler
  /// evicts b's page at 25.201 µs. The write completes (101 ns) and changes nothing: the frame
  /// now belongs to a, whose page stays clean, so b's third request (35.253 µs, a TLB miss after
  /// the shootdown) evicts it without a write-back (dirtyEvictions 0, diskWrites 0) and reads its
  /// own page back (major, 5 ms + 2902 ns). a's second request (45.702 µs) finds the frame in I/O
  /// and waits for it: the frame is locked until b's retried access uses it (5.038155 ms); b then
  /// exits, a takes the freed frame and reads its page back: 10.038656 ms - 45.702 µs.
  @Test func aReferenceToAPageEvictedInFlightChangesNothing() throws {
    let json = """
      {"name":"inflight","seed":1,
       "machine":{"frames":1,"zeroFill":true,"replacement":{"policy":"fifo"}},
       "processes":[{"name":"a","addressSpace":"64KiB","requests":2,"interval":"20us","start":"2800ns","size":"64B","access":{"pattern":"loop","pages":1}},
                    {"name":"b","addressSpace":"64KiB","requests":3,"interval":"10us","start":"2250ns","size":"64B","access":{"pattern":"trace","path":"b.trace","format":"plain"}}]}
      """
    let (result, log) = try Self.run(json, trace: ("b.trace", "R 0x0\nW 0x0\nR 0x0\n"))
    #expect(
      Self.accesses(log) == [
        Access(start: 12_250, process: "b", op: "read", tlb: "miss", fault: "minor", latency: 2902),
        Access(start: 25_152, process: "b", op: "write", tlb: "hit", fault: "none", latency: 101),
        Access(start: 22_800, process: "a", op: "read", tlb: "miss", fault: "minor", latency: 2902),
        Access(start: 35_253, process: "b", op: "read", tlb: "miss", fault: "major", latency: 5_002_902),
        Access(start: 45_702, process: "a", op: "read", tlb: "miss", fault: "major", latency: 9_992_954),
      ])
    let m = result.machine
    #expect(m.minorFaults == 2)
    #expect(m.majorFaults == 2)
    #expect(m.evictions == 2)
    #expect(m.dirtyEvictions == 0)
    #expect(m.diskWrites == 0)
    #expect(m.diskReads == 2)
    #expect(result.simulatedTime == .nanoseconds(10_038_656))
    #expect(log.contains(#"{"t":37654,"pid":1,"process":"b","op":"evict","victim":{"pid":0,"vpn":"0x0","pfn":"0x0","dirty":false}}"#))
  }

  /// With one frame and two processes that always fault, a page read in for one would be evicted
  /// by the other's fault before its retried access uses it, and neither would ever finish. The
  /// frame's lock lets each retry complete: 4 + 4 requests, each a major fault.
  /// (Without the lock the run would go on to its 1 s stop time.)
  @Test func aFrameIsLockedUntilTheRetriedAccessUsesIt() throws {
    let json = """
      {"name":"pingpong","seed":1,
       "machine":{"frames":1,"zeroFill":false,"replacement":{"policy":"fifo"}},
       "stop":{"time":"1s"},
       "processes":[{"name":"p","count":2,"addressSpace":"64KiB","requests":4,"interval":"0ns","size":"64B","access":{"pattern":"loop","pages":1}}]}
      """
    let (result, _) = try Self.run(json)
    #expect(result.machine.requests == 8)
    #expect(result.machine.majorFaults == 8)
    #expect(result.machine.diskReads == 8)
  }

  /// Load control with one frame: a's read holds the frame, locked, so w1 and w2 wait for it. When
  /// a's retry admits it, w1 is woken but suspended (memory holds a's working set); the frame is
  /// still there, so the wakeup passes on to w2, which is suspended too. Both are suspended.
  /// Otherwise w2 would wait for a frame while a keeps hitting its one page.
  @Test func aSuspendedWaiterPassesItsWakeupOn() throws {
    let json = """
      {"name":"wake","seed":1,
       "machine":{"frames":1,"zeroFill":false,"replacement":{"policy":"fifo","scope":"workingset","tau":1000}},
       "stop":{"time":"20ms"},
       "processes":[{"name":"a","addressSpace":"64KiB","requests":100000,"interval":"1us","size":"64B","access":{"pattern":"loop","pages":1}},
                    {"name":"w","count":2,"start":"100ns","addressSpace":"64KiB","requests":100000,"interval":"1us","size":"64B","access":{"pattern":"loop","pages":1}}]}
      """
    let (result, _) = try Self.run(json)
    #expect(result.groups[1].suspensions == 2)
    #expect(result.groups[1].requests == 0)
    #expect(result.groups[0].majorFaults == 1)
  }

  /// Runs `json` (replication 0) from a temporary directory holding `trace`, with the event log.
  static func run(_ json: String, trace: (String, String)? = nil) throws -> (RunResult, String) {
    var outcome: (RunResult, String)?
    try ExperimentTestSupport.withTemporaryDirectory { directory in
      if let (name, text) = trace {
        #expect(FileManager.default.createFile(atPath: "\(directory)/\(name)", contents: Data(text.utf8)))
      }
      let file = try ScenarioLoader.load(bytes: Array(json.utf8), path: "\(directory)/s.json")
      outcome = try ReferenceEngineTests.runProduction(file.base, directory: directory)
    }
    return try #require(outcome)
  }

  /// The access lines of `log`, in log order (completion order).
  static func accesses(_ log: String) -> [Access] {
    log.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let op = object["op"] as? String, op == "read" || op == "write"
      else { return nil }
      return Access(
        start: (object["t"] as? NSNumber)?.int64Value ?? -1, process: object["process"] as? String ?? "",
        op: op, tlb: object["tlb"] as? String ?? "none", fault: object["fault"] as? String ?? "none",
        latency: (object["latency"] as? NSNumber)?.int64Value ?? -1)
    }
  }
}
