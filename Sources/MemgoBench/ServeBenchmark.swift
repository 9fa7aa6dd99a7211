import Dispatch
import Foundation
import Synchronization
import MemgoCore

/// The load check of `memgo serve`: a server in this process on a Unix socket in a temporary
/// directory, and `clients` client threads, each a connection that spawns a process and sends
/// `requests` requests (alternately a 64-byte write and a 64-byte read at a random page of a 4 MiB
/// space; 256 frames, so most requests fault and swap), then exits. Measures requests served per
/// wall second, parsing, the OS model, the swap file and the socket round trips included.
extension Benchmarks {
  /// The serve cases: 1, 4 and 16 concurrent clients.
  public static func serveCases(quick: Bool) -> [Case] {
    [1, 4, 16].map { clients in
      Case(
        name: "serve-\(clients)",
        summary: "memgo serve over a Unix socket, \(clients) concurrent client(s)",
        workload: .serve(clients: clients, requestsPerClient: (quick ? 20_000 : 200_000) / clients))
    }
  }

  /// The machine the serve cases run: 256 frames of 4 KiB, a 64-entry TLB, global LRU.
  static var serveMachine: MachineConfig {
    MachineConfig(
      pageSize: 4096, frames: 256, tlb: TLBConfig(entries: 64, ways: 4, asid: true),
      pageTable: PageTableConfig(levels: 4), replacement: ReplacementConfig(policy: .lru))
  }

  /// The requests per wall second of the serve cases, by number of clients.
  public static func serveRates(_ measurements: [Measurement]) -> [(clients: Int, rate: Double)] {
    measurements.compactMap { m in
      guard m.name.hasPrefix("serve-"), let clients = Int(m.name.dropFirst(6)) else { return nil }
      return (clients, m.eventsPerWallSecond)
    }
  }

  static func measureServe(_ name: String, clients: Int, requestsPerClient: Int) throws -> Measurement {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("memgo-bench-\(getpid())-\(clients)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let socket = directory.appendingPathComponent("os.sock").path
    let session = try Server.session(
      machine: serveMachine, maximumProcesses: clients, swapPath: directory.appendingPathComponent("swap").path,
      removeSwap: true, swapSlots: .max, recordPath: nil, seed: 1)
    let server = try SocketServer(address: .unix(socket))
    let running = Unchecked((server, session))
    let stop = Atomic<Bool>(false)
    let stopped = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      running.value.0.run(running.value.1, shouldStop: { stop.load(ordering: .relaxed) })
      stopped.signal()
    }
    resetPeakResident()
    let cpuStart = cpuSeconds()
    let start = monotonicSeconds()
    let failures = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: clients) { k in
      guard let fd = try? LineConnection.connectUnix(socket) else {
        failures.add(1, ordering: .relaxed)
        return
      }
      var connection = LineConnection(descriptor: fd)
      var rng = Xoshiro256StarStar(seed: UInt64(k + 1))
      let payload = String(repeating: "A", count: 88)  // 64 bytes of base64
      guard connection.exchange(#"{"op":"spawn","name":"bench","addressSpace":"4MiB"}"#)?.hasPrefix(#"{"ok": true"#) == true
      else {
        failures.add(1, ordering: .relaxed)
        return
      }
      for i in 0..<requestsPerClient {
        let va = "0x" + String(rng.nextInt(below: 1024) * 4096 + rng.nextInt(below: 4000), radix: 16)
        let request =
          i % 2 == 0
          ? #"{"op":"write","va":"\#(va)","data":"\#(payload)"}"# : #"{"op":"read","va":"\#(va)","size":64}"#
        let reply = connection.exchange(request)
        guard reply?.hasPrefix(#"{"ok": true"#) == true else {
          FileHandle.standardError.write(Data("bench: \(request) -> \(reply ?? "closed")\n".utf8))
          failures.add(1, ordering: .relaxed)
          return
        }
      }
      _ = connection.exchange(#"{"op":"exit"}"#)
    }
    let wall = max(monotonicSeconds() - start, 1e-9)
    let cpu = cpuSeconds() - cpuStart
    stop.store(true, ordering: .relaxed)
    stopped.wait()
    guard failures.load(ordering: .relaxed) == 0 else {
      throw ServerError.io("bench \(name): \(failures.load(ordering: .relaxed)) client(s) failed")
    }
    let result = session.result()
    var m = Measurement(
      name: name, accesses: result.machine.accesses, events: result.machine.requests, wallSeconds: wall,
      accessesPerWallSecond: Double(result.machine.accesses) / wall,
      eventsPerWallSecond: Double(result.machine.requests) / wall, peakResidentBytes: peakResidentBytes())
    m.cpuSeconds = cpu
    return m
  }
}

/// A value handed to another thread whose confinement the caller guarantees (the server and its
/// session run on the server thread only until it stops).
final class Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
