@testable import MemgoCore

// Deliberately naive reference implementations of the deterministic policies: plain arrays, linear
// scans, each written straight from its source's description (and this project's documented
// choices for ties, frees and simplifications), sharing no code with the real ones. The
// differential tests replay the same random strings through both and require the same victims.

/// A page-level cache model: the victim page of each reference, if any.
protocol NaiveCache {
  init(frames: Int, configuration: ReplacementConfig)
  /// Replays one reference at `time` (its index); returns whether it hit and the page evicted.
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  /// Forgets `page` (its process ended).
  mutating func free(_ page: PageKey)
}

/// Frame slots filled as `PolicyReplay` fills them (the `FrameTable` rule): a free slot, 0, 1,
/// 2, … at first and then the slot freed last, or the victim's.
struct NaiveSlots {
  var pages: [PageKey?]
  /// Free slots, taken from the end.
  var freeSlots: [Int]
  init(_ frames: Int) {
    pages = Array(repeating: nil, count: frames)
    freeSlots = Array((0..<frames).reversed())
  }
  var count: Int { pages.count }
  func slot(of page: PageKey) -> Int? { pages.firstIndex { $0 == page } }
  /// Takes a free slot, if any.
  mutating func takeFree() -> Int? { freeSlots.popLast() }
  /// Empties `page`'s slot, if it has one.
  mutating func release(_ page: PageKey) {
    guard let s = slot(of: page) else { return }
    pages[s] = nil
    freeSlots.append(s)
  }
}

struct NaiveFIFO: NaiveCache {
  let frames: Int
  var queue: [PageKey] = []
  init(frames: Int, configuration: ReplacementConfig) { self.frames = frames }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    if queue.contains(page) { return (true, nil) }
    var victim: PageKey?
    if queue.count == frames { victim = queue.removeFirst() }
    queue.append(page)
    return (false, victim)
  }
  mutating func free(_ page: PageKey) { queue.removeAll { $0 == page } }
}

struct NaiveLRU: NaiveCache {
  let frames: Int
  var recency: [PageKey] = []  // least recent first
  init(frames: Int, configuration: ReplacementConfig) { self.frames = frames }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    if let i = recency.firstIndex(of: page) {
      recency.remove(at: i)
      recency.append(page)
      return (true, nil)
    }
    var victim: PageKey?
    if recency.count == frames { victim = recency.removeFirst() }
    recency.append(page)
    return (false, victim)
  }
  mutating func free(_ page: PageKey) { recency.removeAll { $0 == page } }
}

/// libCacheSim's Clock: a FIFO whose referenced oldest entries are reinserted with the bit cleared.
struct NaiveClock: NaiveCache {
  let frames: Int
  let referenceOnLoad: Bool
  var queue: [(page: PageKey, referenced: Bool)] = []  // oldest first
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    referenceOnLoad = configuration.referenceOnLoad
  }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    if let i = queue.firstIndex(where: { $0.page == page }) {
      queue[i].referenced = true
      return (true, nil)
    }
    var victim: PageKey?
    if queue.count == frames {
      while queue[0].referenced {
        var first = queue.removeFirst()
        first.referenced = false
        queue.append(first)
      }
      victim = queue.removeFirst().page
    }
    queue.append((page, referenceOnLoad))
    return (false, victim)
  }
  mutating func free(_ page: PageKey) { queue.removeAll { $0.page == page } }
}

