/// CLOCK-Pro (Jiang, Chen and Zhang, "CLOCK-Pro: An Effective Improvement of the CLOCK
/// Replacement", USENIX ATC 2005, §3: the clock and its three hands; §3.3's adaptive number of
/// cold pages).
///
/// LIRS's split of pages by reuse distance, on one clock. Resident pages are hot (small reuse
/// distance, never replaced while hot) or cold; the clock also holds non-resident cold pages, the
/// identities (`PageKey`s) of cold pages replaced during their test period. A cold page is in its
/// test period from its placement at the list head until a hand ends it; an access during the
/// test period shows a reuse distance smaller than the oldest hot page's recency, so the page
/// turns hot. Each resident page has a reference bit that a hit sets (`didAccess` does only that).
/// The list head is just behind HAND_hot: pages placed "at the head" join there, and a hand
/// passing a page leaves it where it is.
///
/// - A miss on a page that is not in the clock loads it cold, in its test period, at the head.
///   A miss on a non-resident page (necessarily in its test period) removes that entry and loads
///   the page hot at the head; m_c rises by 1 and HAND_hot runs while the hot pages exceed
///   m − m_c.
/// - HAND_cold (`selectVictim`) looks for a resident cold page, skipping other entries. With its
///   bit clear, the page is the victim: in its test period it stays as a non-resident page in
///   the same place (then, while the non-resident pages exceed m, HAND_test runs), else it leaves
///   the clock. With its bit set, the bit is cleared and the page moves to the head: in its test
///   period it turns hot (m_c + 1, and HAND_hot runs while the hot pages exceed m − m_c),
///   otherwise it starts a new test period. The hand goes on until it has a victim.
/// - One run of HAND_hot demotes one hot page: a hot page with its bit set has it cleared and
///   stays hot, the first with its bit clear turns cold (out of test); every cold page the hand
///   meets has its test period ended, and a non-resident one leaves the clock. After the demotion
///   the hand goes on to the next hot page ("finally the hand stops at a hot page").
/// - HAND_test ends the test period of the cold page under it (a non-resident one leaves the
///   clock) and moves on, skipping hot pages.
/// - m_c, the target number of resident cold pages, rises by 1 when a cold page (resident or not)
///   is accessed in its test period and falls by 1 when a test period ends without one, bounded
///   to [m_min, m − m_min].
///
/// Parameter: `clockproColdMinimum`, m_min as a fraction of the frames (0...0.5, default 0.01:
/// the 1% share LIRS gives its cold pages); m_min = floor(fraction × m), and m_c starts at m_min.
///
/// Where the model differs from the paper:
/// - Hands move only when they run and skip the entries they do not act on, so a hand "stops at
///   the next resident cold page" (or cold page, or hot page) in effect, not eagerly. A hand on
///   an entry that moves to the head or leaves the clock moves to the next entry.
/// - The non-resident pages are bounded to m, as in the paper, by HAND_test running after a
///   replacement adds one (the paper's other trigger, cold pages above m_c + m at a miss, is the
///   same bound when the resident cold pages number m_c).
/// - m_c's start (m_min) and the warm-up (every page loaded into a free frame is cold; pages
///   turn hot only through their test periods) are this model's choices: the paper gives
///   neither.
/// - With no resident cold page (frames being read in, or freed by an exit, or m_min = 0),
///   HAND_cold first runs HAND_hot once, whatever the target, to demote one.
/// - `didFree` (a process exits): the page leaves the clock, is not remembered and m_c does not
///   change; the process's non-resident entries stay until a hand removes them.
/// - A loaded page's reference bit starts clear (`referenceOnLoad` is not used): the faulting
///   reference is the one that starts the test period, and counting it would turn every page hot
///   at HAND_cold's first visit.
///
/// - Complexity: `didAccess` sets a bit; `didLoad` and `didFree` are O(1) expected (the
///   non-resident pages are hashed) beside the hand runs they trigger, and nothing allocates
///   after `init`. A step of HAND_hot or HAND_test clears a bit an access set, changes a page's
///   state or removes an entry a replacement added, so those hands are amortised O(1); HAND_cold
///   also passes hot and non-resident entries without changing them, so one `selectVictim` is
///   O(2m + 1) at worst, as in the paper.
public struct ClockProPolicy: ReplacementPolicy {
  /// What a clock entry holds.
  enum Status: UInt8, Sendable {
    case hot
    case cold
    case nonResident
  }

