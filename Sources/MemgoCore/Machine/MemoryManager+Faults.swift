/// The memory manager's fault handler (its frame taken by the shared `FaultHandler` template),
/// the unmapping of an evicted page from page tables and TLBs, the mapping of the faulted page, and
/// the freeing of a process's frames.
extension MemoryManager {
  /// The end of the fault handler at `time`: build any missing tables down to the leaf, then take
  /// a free frame or evict the victim the allocator chooses (its translations shot down: the TLB
  /// entries invalidated are added to `shootdowns`). The frame is locked until the retry uses it
  /// (`admitFaultedPage`). Also the retry of a fault that waited for a frame.
  mutating func handleFault(_ a: inout AccessState, at time: SimTime, shootdowns: inout Int64) -> FaultOutcome {
    if a.leaf < 0 { a.leaf = pageTable.leafEntry(process: Int(a.pid), vpn: a.page) }
    let frame: Int
    var victimDirty = false
    let reference = a.pageReference(at: time, withFuture: Frames.needsFuture)
    switch takeFrame(for: reference, owner: a.pid, vpn: a.page, leaf: a.leaf, shootdowns: &shootdowns) {
    case .free(let free):
      frame = free
    case .evicted(let evicted, let victim, let dirty):
      frame = evicted
      victimDirty = dirty
      a.tally.evictions += 1
      if dirty { a.tally.dirtyEvictions += 1 }
      if Log.isEnabled {
        // Kept for the write-back's log line.
        victimVPNs[Int(a.pid)] = victim.vpn
        log.evict(
          pid: Int(a.pid), time: time, victimPid: Int(victim.owner), victimVPN: victim.vpn, frame: frame, dirty: dirty)
      }
    case .waitForIO:
      return .waitForFrame
    case .suspend:
      return .suspend
    }
    a.faultFrame = Int32(frame)
    let major = !zeroFill || pageTable.entries[a.leaf] & PageTable.touched != 0
    a.faultIsMajor = major
    if major { a.tally.majorFaults += 1 } else { a.tally.minorFaults += 1 }
    if Log.isEnabled { log.fault(pid: Int(a.pid), time: time, vpn: a.page, major: major) }
    if victimDirty || major { return .needsIO(writeBack: victimDirty, read: major) }
    mapFaultedPage(&a)
    return .mapped
  }

  /// Unmaps the page in frame `f` (its leaf entry keeps only the "touched" bit) and shoots its
  /// translation down on every TLB that may hold it: with TLBs per CPU, every CPU that last ran
  /// its owner, or every CPU when entries are tagged; else its owner's own TLB. Adds the entries
  /// invalidated to `shootdowns`; returns whether the page was dirty.
  mutating func unmap(frame f: Int, shootdowns: inout Int64) -> Bool {
    let owner = Int(frameTable[f].owner)
    let vpn = frameTable[f].vpn
    let leaf = frameTable[f].leaf
    let dirty = pageTable.entries[leaf] & PageTable.dirty != 0
    pageTable.entries[leaf] = PageTable.touched
    let key = tlbKey(owner, vpn: vpn)
    if tlbsPerCPU {
      for c in tlbs.indices where tlbContext[c] == Int32(owner) || tlbTagged {
        if tlbs[c].invalidate(key, vpn: vpn) { shootdowns += 1 }
      }
    } else if tlbs[owner].invalidate(key, vpn: vpn) {
      shootdowns += 1
    }
    return dirty
  }

  /// The end of the fault's I/O (or of its handler, for a zero-filled page without write-back):
  /// the faulted page's entry becomes present, mapping it to its frame. The frame stays locked
  /// until the retried access has used it (`admitFaultedPage`).
  mutating func mapFaultedPage(_ a: inout AccessState) {
    pageTable.entries[a.leaf] =
      PageTable.frameField(frame: Int(a.faultFrame), pageSize: pageSize)
      | PageTable.present | PageTable.writable | PageTable.touched
  }

  /// Process `p` exits: every frame holding its pages returns to the free pool (its entries keep
  /// only the "touched" bit) and its reservation to the allocator. Returns the frames freed.
  mutating func exit(_ p: Int) -> Int {
    var freed = 0
    for f in frameTable.frames(of: p) {
      allocator.didFree(FrameNumber(f), process: p)
      pageTable.entries[frameTable[f].leaf] = PageTable.touched
      frameTable.release(f)
      freed += 1
    }
    allocator.release(p)
    return freed
  }

  /// Load control swaps `p` out: its pages are unmapped (TLB entries invalidated added to
  /// `shootdowns`), its clean frames freed at once; its dirty frames stay its own until their
  /// write-back ends (`freeFrames(of:)`). Returns the frames freed and the dirty pages to write.
  mutating func swapOut(_ p: Int, shootdowns: inout Int64) -> (freed: Int, dirty: Int64) {
    var freed = 0
    var dirty: Int64 = 0
    for f in frameTable.frames(of: p) {
      allocator.didFree(FrameNumber(f), process: p)
      if unmap(frame: f, shootdowns: &shootdowns) {
        dirty += 1
      } else {
        frameTable.release(f)
        freed += 1
      }
    }
    return (freed, dirty)
  }

  /// Frees every frame `p` still owns (its swap-out's write-back has ended); returns how many.
  mutating func freeFrames(of p: Int) -> Int {
    var freed = 0
    for f in frameTable.frames(of: p) {
      frameTable.release(f)
      freed += 1
    }
    return freed
  }

  /// Process slot `p` is taken by a new process (`memgo serve` reuses the slots of processes that
  /// exited): its page tables are cleared and its TLB and page-walk caches flushed, so that it
  /// starts with an empty address space. `p` must own no frame (`exit` first).
  mutating func clearAddressSpace(of p: Int) {
    pageTable.clearAddressSpace(of: p)
    if !tlbsPerCPU {
      tlbs[p].flush()
      if hasWalkCache { walkCaches[p].flush() }
    }
  }
}
