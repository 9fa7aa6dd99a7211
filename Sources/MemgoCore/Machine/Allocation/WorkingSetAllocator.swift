/// Denning's working-set policy (`scope: workingset`; P. J. Denning, "The working set model for
/// program behavior", CACM 11(5), 1968; "Thrashing: its causes and prevention", AFIPS FJCC 1968).
///
/// A process's working set W(t, τ) is the set of pages it referenced in its last τ references
/// (`tau`, counted in the process's own virtual time). After every reference the pages outside the
/// window leave the set; they stay mapped until replaced (see `ResidentSets`). A fault takes a
/// free frame, else the oldest page outside every working set. When there is none, memory holds
/// nothing but working sets: the sum of the working sets exceeds memory and the load controller
/// suspends the faulting process (it is swapped out and waits until its working set fits again),
/// unless it is the only process keeping pages, which then replaces its own least recently used
/// page. The replacement policy named in the scenario is not used.
///
/// - Complexity: each reference is O(1) amortised (a page leaves the set at most once per entry).
struct WorkingSetAllocator: ResidentSetAllocator {
  static var scope: AllocationScope { .workingset }
  /// The window, in references.
  let tau: Int64
  var resident: ResidentSets

  init(frameCount: Int, processCount: Int, configuration: ReplacementConfig, seed: UInt64) {
    tau = configuration.tau
    resident = ResidentSets(frameCount: frameCount, processCount: processCount)
  }

  @inline(__always) mutating func didLoad(_ frame: FrameNumber, _ reference: PageReference) {
    didAccess(frame, reference)
  }

  @inline(__always) mutating func didAccess(_ frame: FrameNumber, _ reference: PageReference) {
    let p = reference.page.process
    let now = resident.reference(frame.index, process: p)
    resident.release(p, usedAtOrBefore: now - tau)
  }

  mutating func decide(for reference: PageReference, freeFrames: Int) -> FrameDecision {
    freeFrames > 0 ? .takeFree : resident.growOrSuspend(reference.page.process)
  }
}