/// Enhanced second chance over the frame slots, step by step as Silberschatz describes it.
struct NaiveNRU: NaiveCache {
  var slots: NaiveSlots
  var referenced: [Bool]
  var modified: [Bool]
  var hand = 0
  let referenceOnLoad: Bool
  init(frames: Int, configuration: ReplacementConfig) {
    slots = NaiveSlots(frames)
    referenced = Array(repeating: false, count: frames)
    modified = Array(repeating: false, count: frames)
    referenceOnLoad = configuration.referenceOnLoad
  }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    if let s = slots.slot(of: page) {
      referenced[s] = true
      if isWrite { modified[s] = true }
      return (true, nil)
    }
    var victim: PageKey?
    let target: Int
    if let free = slots.takeFree() {
      target = free
    } else {
      target = chooseVictim()
      victim = slots.pages[target]
      hand = (target + 1) % slots.count
    }
    slots.pages[target] = page
    referenced[target] = referenceOnLoad
    modified[target] = isWrite
    return (false, victim)
  }
  func chooseVictimStep1() -> Int? {
    for k in 0..<slots.count {
      let s = (hand + k) % slots.count
      if slots.pages[s] != nil && !referenced[s] && !modified[s] { return s }
    }
    return nil
  }
  mutating func chooseVictim() -> Int {
    while true {
      if let s = chooseVictimStep1() { return s }
      for k in 0..<slots.count {
        let s = (hand + k) % slots.count
        guard slots.pages[s] != nil else { continue }
        if !referenced[s] && modified[s] { return s }
        referenced[s] = false
      }
    }
  }
  mutating func free(_ page: PageKey) {
    slots.release(page)
  }
}

/// In-memory LFU, ties to the least recently referenced.
struct NaiveLFU: NaiveCache {
  let frames: Int
  var entries: [(page: PageKey, count: Int, lastUse: Int)] = []
  var tick = 0
  init(frames: Int, configuration: ReplacementConfig) { self.frames = frames }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    tick += 1
    if let i = entries.firstIndex(where: { $0.page == page }) {
      entries[i].count += 1
      entries[i].lastUse = tick
      return (true, nil)
    }
    var victim: PageKey?
    if entries.count == frames {
      var best = 0
      for i in entries.indices {
        let a = entries[i]
        let b = entries[best]
        if a.count < b.count || (a.count == b.count && a.lastUse < b.lastUse) { best = i }
      }
      victim = entries.remove(at: best).page
    }
    entries.append((page, 1, tick))
    return (false, victim)
  }
  mutating func free(_ page: PageKey) { entries.removeAll { $0.page == page } }
}

/// Tanenbaum's aging, one tick at a time.
struct NaiveAging: NaiveCache {
  let frames: Int
  let bits: Int
  let period: Int64
  let referenceOnLoad: Bool
  var entries: [(page: PageKey, counter: UInt64, referenced: Bool, loadOrder: Int)] = []
  var ticksDone: Int64 = 0
  var loads = 0
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    bits = configuration.agingBits
    period = configuration.agingPeriod?.picoseconds ?? Int64(frames)
    referenceOnLoad = configuration.referenceOnLoad
  }
  mutating func tick(until now: Int64) {
    while (ticksDone + 1) * period <= now {
      ticksDone += 1
      for i in entries.indices {
        entries[i].counter >>= 1
        if entries[i].referenced { entries[i].counter |= 1 << UInt64(bits - 1) }
        entries[i].referenced = false
      }
    }
  }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    tick(until: time)
    if let i = entries.firstIndex(where: { $0.page == page }) {
      entries[i].referenced = true
      return (true, nil)
    }
    var victim: PageKey?
    if entries.count == frames {
      var best = 0
      for i in entries.indices {
        let a = entries[i]
        let b = entries[best]
        let aKey = (a.counter, a.referenced ? 1 : 0, a.loadOrder)
        let bKey = (b.counter, b.referenced ? 1 : 0, b.loadOrder)
        if aKey < bKey { best = i }
      }
      victim = entries.remove(at: best).page
    }
    loads += 1
    entries.append((page, 0, referenceOnLoad, loads))
    return (false, victim)
  }
  mutating func free(_ page: PageKey) { entries.removeAll { $0.page == page } }
}

