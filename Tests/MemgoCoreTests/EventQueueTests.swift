import Testing

@testable import MemgoCore

@Suite struct EventQueueTests {
  @Test func popsInTimeOrder() {
    var queue = EventQueue<Int>()
    for (i, t) in [50, 10, 40, 20, 30].enumerated() { queue.insert(i, at: SimTime(picoseconds: Int64(t))) }
    var times: [Int64] = []
    while let e = queue.popMin() { times.append(e.time.picoseconds) }
    #expect(times == [10, 20, 30, 40, 50])
  }

  @Test func equalTimesComeOutInSchedulingOrder() {
    var queue = EventQueue<Int>()
    for i in 0..<100 { queue.insert(i, at: SimTime(picoseconds: Int64(i % 3))) }
    var out: [Int] = []
    while let e = queue.popMin() { out.append(e.payload) }
    let expected = (0..<100).filter { $0 % 3 == 0 } + (0..<100).filter { $0 % 3 == 1 } + (0..<100).filter { $0 % 3 == 2 }
    #expect(out == expected)
  }

  /// The heap against a sorted array under 10^5 seeded random inserts and pops.
  @Test func matchesSortedReference() {
    var rng = SplitMix64(seed: 7)
    var queue = EventQueue<Int>()
    var reference: [(time: Int64, seq: Int)] = []
    var seq = 0
    for _ in 0..<100_000 {
      if rng.next() % 2 == 0 || reference.isEmpty {
        let t = Int64(rng.next() % 1000)
        queue.insert(seq, at: SimTime(picoseconds: t))
        reference.append((t, seq))
        seq += 1
      } else {
        let best = reference.indices.min { (reference[$0].time, reference[$0].seq) < (reference[$1].time, reference[$1].seq) }!
        let expected = reference.remove(at: best)
        let got = queue.popMin()
        #expect(got?.payload == expected.seq)
        #expect(got?.time.picoseconds == expected.time)
      }
      #expect(queue.count == reference.count)
    }
  }

  /// `holdMin` as the event loop uses it, against the same sorted reference: after each hold, 0,
  /// 1 or 2 inserts (the first reuses the held root's slot), mixed with `nextTime` and `popMin`.
  @Test func holdingTheRootMatchesSortedReference() {
    var rng = SplitMix64(seed: 11)
    var queue = EventQueue<Int>()
    var reference: [(time: Int64, seq: Int)] = []
    var seq = 0
    func insert() {
      let t = Int64(rng.next() % 1000)
      queue.insert(seq, at: SimTime(picoseconds: t))
      reference.append((t, seq))
      seq += 1
    }
    func earliest() -> Int? {
      reference.indices.min { (reference[$0].time, reference[$0].seq) < (reference[$1].time, reference[$1].seq) }
    }
    for _ in 0..<50 { insert() }
    for step in 0..<100_000 {
      #expect(queue.nextTime.picoseconds == earliest().map { reference[$0].time } ?? SimTime.never.picoseconds)
      if reference.isEmpty {
        insert()
        continue
      }
      let best = earliest()!
      let expected = reference.remove(at: best)
      let got = step % 7 == 0 ? queue.popMin() : queue.holdMin()
      #expect(got?.payload == expected.seq)
      #expect(got?.time.picoseconds == expected.time)
      #expect(queue.count == reference.count)
      for _ in 0..<Int(rng.next() % 3) { insert() }
      #expect(queue.count == reference.count)
    }
  }
}
