import Foundation
import Testing

@testable import MemgoCore

/// Seeded random small scenarios in the scenario file format, for differential tests: 1-8
/// processes in 1-3 groups, 1-64 frames, every policy and scope, with and without a TLB, a CPU pool,
/// ASIDs, zero-fill, writes, walk caches, several disk channels, warmup and stop conditions,
/// constant latencies (so that events often fall at equal times) or random ones, and sometimes
/// trace-driven processes.
enum RandomScenario {
  static func json(seed: UInt64, directory: String) -> String {
    var rng = Xoshiro256StarStar(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 17)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.nextInt(below: Int64(xs.count)))] }
    func int(_ range: ClosedRange<Int>) -> Int {
      range.lowerBound + Int(rng.nextInt(below: Int64(range.count)))
    }
    func chance(_ p: Double) -> Bool { rng.nextDouble() < p }

    let frames = pick([1, 1, 2, 3, 4, 8, 16, 64, int(1...64)])
    let tlbEntries = pick([0, 1, 2, 4, 16])
    let levels = int(1...4)
    let walkCache = levels >= 2 && chance(0.3) ? int(1...4) : 0
    let scope = pick(AllocationScope.allCases)
    let groupCount = int(1...3)
    var counts: [Int] = []
    var remaining = int(groupCount...8)
    for g in 0..<groupCount {
      let n = g == groupCount - 1 ? remaining : int(1...max(1, remaining - (groupCount - 1 - g)))
      counts.append(n)
      remaining -= n
    }
    let traced = chance(0.15)
    var policies = PolicyKind.allCases.filter { !$0.needsFuture }
    if traced { policies.append(.opt) }
    let policy = pick(policies)
    let randomLatencies = chance(0.4)
    let cpus: Int? = chance(0.35) ? int(1...3) : nil

    var replacement = "\"policy\":\"\(policy.rawValue)\",\"scope\":\"\(scope.rawValue)\""
    if scope == .local, chance(0.5) { replacement += ",\"frameQuota\":\(int(1...max(1, frames)))" }
    if scope == .workingset { replacement += ",\"tau\":\(int(2...40))" }
    var machine = "\"frames\":\(frames),\"zeroFill\":\(chance(0.6))"
    if let cpus { machine += ",\"cpus\":\(cpus)" }
    machine += ",\"tlb\":{\"entries\":\(tlbEntries)"
    if tlbEntries > 0 { machine += ",\"ways\":\(pick([1, tlbEntries]))" }
    machine += ",\"asid\":\(chance(0.5))}"
    machine += ",\"pageTable\":{\"levels\":\(levels),\"walkCache\":\(walkCache)}"
    machine += ",\"replacement\":{\(replacement)}"
    machine += ",\"disk\":{\"channels\":\(int(1...3))}"
    if randomLatencies {
      machine +=
        ",\"latency\":{\"tlb\":\"1ns\",\"ram\":{\"dist\":\"uniform\",\"min\":\"50ns\",\"max\":\"150ns\"},\"fault\":{\"dist\":\"exponential\",\"mean\":\"2us\"},\"diskRead\":{\"dist\":\"exponential\",\"mean\":\"20us\"},\"diskWrite\":{\"dist\":\"exponential\",\"mean\":\"20us\"}}"
    } else {
      let ram = pick(["100ns", "0ns", "50ns"])
      machine +=
        ",\"latency\":{\"tlb\":\"\(pick(["1ns", "0ns"]))\",\"ram\":\"\(ram)\",\"fault\":\"\(pick(["2us", "0ns", "300ns"]))\",\"diskRead\":\"\(pick(["10us", "5us", "0ns"]))\",\"diskWrite\":\"\(pick(["10us", "5us"]))\"}"
    }

    var groups: [String] = []
    for (g, count) in counts.enumerated() {
      let isTraced = traced && (g == 0 || chance(0.5)) || policy == .opt
      // Traces address up to 48 KiB.
      let spacePages = isTraced ? pick([16, 64]) : pick([4, 16, 64])
      var group = "\"name\":\"g\(g)\",\"count\":\(count),\"addressSpace\":\"\(spacePages * 4)KiB\""
      group += ",\"requests\":\(int(3...30))"
      group += ",\"start\":\"\(pick(["0ns", "0ns", "12800ns", "3us"]))\""
      group += ",\"interval\":" + pick(["\"1us\"", "\"0ns\"", "\"2500ns\"", "{\"dist\":\"exponential\",\"mean\":\"3us\"}"])
      group += ",\"size\":" + pick(["\"64B\"", "\"1B\"", "\"5KiB\"", "{\"dist\":\"uniform\",\"min\":\"1B\",\"max\":\"12KiB\"}"])
      group += ",\"writeFraction\":\(pick([0, 0.3, 1]))"
      if isTraced {
        let path = "\(directory)/t\(seed)-\(g).trace"
        var lines = ""
        for _ in 0..<int(1...25) {
          lines += "\(chance(0.3) ? "W" : "R") 0x\(String(rng.nextInt(below: 12) * 4096 + rng.nextInt(below: 4096), radix: 16))\n"
        }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(lines.utf8)))
        group += ",\"access\":{\"pattern\":\"trace\",\"path\":\"\(path)\",\"format\":\"plain\"}"
      } else {
        group +=
          ",\"access\":"
          + pick([
            "{\"pattern\":\"loop\",\"pages\":\(int(1...min(20, spacePages)))}", "{\"pattern\":\"uniform\"}",
            "{\"pattern\":\"zipf\",\"exponent\":0.9}", "{\"pattern\":\"sequential\"}",
            "{\"pattern\":\"hotcold\",\"hotFraction\":0.2,\"hotProbability\":0.8}",
            "{\"pattern\":\"workingset\",\"size\":\"\(pick(["8KiB", "16KiB"]))\",\"phaseLength\":10,\"locality\":0.9}",
          ])
      }
      groups.append("{\(group)}")
    }
    var top = "\"name\":\"diff\(seed)\",\"seed\":\(seed)"
    if chance(0.2) { top += ",\"warmup\":\"20us\"" }
    switch int(0...5) {
    case 0: top += ",\"stop\":{\"time\":\"60us\"}"
    case 1: top += ",\"stop\":{\"requests\":\(int(1...40))}"
    default: break
    }
    return "{\(top),\"machine\":{\(machine)},\"processes\":[\(groups.joined(separator: ","))]}"
  }
}