/// WSClock over the frame slots, one sweep as Tanenbaum describes it, with this project's
/// simplification for dirty pages.
struct NaiveWSClock: NaiveCache {
  var slots: NaiveSlots
  var referenced: [Bool]
  var modified: [Bool]
  var lastUse: [Int64]
  var hand = 0
  let tau: Int64
  let referenceOnLoad: Bool
  init(frames: Int, configuration: ReplacementConfig) {
    slots = NaiveSlots(frames)
    referenced = Array(repeating: false, count: frames)
    modified = Array(repeating: false, count: frames)
    lastUse = Array(repeating: 0, count: frames)
    tau = configuration.wsclockTau?.picoseconds ?? Int64(frames)
    referenceOnLoad = configuration.referenceOnLoad
  }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?)
  {
    if let s = slots.slot(of: page) {
      referenced[s] = true
      if isWrite { modified[s] = true }
      return (true, nil)
    }
    var victim: PageKey?
    let target: Int
    if let free = slots.takeFree() {
      target = free
    } else {
      target = chooseVictim(now: time)
      victim = slots.pages[target]
      hand = (target + 1) % slots.count
    }
    slots.pages[target] = page
    referenced[target] = referenceOnLoad
    modified[target] = isWrite
    lastUse[target] = time
    return (false, victim)
  }
  mutating func chooseVictim(now: Int64) -> Int {
    let n = slots.count
    var firstOldDirty: Int?
    for k in 0..<n {
      let s = (hand + k) % n
      guard slots.pages[s] != nil else { continue }
      if referenced[s] {
        referenced[s] = false
        lastUse[s] = now
        continue
      }
      if now - lastUse[s] > tau {
        if !modified[s] { return s }
        if firstOldDirty == nil { firstOldDirty = s }
      }
    }
    if let s = firstOldDirty { return s }
    for k in 0..<n {
      let s = (hand + k) % n
      if slots.pages[s] != nil && !modified[s] { return s }
    }
    for k in 0..<n {
      let s = (hand + k) % n
      if slots.pages[s] != nil { return s }
    }
    fatalError("no page")
  }
  mutating func free(_ page: PageKey) {
    slots.release(page)
  }
}

/// ARC as in Figure 4 of Megiddo and Modha, on four arrays (LRU first).
struct NaiveARC: NaiveCache {
  let c: Int
  var t1: [PageKey] = []
  var t2: [PageKey] = []
  var b1: [PageKey] = []
  var b2: [PageKey] = []
  var p: Double = 0
  init(frames: Int, configuration: ReplacementConfig) { c = frames }
  mutating func replace(_ x: PageKey) -> PageKey {
    if !t1.isEmpty && (Double(t1.count) > p || (b2.contains(x) && Double(t1.count) == p)) {
      let y = t1.removeFirst()
      b1.append(y)
      return y
    }
    let y = t2.removeFirst()
    b2.append(y)
    return y
  }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = t1.firstIndex(of: x) {
      t1.remove(at: i)
      t2.append(x)
      return (true, nil)
    }
    if let i = t2.firstIndex(of: x) {
      t2.remove(at: i)
      t2.append(x)
      return (true, nil)
    }
    let full = t1.count + t2.count == c
    var victim: PageKey?
    if b1.contains(x) {
      let delta = b1.count >= b2.count ? 1 : Double(b2.count) / Double(b1.count)
      p = min(p + delta, Double(c))
      if full { victim = replace(x) }
      b1.removeAll { $0 == x }
      t2.append(x)
    } else if b2.contains(x) {
      let delta = b2.count >= b1.count ? 1 : Double(b1.count) / Double(b2.count)
      p = max(p - delta, 0)
      if full { victim = replace(x) }
      b2.removeAll { $0 == x }
      t2.append(x)
    } else {
      if t1.count + b1.count == c {
        if t1.count < c {
          b1.removeFirst()
          if full { victim = replace(x) }
        } else {
          victim = t1.removeFirst()
        }
      } else if t1.count + t2.count + b1.count + b2.count >= c {
        if t1.count + t2.count + b1.count + b2.count == 2 * c { b2.removeFirst() }
        if full { victim = replace(x) }
      }
      t1.append(x)
    }
    return (false, victim)
  }
  mutating func free(_ page: PageKey) {
    t1.removeAll { $0 == page }
    t2.removeAll { $0 == page }
  }
}

