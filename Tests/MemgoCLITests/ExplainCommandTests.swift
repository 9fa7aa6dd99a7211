import Foundation
import Testing

/// `memgo explain`, run as the built binary: textbook counts, formats and bad input.
@Suite struct ExplainCommandTests {
  static let textbook = "7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1"

  /// Silberschatz's string on 3 frames: FIFO 15, LRU 12, OPT 9 faults (Operating System Concepts, §10.4).
  @Test(arguments: [("fifo", 15), ("lru", 12), ("opt", 9)])
  func textbookCounts(policy: String, faults: Int) throws {
    let outcome = try CLITests.memgo(["explain", "--refs", Self.textbook, "--frames", "3", "--policy", policy])
    #expect(outcome.status == 0)
    #expect(outcome.stderr.isEmpty)
    #expect(outcome.stdout.contains("faults: \(faults) of 20 references"))
    #expect(outcome.stdout.hasPrefix("\(policy == "fifo" ? "FIFO" : policy.uppercased()), 3 frames, 20 references\n"))
  }

  /// Belady's anomaly: FIFO on 1,2,3,4,1,2,5,1,2,3,4,5 faults 9 times with 3 frames, 10 with 4.
  @Test func beladysAnomalyInJSON() throws {
    var counts: [Int] = []
    for frames in ["3", "4"] {
      let outcome = try CLITests.memgo(
        ["explain", "--refs", "1,2,3,4,1,2,5,1,2,3,4,5", "--frames", frames, "--format", "json"])
      #expect(outcome.status == 0)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
      #expect(object["policy"] as? String == "fifo")
      #expect((object["steps"] as? [Any])?.count == 12)
      counts.append(try #require(object["faults"] as? Int))
    }
    #expect(counts == [9, 10])
  }

  @Test func markdownIsAPipeTable() throws {
    let outcome = try CLITests.memgo(
      ["explain", "--refs", "1,2,1", "--frames", "2", "--policy", "lru", "--format", "markdown"])
    #expect(outcome.status == 0)
    #expect(
      outcome.stdout == """
        **LRU, 2 frames, 3 references**

        | reference | 1 | 2 | 1 |
        | --- | ---: | ---: | ---: |
        | frame 0 | 1 | 1 | 1 |
        | frame 1 |  | 2 | 2 |
        | fault | F | F |  |
        | victim |  |  |  |

        faults: 2 of 3 references (fault rate 66.67%); hits: 1

        """)
  }

  @Test func badReferencesExitTwoNamingTheItem() throws {
    let outcome = try CLITests.memgo(["explain", "--refs", "7,0,x1,2"])
    #expect(outcome.status == 2)
    #expect(outcome.stdout.isEmpty)
    #expect(
      outcome.stderr
        == "memgo: explain: --refs: item 3: \"x1\" is not a page number (expected a number in 0...1099511627775, "
        + "optionally prefixed by R or W, e.g. 7 or W7)\n")
    let empty = try CLITests.memgo(["explain", "--refs", "1,,2"])
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("item 2: an empty item is not a page number"))
  }

  @Test func unknownPolicyListsTheValidOnes() throws {
    let outcome = try CLITests.memgo(["explain", "--refs", "1,2", "--policy", "lur"])
    #expect(outcome.status == 2)
    #expect(
      outcome.stderr
        == "memgo: explain: --policy 'lur' is not one of fifo, lru, clock, nru, lfu, random, aging, wsclock, arc, "
        + "2q, sieve, s3fifo, lirs, mglru, clockpro, opt (did you mean 'lru'?)\n")
  }

  @Test func framesAndUsageErrors() throws {
    let zero = try CLITests.memgo(["explain", "--refs", "1", "--frames", "0"])
    #expect(zero.status == 2)
    #expect(zero.stderr == "memgo: explain: --frames: 0 is out of range (expected a number of frames in 1...64)\n")
    let word = try CLITests.memgo(["explain", "--refs", "1", "--frames", "three"])
    #expect(word.status == 2)
    #expect(word.stderr.contains("--frames: 'three' is not a whole number"))
    let missing = try CLITests.memgo(["explain", "--frames", "3"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("missing --refs"))
    let format = try CLITests.memgo(["explain", "--refs", "1", "--format", "csv"])
    #expect(format.status == 2)
    let stray = try CLITests.memgo(["explain", "7,0,1"])
    #expect(stray.status == 2)
    #expect(stray.stderr.contains("unexpected argument '7,0,1'"))
  }

  @Test func helpAgrees() throws {
    let help = try CLITests.memgo(["help", "explain"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: memgo explain --refs LIST"))
    #expect(try CLITests.memgo(["explain", "--help"]).stdout == help.stdout)
    #expect(try CLITests.memgo(["help"]).stdout.contains("explain --refs LIST"))
  }

  /// Writes count as references and the random policy follows its seed.
  @Test func writesAndSeeds() throws {
    let outcome = try CLITests.memgo(
      ["explain", "--refs", "1,W2,3,1", "--frames", "2", "--policy", "nru", "--format", "json"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.contains("{\"ref\": 2, \"write\": true, \"fault\": true"))
    let a = try CLITests.memgo(["explain", "--refs", Self.textbook, "--policy", "random", "--seed", "5"])
    let b = try CLITests.memgo(["explain", "--refs", Self.textbook, "--policy", "random", "--seed", "5"])
    #expect(a.status == 0 && a.stdout == b.stdout)
  }
}