  /// The clock. Entries 0 ..< m are the frames (resident pages); entries m ... 2m hold
  /// non-resident pages. The ring's hand is HAND_hot; the list head is just behind it.
  var clock: FrameRing
  /// Each entry's status (meaningful for entries in the clock).
  var status: [Status]
  /// Whether each cold entry is in its test period (non-resident ones always are).
  var inTest: [Bool]
  /// Each frame's reference bit.
  var referenced: [Bool]
  /// Each entry's page.
  var pageOf: [PageKey]
  /// Non-resident page → its entry.
  var nonResidentEntry: PageFrameTable
  /// Non-resident entries not in use.
  var spareEntries: [Int32]
  /// HAND_cold's entry, or -1 to start at HAND_hot's.
  var handCold: Int32 = -1
  /// HAND_test's entry, or -1 to start at HAND_hot's.
  var handTest: Int32 = -1
  /// m, the frames.
  let frames: Int
  /// m_min: m_c's bounds are m_min ... m − m_min.
  let coldMinimum: Int
  /// m_c, the target number of resident cold pages.
  private(set) var coldTarget: Int
  private(set) var hotCount = 0
  private(set) var coldCount = 0
  private(set) var nonResidentCount = 0

  public init(frameCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    precondition(frameCount < Int(Int32.max) / 2, "CLOCK-Pro numbers its 2 × \(frameCount) + 1 entries in Int32")
    frames = frameCount
    let entries = 2 * frameCount + 1
    clock = FrameRing(frameCount: entries)
    status = Array(repeating: .cold, count: entries)
    inTest = Array(repeating: false, count: entries)
    referenced = Array(repeating: false, count: frameCount)
    pageOf = Array(repeating: PageKey(rawValue: 0), count: entries)
    nonResidentEntry = PageFrameTable(minimumCapacity: frameCount + 1)
    spareEntries = (Int32(frameCount)..<Int32(entries)).reversed()
    coldMinimum = ReplacementConfig.frameShare(configuration.clockproColdMinimum, of: frameCount, limit: 0.5)
    coldTarget = coldMinimum
  }