/// 2Q, full version, as the pseudocode of Johnson and Shasha's §2.1.
struct NaiveTwoQ: NaiveCache {
  let frames: Int
  let kin: Int
  let kout: Int
  var a1in: [PageKey] = []  // oldest first
  var am: [PageKey] = []  // LRU first
  var a1out: [PageKey] = []  // oldest first
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    kin = Int((configuration.twoQKin * Double(frames)).rounded(.down))
    kout = Int((configuration.twoQKout * Double(frames)).rounded(.down))
  }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = am.firstIndex(of: x) {
      am.remove(at: i)
      am.append(x)
      return (true, nil)
    }
    if a1in.contains(x) { return (true, nil) }
    let remembered = a1out.contains(x)
    var victim: PageKey?
    if a1in.count + am.count == frames {
      if a1in.count > kin || am.isEmpty {
        let y = a1in.removeFirst()
        a1out.append(y)
        if a1out.count > kout { a1out.removeFirst() }
        victim = y
      } else {
        victim = am.removeFirst()
      }
    }
    if remembered {
      a1out.removeAll { $0 == x }
      am.append(x)
    } else {
      a1in.append(x)
    }
    return (false, victim)
  }
  mutating func free(_ page: PageKey) {
    a1in.removeAll { $0 == page }
    am.removeAll { $0 == page }
  }
}

/// SIEVE, Algorithm 1 of Zhang et al., on an array (oldest first) with the hand as a page.
struct NaiveSIEVE: NaiveCache {
  let frames: Int
  var queue: [(page: PageKey, visited: Bool)] = []
  var hand: PageKey?
  init(frames: Int, configuration: ReplacementConfig) { self.frames = frames }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = queue.firstIndex(where: { $0.page == x }) {
      queue[i].visited = true
      return (true, nil)
    }
    var victim: PageKey?
    if queue.count == frames {
      var i = hand.flatMap { h in queue.firstIndex { $0.page == h } } ?? 0
      while queue[i].visited {
        queue[i].visited = false
        i = (i + 1) % queue.count
      }
      victim = queue[i].page
      hand = i + 1 < queue.count ? queue[i + 1].page : nil
      queue.remove(at: i)
    }
    queue.append((x, false))
    return (false, victim)
  }
  mutating func free(_ page: PageKey) {
    guard let i = queue.firstIndex(where: { $0.page == page }) else { return }
    if hand == page { hand = i + 1 < queue.count ? queue[i + 1].page : nil }
    queue.remove(at: i)
  }
}

/// S3-FIFO, Algorithm 1 of Yang et al., on arrays (oldest first) with linear searches, and this
/// project's documented choices: a reclaim frees one frame (moves from S to M never evict by
/// themselves); S is examined when it holds at least its target or M is empty; G is tested after
/// the reclaim and a page found there leaves it.
struct NaiveS3FIFO: NaiveCache {
  let frames: Int
  let smallTarget: Int
  let ghostSize: Int
  var small: [(page: PageKey, freq: Int)] = []  // oldest first
  var main: [(page: PageKey, freq: Int)] = []  // oldest first
  var ghost: [PageKey] = []  // oldest first
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    smallTarget = Int((configuration.s3fifoSmallFraction * Double(frames)).rounded(.down))
    ghostSize = frames - smallTarget
  }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = small.firstIndex(where: { $0.page == x }) {
      small[i].freq = min(small[i].freq + 1, 3)
      return (true, nil)
    }
    if let i = main.firstIndex(where: { $0.page == x }) {
      main[i].freq = min(main[i].freq + 1, 3)
      return (true, nil)
    }
    var victim: PageKey?
    if small.count + main.count == frames { victim = evict() }
    if let g = ghost.firstIndex(of: x) {
      ghost.remove(at: g)
      main.append((x, 0))
    } else {
      small.append((x, 0))
    }
    return (false, victim)
  }
  mutating func evict() -> PageKey? {
    if small.count >= smallTarget || main.isEmpty {
      while !small.isEmpty {
        let t = small.removeFirst()
        if t.freq > 1 {
          main.append((t.page, 0))
        } else {
          ghost.append(t.page)
          if ghost.count > ghostSize { ghost.removeFirst() }
          return t.page
        }
      }
    }
    while !main.isEmpty {
      let t = main.removeFirst()
      if t.freq == 0 { return t.page }
      main.append((t.page, t.freq - 1))
    }
    return nil
  }
  mutating func free(_ page: PageKey) {
    small.removeAll { $0.page == page }
    main.removeAll { $0.page == page }
  }
}

