import Foundation
import Testing

@testable import MemgoCore

@Suite struct ExplainResultTests {
  let textbook = textbookString.map { ExplainReference(page: $0) }
  let belady = anomalyString.map { ExplainReference(page: $0) }

  /// Silberschatz, Operating System Concepts: FIFO 15, OPT 9, LRU 12 faults with 3 frames.
  @Test func textbookFaultCounts() throws {
    #expect(try ExplainResult.run(textbook, frames: 3, policy: .fifo).faults == 15)
    #expect(try ExplainResult.run(textbook, frames: 3, policy: .opt).faults == 9)
    #expect(try ExplainResult.run(textbook, frames: 3, policy: .lru).faults == 12)
    #expect(try ExplainResult.run(belady, frames: 3, policy: .fifo).faults == 9)
    #expect(try ExplainResult.run(belady, frames: 4, policy: .fifo).faults == 10)
  }

  @Test func stepsShowFramesInSlotOrder() throws {
    let lru = try ExplainResult.run(textbook, frames: 3, policy: .lru)
    #expect(
      lru.steps[0]
        == ExplainStep(reference: ExplainReference(page: 7), fault: true, frames: [7, nil, nil], victim: nil))
    #expect(lru.steps[3].frames == [2, 0, 1] && lru.steps[3].victim == 7)
    #expect(
      lru.steps[4] == ExplainStep(reference: ExplainReference(page: 0), fault: false, frames: [2, 0, 1], victim: nil))
    #expect(lru.steps[5].frames == [2, 0, 3] && lru.steps[5].victim == 1)
    #expect(lru.hits == 8 && lru.faultRate == 0.6 && lru.faultPercentage == "60.00%")
  }

  let small = [1, 2, 3, 1, 4].map { ExplainReference(page: $0) }

  @Test func table() throws {
    let text = try ExplainResult.run(small, frames: 2, policy: .fifo).table()
    #expect(
      text == """
        FIFO, 2 frames, 5 references

        reference  1 2 3 1 4
        frame 0    1 1 3 3 4
        frame 1      2 2 1 1
        fault      F F F F F
        victim         1 2 3

        faults: 5 of 5 references (fault rate 100.00%); hits: 0

        """)
  }

  @Test func tableWrapsAtOneHundredColumns() throws {
    let refs = (0..<70).map { ExplainReference(page: Int64(10 + $0 % 12)) }
    let text = try ExplainResult.run(refs, frames: 3, policy: .clock).table()
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(lines[0] == "Clock (referenceOnLoad=true), 3 frames, 70 references")
    // Cells are 2 wide: (100 - 9 - 2 + 1) / 3 = 30 per block, so 3 blocks of 30, 30, 10.
    #expect(lines.filter { $0.hasPrefix("reference") }.map { $0.split(separator: " ").count - 1 } == [30, 30, 10])
    #expect(lines.filter { $0.hasPrefix("victim") }.count == 3)
  }

  @Test func markdown() throws {
    let text = try ExplainResult.run(small, frames: 2, policy: .fifo).markdown()
    #expect(
      text == """
        **FIFO, 2 frames, 5 references**

        | reference | 1 | 2 | 3 | 1 | 4 |
        | --- | ---: | ---: | ---: | ---: | ---: |
        | frame 0 | 1 | 1 | 3 | 3 | 4 |
        | frame 1 |  | 2 | 2 | 1 | 1 |
        | fault | F | F | F | F | F |
        | victim |  |  | 1 | 2 | 3 |

        faults: 5 of 5 references (fault rate 100.00%); hits: 0

        """)
  }

  @Test func json() throws {
    let text = try ExplainResult.run(small, frames: 2, policy: .fifo).json()
    #expect(
      text == """
        {
          "policy": "fifo",
          "frames": 2,
          "faults": 5,
          "hits": 0,
          "faultRate": 1.0,
          "steps": [
            {"ref": 1, "fault": true, "frames": [1, null], "victim": null},
            {"ref": 2, "fault": true, "frames": [1, 2], "victim": null},
            {"ref": 3, "fault": true, "frames": [3, 2], "victim": 1},
            {"ref": 1, "fault": true, "frames": [3, 1], "victim": 2},
            {"ref": 4, "fault": true, "frames": [4, 1], "victim": 3}
          ]
        }

        """)
  }

  @Test(arguments: PolicyKind.allCases)
  func jsonIsValidForEveryPolicy(kind: PolicyKind) throws {
    let refs = try ExplainReference.parseList("7,0,W1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1")
    let result = try ExplainResult.run(refs, frames: 3, policy: kind)
    let object = try JSONSerialization.jsonObject(with: Data(result.json().utf8)) as? [String: Any]
    #expect(object?["policy"] as? String == kind.rawValue)
    #expect(object?["faults"] as? Int == result.faults)
    let steps = object?["steps"] as? [[String: Any]]
    #expect(steps?.count == 20)
    #expect(steps?[2]["write"] as? Bool == true)
    #expect(steps?[3]["write"] == nil)
  }

  @Test func emptyString() throws {
    let empty = try ExplainResult.run([], frames: 3, policy: .lru)
    #expect(empty.faults == 0 && empty.faultRate == 0 && empty.faultPercentage == "0.00%")
    #expect(empty.json().contains("\"steps\": []"))
    #expect(empty.table().hasPrefix("LRU, 3 frames, 0 references\n"))
  }

  @Test func limits() throws {
    #expect(throws: ExplainError.self) { try ExplainResult.run(self.small, frames: 0, policy: .lru) }
    #expect(throws: ExplainError.self) { try ExplainResult.run(self.small, frames: 65, policy: .lru) }
    let many = Array(repeating: ExplainReference(page: 1), count: 10_001)
    #expect(throws: ExplainError.self) { try ExplainResult.run(many, frames: 3, policy: .lru) }
    let bad = ReplacementConfig(policy: .aging, agingBits: 0)
    #expect(throws: ExplainError("agingBits: 0 is out of range (expected an integer in 1...64)")) {
      try ExplainResult.run(self.small, frames: 3, configuration: bad)
    }
    #expect(throws: ExplainError.self) {
      try ExplainResult.run([ExplainReference(page: -1)], frames: 3, policy: .lru)
    }
  }

  @Test func percentages() throws {
    func percentage(_ faults: Int, _ refs: Int) throws -> String {
      let pages = (0..<refs).map { ExplainReference(page: $0 < faults ? Int64($0) : 0) }
      return try ExplainResult.run(pages, frames: 64, policy: .fifo).faultPercentage
    }
    #expect(try percentage(1, 3) == "33.33%")
    #expect(try percentage(2, 3) == "66.67%")
    #expect(try percentage(1, 8) == "12.50%")
    #expect(try percentage(1, 1) == "100.00%")
  }
}
