extension MemoryManager {
  /// What is inconsistent in the machine's state, or nil (`InternalChecks`): the page tables'
  /// structure; the free list (in range, no duplicates, exactly the frames with no owner); each
  /// owned frame's leaf (the entry that maps its page, and when present it maps this frame; a
  /// replacement candidate is mapped; an unmapped one is in flight, as the driver says: no frame
  /// leaks); each present leaf (its frame is owned by that process for that page); each TLB entry
  /// of a process that has not exited (its frame holds that page of that process, mapped; an
  /// exited process's entries stay until its TLB is flushed or they are evicted, as an ASID's do
  /// until it is reused); then the allocator and its policies.
  ///
  /// `inFlight(f, owner)` says whether the driver has I/O pending on frame `f` of `owner` (a
  /// page being read in, a victim or a swapped-out page being written back): only such a frame
  /// may be owned while its page is not mapped.
  func invariantViolation(hasExited: (Int) -> Bool, inFlight: (_ frame: Int, _ owner: Int) -> Bool) -> String? {
    if let problem = pageTable.invariantViolation() { return "page tables: \(problem)" }
    if let problem = frameTable.invariantViolation() { return "frame table: \(problem)" }
    for f in 0..<frameCount {
      let owner = Int(frameTable[f].owner)
      let vpn = frameTable[f].vpn
      let recordedLeaf = frameTable[f].leaf
      guard owner >= 0 else {
        for p in pageTable.roots.indices where allocator.isCandidate(FrameNumber(f), process: p) {
          return "free frame \(f) is a replacement candidate of process \(p)"
        }
        continue
      }
      guard let leaf = pageTable.existingLeafEntry(process: owner, vpn: vpn), leaf == recordedLeaf else {
        return "frame \(f) (process \(owner), page \(vpn)) records leaf \(recordedLeaf), not its page's"
      }
      let value = pageTable.entries[leaf]
      if value & PageTable.present != 0 && frameNumber(ofLeaf: value) != f {
        return "frame \(f)'s leaf maps frame \(frameNumber(ofLeaf: value))"
      }
      // A replacement candidate is loaded: mapped (a frame being loaded or written back is not one).
      if value & PageTable.present == 0 && allocator.isCandidate(FrameNumber(f), process: owner) {
        return "frame \(f) is a replacement candidate but its page is not mapped"
      }
      if value & PageTable.present == 0 && !inFlight(f, owner) {
        return "frame \(f) (process \(owner), page \(vpn)) is owned, unmapped and has no I/O pending: it leaked"
      }
    }
    for process in pageTable.roots.indices {
      var problem: String?
      pageTable.forEachPresentLeaf(of: process) { vpn, entry in
        guard problem == nil else { return }
        let f = frameNumber(ofLeaf: pageTable.entries[entry])
        if f < 0 || f >= frameCount || !frameTable.holds(f, process: Int32(process), vpn: vpn) || frameTable[f].leaf != entry {
          problem = "process \(process)'s page \(vpn) maps frame \(f), which does not hold it"
        }
      }
      if let problem { return problem }
    }
    if let problem = tlbViolation(hasExited: hasExited) { return problem }
    if let problem = allocator.invariantViolation() { return "allocator: \(problem)" }
    return nil
  }

  /// What is wrong with a TLB entry, or nil: every valid entry of a process that has not exited
  /// translates a page of the process its TLB serves (by ASID, by the CPU's current process, or
  /// its own TLB) to the frame that holds it, with the page's leaf present.
  func tlbViolation(hasExited: (Int) -> Bool) -> String? {
    for t in tlbs.indices {
      let base = tlbStorage.buffer.baseAddress! + t * tlbStorage.entriesPerTLB
      for e in 0..<tlbStorage.entriesPerTLB where base[e].tag != 0 {
        let key = base[e].tag &- 1
        let vpn = Int64(key & (1 << 40 - 1))
        let process = tlbsPerCPU ? (tlbTagged ? Int(key >> 40) : Int(tlbContext[t])) : t
        guard process >= 0, !hasExited(process) else { continue }
        let f = Int(base[e].frame)
        let entry = "TLB \(t) entry \(e) maps process \(process)'s page \(vpn) to frame \(f)"
        guard f >= 0 && f < frameCount else { return "\(entry), out of range" }
        guard frameTable.holds(f, process: Int32(process), vpn: vpn) else {
          return "\(entry), which holds process \(frameTable[f].owner)'s page \(frameTable[f].vpn)"
        }
        guard pageTable.entries[frameTable[f].leaf] & PageTable.present != 0 else { return "\(entry), whose leaf is not present" }
      }
    }
    return nil
  }
}