/// LIRS, §3 of Jiang and Zhang, on arrays (S bottom first, Q front first) with linear searches,
/// and this project's documented choices: L_hirs = floor(fraction × frames) clamped to
/// 1 ... frames − 1 (0 on one frame); a loaded page, or a referenced resident HIR page, is LIR
/// while fewer than L_lirs pages are, and a new LIR page demotes S's bottom only when the LIR
/// pages then exceed L_lirs; at most `frames` non-resident entries, the one made non-resident
/// earliest forgotten first; with Q empty the victim is S's bottom, not remembered; a freed page
/// leaves S and Q.
struct NaiveLIRS: NaiveCache {
  enum Status { case lir, residentHIR, nonResident }
  let frames: Int
  let lirTarget: Int
  var stack: [(page: PageKey, status: Status)] = []  // bottom (least recent) first
  var queue: [PageKey] = []  // resident HIR pages, the next victim first
  var nonResidentAge: [PageKey] = []  // non-resident entries, made non-resident earliest first
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    let share = Int((min(max(configuration.lirsHIRFraction, 0), 1) * Double(frames)).rounded(.down))
    let hir = frames == 1 ? 0 : min(frames - 1, max(1, share))
    lirTarget = frames - hir
  }
  var lirCount: Int { stack.filter { $0.status == .lir }.count }
  func inStack(_ x: PageKey) -> Int? { stack.firstIndex { $0.page == x } }

  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = inStack(x), stack[i].status == .lir {
      stack.remove(at: i)
      stack.append((x, .lir))
      prune()
      return (true, nil)
    }
    if let q = queue.firstIndex(of: x) {
      if let i = inStack(x) {
        queue.remove(at: q)
        stack.remove(at: i)
        stack.append((x, .lir))
        if lirCount > lirTarget { demoteBottom() }
      } else if lirCount < lirTarget {
        queue.remove(at: q)
        stack.append((x, .lir))
      } else {
        stack.append((x, .residentHIR))
        queue.remove(at: q)
        queue.append(x)
      }
      return (true, nil)
    }
    var victim: PageKey?
    if lirCount + queue.count == frames { victim = evict() }
    if let i = inStack(x) {  // non-resident: it is forgotten and returns as LIR
      stack.remove(at: i)
      nonResidentAge.removeAll { $0 == x }
      stack.append((x, .lir))
      if lirCount > lirTarget { demoteBottom() }
    } else if lirCount < lirTarget {
      stack.append((x, .lir))
    } else {
      stack.append((x, .residentHIR))
      queue.append(x)
    }
    return (false, victim)
  }

  mutating func evict() -> PageKey? {
    if !queue.isEmpty {
      let v = queue.removeFirst()
      if inStack(v) != nil {  // it stays in S as a non-resident entry
        if nonResidentAge.count == frames {
          let oldest = nonResidentAge.removeFirst()
          stack.removeAll { $0.page == oldest && $0.status == .nonResident }
        }
        if let i = inStack(v) { stack[i].status = .nonResident }
        nonResidentAge.append(v)
      }
      return v
    }
    guard !stack.isEmpty else { return nil }
    let bottom = stack.removeFirst()
    prune()
    return bottom.page
  }

  /// S's bottom, an LIR page, becomes a resident HIR page at Q's end; S is pruned.
  mutating func demoteBottom() {
    let bottom = stack.removeFirst()
    queue.append(bottom.page)
    prune()
  }

  mutating func prune() {
    while let bottom = stack.first, bottom.status != .lir {
      stack.removeFirst()
      if bottom.status == .nonResident { nonResidentAge.removeAll { $0 == bottom.page } }
    }
  }

  mutating func free(_ page: PageKey) {
    queue.removeAll { $0 == page }
    if let i = inStack(page), stack[i].status != .nonResident {
      stack.remove(at: i)
      prune()
    }
  }
}

