/// Translation: the phases of a page access that find its frame and use it (the TLB lookup, the
/// walk and its end, the reference at the end of the RAM access).
extension MemoryManager {
  /// The access's start at `t`: the TLB lookup in TLB `tlb` (none without a TLB). A hit returns
  /// true: the access goes on to RAM with the frame the TLB holds. A miss (or no TLB) returns
  /// false: the walk starts, its upper levels are read now (only the process's own faults ever
  /// change them, and it is in this access) and its leaf is examined when the walk ends
  /// (`endWalk`). Advances `t` to the next phase's time.
  @inline(__always)
  mutating func lookUp(_ a: inout AccessState, tlb: Int, at t: inout SimTime) -> Bool {
    let p = Int(a.pid)
    let vpn = a.page
    let retrying = a.retrying
    if !retrying {
      a.tally.accesses += 1
      if Log.isEnabled { log.beginAccess(pid: p, time: t, va: accessedAddress(a), vpn: vpn, isWrite: a.isWrite) }
    }
    if tlbs[tlb].isPresent {
      t = t.later(by: latency.tlb())
      if let frame = tlbs[tlb].lookup(tlbKey(p, vpn: vpn), vpn: vpn) {
        a.tally.tlbHits += 1
        if Log.isEnabled && !retrying { log.tlbLookup(pid: p, hit: true) }
        t = t.later(by: latency.ram())
        a.inFlightFrame = frame
        return true
      }
      a.tally.tlbMisses += 1
      if Log.isEnabled && !retrying { log.tlbLookup(pid: p, hit: false) }
    }
    a.tally.pageWalks += 1
    if hasWalkCache {
      // The walk starts below the lowest upper-level entry the page-walk caches hold.
      var table = pageTable.roots[p]
      var level = pageTable.levels
      if let hit = walkCaches[tlb].lookup(vpn: vpn, asid: tlbTagged ? p : 0) {
        a.tally.walkCacheHits += 1
        table = hit.table
        level = hit.level
      }
      // One entry per level read, charged in full even past a non-present upper entry.
      a.tally.pteReads += Int64(level)
      t = latency.afterEntryReads(level, from: t)
      a.leaf = walk(pid: p, vpn: vpn, from: table, level: level, caching: tlb)
    } else {
      a.tally.pteReads += Int64(pageTable.levels)
      t = latency.afterEntryReads(pageTable.levels, from: t)
      a.leaf = walk(pid: p, vpn: vpn, from: pageTable.roots[p], level: pageTable.levels, caching: nil)
    }
    return false
  }

  /// The end of a walk at `t`: the leaf entry's present bit is examined now. Present: the TLB
  /// `tlb` is filled and the access goes on to RAM (returns true). Not present: the fault handler
  /// runs (returns false; `handleFault` at its end). Advances `t` to the next phase's time.
  @inline(__always)
  mutating func endWalk(_ a: inout AccessState, tlb: Int, at t: inout SimTime) -> Bool {
    let leaf = a.leaf
    if leaf >= 0 {
      let value = pageTable.entries[leaf]
      if Log.isEnabled {
        log.pageTableEntry(pid: Int(a.pid), level: 1, address: pageTable.address(ofEntry: leaf), value: value)
      }
      if value & PageTable.present != 0 {
        let frame = Int32(truncatingIfNeeded: frameNumber(ofLeaf: value))
        pageTable.entries[leaf] = value | PageTable.accessed
        if tlbs[tlb].isPresent {
          tlbs[tlb].insert(tlbKey(Int(a.pid), vpn: a.page), vpn: a.page, frame: frame)
        }
        t = t.later(by: latency.ram())
        a.inFlightFrame = frame
        return true
      }
    }
    t = t.later(by: latency.fault())
    return false
  }

  /// Reads the upper-level page-table entries of `vpn` in `pid`'s tables from `table` at
  /// `level` down (`PageWalk`), logging each and caching the present ones in the page-walk
  /// caches `caching` (if any). Returns the leaf's index, or -1 if an upper level is not present.
  @inline(__always)
  mutating func walk(pid p: Int, vpn: Int64, from table: Int32, level: Int, caching cache: Int?) -> Int {
    if Log.isEnabled { log.beginWalk(pid: p) }
    var walk = PageWalk(vpn: vpn, from: table, level: level)
    while let step = walk.next(in: pageTable) {
      if Log.isEnabled {
        log.pageTableEntry(pid: p, level: step.level, address: pageTable.address(ofEntry: step.entry), value: step.value)
      }
      if let cache, step.value & PageTable.present != 0 {
        walkCaches[cache].insert(level: step.level, vpn: vpn, asid: tlbTagged ? p : 0, table: walk.table)
      }
    }
    return walk.leaf ?? -1
  }

  func frameNumber(ofLeaf value: UInt64) -> Int {
    let field = value & PageTable.addressMask
    return pageShift >= 12 ? Int(field >> UInt64(pageShift)) : Int(field >> 12)
  }

  /// The end of the access's RAM access at `t`, in the frame it was translated to: the page is
  /// marked dirty on a write and the policy sees the reference (a fault's retry hands its locked
  /// frame to the policy instead: `admitFaultedPage`). A page evicted while the RAM access was in
  /// flight (its frame now belongs to another page, or to none) changes nothing: the access
  /// completes on the frame it was translated to. Only the process's own fault could map this
  /// page into the frame again, and it is in this access, so the frame's owner and page tell.
  @inline(__always)
  mutating func reference(_ a: inout AccessState, at t: SimTime) -> ReferenceOutcome {
    let f = Int(a.inFlightFrame)
    var outcome = ReferenceOutcome.evictedInFlight
    if frameTable.holds(f, process: a.pid, vpn: a.page) {
      if a.isWrite { pageTable.entries[frameTable[f].leaf] |= PageTable.dirty | PageTable.accessed }
      if a.retrying {
        admitFaultedPage(&a, at: t)
        outcome = .admitted
      } else {
        allocator.didAccess(FrameNumber(a.inFlightFrame), a.pageReference(at: t, withFuture: Frames.needsFuture))
        outcome = .referenced
      }
    }
    if Log.isEnabled {
      log.endAccess(pid: Int(a.pid), time: t, frame: f, physicalAddress: physicalAddress(a, frame: f))
    }
    return outcome
  }

  /// A fault's retried access reached RAM at `time`: its frame is unlocked and handed to the
  /// policy, the page's load. A frame is locked from the moment a fault takes it until the access
  /// it was loaded for has used it (the lock bit of Silberschatz, Galvin and Gagne, *Operating
  /// System Concepts*, 10th ed., §10.9.6), so that no other process's fault can evict it in the
  /// window between the end of its I/O and the retry's walk: with one frame and two processes,
  /// each would otherwise evict the other's page before it is used, forever.
  mutating func admitFaultedPage(_ a: inout AccessState, at time: SimTime) {
    let frame = a.faultFrame
    let translated = a.inFlightFrame
    assert(translated == frame, "a retried access reached another frame than its fault's")
    allocator.didLoad(FrameNumber(frame), a.pageReference(at: time, withFuture: Frames.needsFuture))
  }
}