  public mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    let f = frame.index
    pageOf[f] = reference.page
    referenced[f] = false
    if let entry = nonResidentEntry[reference.page] {
      // Accessed in its test period: the page turns hot.
      removeNonResident(Int32(entry))
      status[f] = .hot
      hotCount += 1
      adjustColdTarget(by: 1)
      clock.insertBehindHand(frame)
      while hotCount > frames - coldTarget { runHandHot() }
    } else {
      status[f] = .cold
      inTest[f] = true
      coldCount += 1
      clock.insertBehindHand(frame)
    }
  }

  @inline(__always)
  public mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    referenced[frame.index] = true
  }

  /// HAND_cold: replaces the first resident cold page it meets with its bit clear.
  public mutating func selectVictim(at time: SimTime) -> FrameNumber? {
    guard hotCount + coldCount > 0 else { return nil }
    while true {
      if coldCount == 0 { runHandHot() }
      if handCold == -1 { handCold = clock.hand }
      let c = handCold
      guard status[Int(c)] == .cold else {
        handCold = clock.next[Int(c)]
        continue
      }
      let i = Int(c)
      if !referenced[i] {
        coldCount -= 1
        if inTest[i] {
          // It stays in the clock, in its place, as a non-resident page.
          let entry = spareEntries.removeLast()
          pageOf[Int(entry)] = pageOf[i]
          status[Int(entry)] = .nonResident
          inTest[Int(entry)] = true
          clock.replace(FrameNumber(c), with: FrameNumber(entry))
          if handTest == c { handTest = entry }
          handCold = clock.next[Int(entry)]
          nonResidentEntry.set(Int(entry), for: pageOf[i])
          nonResidentCount += 1
          while nonResidentCount > frames { runHandTest() }
        } else {
          unlink(c)
        }
        return FrameNumber(c)
      }
      referenced[i] = false
      if inTest[i] {
        status[i] = .hot
        coldCount -= 1
        hotCount += 1
        adjustColdTarget(by: 1)
        moveToHead(c)
        while hotCount > frames - coldTarget { runHandHot() }
      } else {
        inTest[i] = true
        moveToHead(c)
      }
    }
  }

  public mutating func didFree(_ frame: FrameNumber) {
    guard clock.contains(frame) else { return }
    if status[frame.index] == .hot { hotCount -= 1 } else { coldCount -= 1 }
    unlink(frame.rawValue)
  }

  // MARK: - Hands

  /// One run of HAND_hot: demotes one hot page, ending the test periods of the cold pages it
  /// passes, then goes on to the next hot page. Does nothing without hot pages.
  mutating func runHandHot() {
    var demoted = false
    while hotCount > 0 {
      let h = Int(clock.hand)
      switch status[h] {
      case .hot:
        if demoted { return }
        if referenced[h] {
          referenced[h] = false
        } else {
          status[h] = .cold
          inTest[h] = false
          hotCount -= 1
          coldCount += 1
          demoted = true
        }
        clock.advance()
      case .cold:
        if inTest[h] {
          inTest[h] = false
          adjustColdTarget(by: -1)
        }
        clock.advance()
      case .nonResident:
        removeNonResident(Int32(h))  // the hand moves to the next entry
        adjustColdTarget(by: -1)
      }
    }
  }

  /// One step of HAND_test: ends the test period of the cold page under it.
  mutating func runHandTest() {
    if handTest == -1 { handTest = clock.hand }
    let t = Int(handTest)
    switch status[t] {
    case .nonResident:
      removeNonResident(handTest)  // the hand moves to the next entry
      adjustColdTarget(by: -1)
    case .cold:
      if inTest[t] {
        inTest[t] = false
        adjustColdTarget(by: -1)
      }
      handTest = clock.next[t]
    case .hot:
      handTest = clock.next[t]
    }
  }

  // MARK: - Clock surgery

  mutating func adjustColdTarget(by delta: Int) {
    coldTarget = min(max(coldTarget + delta, coldMinimum), frames - coldMinimum)
  }

  /// Takes `entry` out of the clock; HAND_cold and HAND_test, if on it, move to the next entry
  /// (HAND_hot does so in `FrameRing.remove`).
  mutating func unlink(_ entry: Int32) {
    let next = clock.count == 1 ? -1 : clock.next[Int(entry)]
    if handCold == entry { handCold = next }
    if handTest == entry { handTest = next }
    clock.remove(FrameNumber(entry))
  }

  /// Moves `entry` to the list head, just behind HAND_hot.
  mutating func moveToHead(_ entry: Int32) {
    unlink(entry)
    clock.insertBehindHand(FrameNumber(entry))
  }

  /// Removes the non-resident `entry` from the clock and forgets its page.
  mutating func removeNonResident(_ entry: Int32) {
    nonResidentEntry.removeValue(for: pageOf[Int(entry)])
    unlink(entry)
    spareEntries.append(entry)
    nonResidentCount -= 1
  }

  // MARK: - Checks

  /// What is inconsistent in the policy's structures, or nil (`InternalChecks`): the clock; the
  /// counts of hot, resident cold and non-resident entries, which are in the right ranges (frames
  /// resident, the others not); the index of non-resident pages and the spare entries; at most m
  /// non-resident pages; m_c within its bounds and the hot pages within m − m_c; the hands on
  /// entries in the clock.
  public func invariantViolation() -> String? {
    if let problem = clock.invariantViolation() { return "clock: \(problem)" }
    if let problem = nonResidentEntry.invariantViolation() { return "non-resident index: \(problem)" }
    var counts = [0, 0, 0]
    for e in 0..<status.count where clock.contains(FrameNumber(e)) {
      let s = status[e]
      counts[Int(s.rawValue)] += 1
      guard (s == .nonResident) == (e >= frames) else { return "entry \(e) is \(s)" }
      if s == .nonResident && (!inTest[e] || nonResidentEntry[pageOf[e]] != e) {
        return "non-resident entry \(e) is out of test or not indexed"
      }
    }
    guard counts == [hotCount, coldCount, nonResidentCount] else {
      return "entries hot/cold/non-resident \(counts), counted \([hotCount, coldCount, nonResidentCount])"
    }
    guard nonResidentEntry.count == nonResidentCount, spareEntries.count + nonResidentCount == frames + 1 else {
      return "\(nonResidentEntry.count) indexed, \(spareEntries.count) spare, \(nonResidentCount) non-resident"
    }
    guard nonResidentCount <= frames else { return "\(nonResidentCount) non-resident pages, above \(frames)" }
    guard coldTarget >= coldMinimum && coldTarget <= frames - coldMinimum else {
      return "m_c \(coldTarget) is outside \(coldMinimum)...\(frames - coldMinimum)"
    }
    guard hotCount <= frames - coldTarget else {
      return "\(hotCount) hot pages, above m − m_c = \(frames - coldTarget)"
    }
    for (name, hand) in [("HAND_cold", handCold), ("HAND_test", handTest)] where hand != -1 {
      guard Int(hand) < status.count && clock.contains(FrameNumber(hand)) else {
        return "\(name) is on \(hand), not in the clock"
      }
    }
    return nil
  }

  /// Whether `frame` is a candidate (`ReplacementPolicy.isCandidate`).
  public func isCandidate(_ frame: FrameNumber) -> Bool { clock.contains(frame) }
}