/// The multi-generational LRU as Documentation/mm/multigen_lru.rst and this project's model
/// describe it, on one array of pages with linear scans: each page has a generation, an accessed
/// bit and the time it joined its generation; generations `minSeq ... maxSeq`, 0 ... 3 at first;
/// eviction takes the oldest generation's earliest joiner, promoting accessed ones to the
/// youngest (bit cleared); before each, empty oldest generations are retired while more than 2
/// remain, then aging runs when 2 remain, or 3 with more than half the pages in the youngest or
/// fewer than a quarter in the oldest: it promotes every accessed page (oldest generation
/// first, in joining order), clears the youngest's bits and opens a new youngest generation.
struct NaiveMGLRU: NaiveCache {
  let frames: Int
  let referenceOnLoad: Bool
  var pages: [(page: PageKey, seq: Int64, accessed: Bool, joined: Int)] = []
  var minSeq: Int64 = 0
  var maxSeq: Int64 = 3
  var tick = 0
  init(frames: Int, configuration: ReplacementConfig) {
    self.frames = frames
    referenceOnLoad = configuration.referenceOnLoad
  }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = pages.firstIndex(where: { $0.page == x }) {
      pages[i].accessed = true
      return (true, nil)
    }
    var victim: PageKey?
    if pages.count == frames { victim = evict() }
    join(x, accessed: referenceOnLoad)
    return (false, victim)
  }
  mutating func join(_ x: PageKey, accessed: Bool) {
    pages.append((x, maxSeq, accessed, tick))
    tick += 1
  }
  /// The pages of generation `seq`, earliest joiner first.
  func members(_ seq: Int64) -> [Int] {
    pages.indices.filter { pages[$0].seq == seq }.sorted { pages[$0].joined < pages[$1].joined }
  }
  mutating func promote(_ i: Int) {
    pages[i].accessed = false
    pages[i].seq = maxSeq
    pages[i].joined = tick
    tick += 1
  }
  mutating func evict() -> PageKey? {
    if pages.isEmpty { return nil }
    while true {
      while maxSeq - minSeq > 1 && members(minSeq).isEmpty { minSeq += 1 }
      let (young, old) = (members(maxSeq).count, members(minSeq).count)
      if maxSeq - minSeq == 1 || (maxSeq - minSeq == 2 && (2 * young > pages.count || 4 * old < pages.count)) {
        for seq in minSeq..<maxSeq {
          for i in members(seq) where pages[i].accessed { promote(i) }
        }
        for i in members(maxSeq) { pages[i].accessed = false }
        maxSeq += 1
        continue
      }
      guard let i = members(minSeq).first else { return nil }
      if pages[i].accessed {
        promote(i)
        continue
      }
      return pages.remove(at: i).page
    }
  }
  mutating func free(_ page: PageKey) { pages.removeAll { $0.page == page } }
}

/// CLOCK-Pro, from §3 of Jiang, Chen and Zhang (2005), on one array in clock order (it wraps
/// around) with linear searches, each hand named by the page it is on, and this project's
/// documented choices: the list head is just behind HAND_hot; hands move only when they run and
/// skip what they do not act on, and a hand on an entry that moves or leaves goes to the next;
/// m_c starts at m_min; pages loaded into free frames are cold; without a resident cold page
/// HAND_hot runs once first; freed pages leave unremembered.
struct NaiveClockPro: NaiveCache {
  enum Kind { case hot, cold, nonResident }
  struct Entry {
    var page: PageKey
    var kind: Kind
    var testing: Bool
    var ref: Bool
  }
  let m: Int
  let mMin: Int
  var mc: Int
  var clock: [Entry] = []  // clockwise
  var handHot: PageKey?
  var handCold: PageKey?
  var handTest: PageKey?

