/// Page-fault-frequency allocation (`scope: pff`; W. W. Chu and H. Opderbeck, "The page fault
/// frequency replacement algorithm", AFIPS FJCC 1972; with the upper and lower bounds of
/// Silberschatz, Galvin and Gagne, *Operating System Concepts*, 10th ed., §10.6.3).
///
/// A process's fault rate is measured at each of its faults over the references since its previous
/// fault (1 / that count, in its own virtual time). Above `pffUpper` the process is given another
/// frame: a free one, else the oldest page no process keeps, else the load controller suspends it
/// (as in `WorkingSetAllocator`). Below `pffLower` it first gives up every page it has not
/// referenced since its previous fault (Chu and Opderbeck's rule), then takes a frame as above.
/// In between, its allocation stays: it replaces its own least recently used page. With
/// `pffLower == pffUpper` this is the original single-threshold PFF. The replacement policy named
/// in the scenario is not used.
struct PFFAllocator: ResidentSetAllocator {
  static var scope: AllocationScope { .pff }
  let upper: Double
  let lower: Double
  var resident: ResidentSets
  /// Each process's virtual time at its last fault.
  var lastFault: [Int64]

  init(frameCount: Int, processCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    upper = configuration.pffUpper
    lower = configuration.pffLower
    resident = ResidentSets(frameCount: frameCount, processCount: processCount)
    lastFault = Array(repeating: 0, count: processCount)
  }

  @inline(__always) mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    _ = resident.reference(frame.index, process: reference.page.process)
  }

  @inline(__always) mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    _ = resident.reference(frame.index, process: reference.page.process)
  }

  mutating func decide(for reference: PageReference, freeFrames: Int) -> FrameDecision {
    let p = reference.page.process
    // The faulting reference is counted when its page is loaded; it happens now.
    let now = resident.clock[p] + 1
    let previous = lastFault[p]
    lastFault[p] = now
    let interval = Double(now - previous)
    if interval * upper >= 1 {
      if interval * lower > 1 {
        // Rate below the lower bound: shed the pages unused since the previous fault; the new page
        // takes a free frame or one of the released pages.
        resident.release(p, usedAtOrBefore: previous - 1)
        if freeFrames > 0 { return .takeFree }
        if let f = resident.released.popFirst() { return .replace(f) }
      }
      // Rate within the bounds (or nothing to shed): keep the allocation, replacing the least
      // recently used own page.
      if let own = resident.sets.first(of: p) {
        resident.sets.remove(own)
        return .replace(FrameNumber(own))
      }
    }
    // Rate above the upper bound (or nothing resident yet): grow.
    return freeFrames > 0 ? .takeFree : resident.growOrSuspend(p)
  }
}