  init(frames: Int, configuration: ReplacementConfig) {
    m = frames
    let share = configuration.clockproColdMinimum
    mMin = share >= 0 ? Int((min(share, 0.5) * Double(frames)).rounded(.down)) : 0
    mc = mMin
  }
  func position(_ page: PageKey?) -> Int? {
    guard let page else { return nil }
    return clock.firstIndex { $0.page == page }
  }
  func successor(_ i: Int) -> PageKey { clock[(i + 1) % clock.count].page }
  func count(_ kind: Kind) -> Int { clock.filter { $0.kind == kind }.count }
  mutating func nudge(_ d: Int) { mc = min(max(mc + d, mMin), m - mMin) }
  /// Removes entry i; a hand on it goes to the next entry.
  mutating func take(_ i: Int) -> Entry {
    let e = clock[i]
    let next: PageKey? = clock.count == 1 ? nil : successor(i)
    if handHot == e.page { handHot = next }
    if handCold == e.page { handCold = next }
    if handTest == e.page { handTest = next }
    clock.remove(at: i)
    return e
  }
  mutating func atHead(_ e: Entry) {
    if let h = position(handHot) {
      clock.insert(e, at: h)
    } else {
      clock.append(e)
      handHot = e.page
    }
  }
  mutating func runHot() {
    var demoted = false
    while count(.hot) > 0 {
      let i = position(handHot)!
      switch clock[i].kind {
      case .hot:
        if demoted { return }
        if clock[i].ref {
          clock[i].ref = false
        } else {
          clock[i].kind = .cold
          clock[i].testing = false
          demoted = true
        }
        handHot = successor(i)
      case .cold:
        if clock[i].testing {
          clock[i].testing = false
          nudge(-1)
        }
        handHot = successor(i)
      case .nonResident:
        _ = take(i)
        nudge(-1)
      }
    }
  }
  mutating func runTest() {
    if handTest == nil { handTest = handHot }
    let i = position(handTest)!
    switch clock[i].kind {
    case .nonResident:
      _ = take(i)
      nudge(-1)
    case .cold:
      if clock[i].testing {
        clock[i].testing = false
        nudge(-1)
      }
      handTest = successor(i)
    case .hot:
      handTest = successor(i)
    }
  }
  mutating func runCold() -> PageKey {
    while true {
      if count(.cold) == 0 { runHot() }
      if handCold == nil { handCold = handHot }
      let i = position(handCold)!
      if clock[i].kind != .cold {
        handCold = successor(i)
        continue
      }
      if !clock[i].ref {
        let victim = clock[i].page
        if clock[i].testing {
          clock[i].kind = .nonResident
          handCold = successor(i)
          while count(.nonResident) > m { runTest() }
        } else {
          _ = take(i)
        }
        return victim
      }
      var e = take(i)
      e.ref = false
      if e.testing {
        e.kind = .hot
        nudge(1)
        atHead(e)
        while count(.hot) > m - mc { runHot() }
      } else {
        e.testing = true
        atHead(e)
      }
    }
  }
  mutating func reference(_ x: PageKey, isWrite: Bool, nextUse: Int64, time: Int64) -> (hit: Bool, victim: PageKey?) {
    if let i = position(x), clock[i].kind != .nonResident {
      clock[i].ref = true
      return (true, nil)
    }
    var victim: PageKey?
    if count(.hot) + count(.cold) == m { victim = runCold() }
    if let i = position(x) {
      _ = take(i)
      nudge(1)
      atHead(Entry(page: x, kind: .hot, testing: false, ref: false))
      while count(.hot) > m - mc { runHot() }
    } else {
      atHead(Entry(page: x, kind: .cold, testing: true, ref: false))
    }
    return (false, victim)
  }
  mutating func free(_ page: PageKey) {
    if let i = position(page), clock[i].kind != .nonResident { _ = take(i) }
  }
}

/// Belady's MIN over frame slots: the farthest next use, ties to the lowest slot.
struct NaiveOPT: NaiveCache {
  var slots: NaiveSlots
  var nextUse: [Int64]
  init(frames: Int, configuration: ReplacementConfig) {
    slots = NaiveSlots(frames)
    nextUse = Array(repeating: 0, count: frames)
  }
  mutating func reference(_ page: PageKey, isWrite: Bool, nextUse next: Int64, time: Int64) -> (
    hit: Bool, victim: PageKey?
  ) {
    if let s = slots.slot(of: page) {
      nextUse[s] = next
      return (true, nil)
    }
    var victim: PageKey?
    var target = slots.takeFree() ?? -1
    if target < 0 {
      target = 0
      for s in 0..<slots.count where nextUse[s] > nextUse[target] { target = s }
      victim = slots.pages[target]
    }
    slots.pages[target] = page
    nextUse[target] = next
    return (false, victim)
  }
  mutating func free(_ page: PageKey) {
    slots.release(page)
  }
}
