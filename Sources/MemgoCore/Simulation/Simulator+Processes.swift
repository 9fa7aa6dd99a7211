/// CPUs, process exit and the end of a run.
extension Simulator {
  // MARK: - CPU pool

  /// `p` wants a CPU: take an idle one or join the FCFS queue.
  mutating func requestCPU(_ p: Int, at time: SimTime) {
    if let c = cpus.idle.popLast() {
      grantCPU(Int(c), to: p, at: time)
    } else {
      cpus.waiting.enqueue(Int32(p))
    }
  }

  /// Gives CPU `c` to `p` at `time`: a context switch if it last ran another process, which
  /// flushes its TLB (and its page-walk caches) when entries carry no ASID. Switches and flushes
  /// after warmup are counted for `p`'s group.
  mutating func grantCPU(_ c: Int, to p: Int, at time: SimTime) {
    let change = os.switchContext(cpu: c, to: p)
    if change != .none {
      let counted = time >= warmup
      let g = Int(processes[p].group)
      if counted { groupTallies[g].contextSwitches += 1 }
      if change == .flushed && counted { groupTallies[g].tlbFlushes += 1 }
    }
    processes[p].cpu = Int32(c)
    startRunning(p, at: time)
    queue.insert(SimEvent(.cpuGranted, process: Int32(p)), at: time)
  }

  /// `p` gives up its CPU (it blocks, finishes a request or exits); the next waiter gets it.
  mutating func releaseCPU(_ p: Int, at time: SimTime) {
    let c = processes[p].cpu
    guard c >= 0 else { return }
    stopRunning(p, at: time)
    processes[p].cpu = -1
    if let next = cpus.waiting.dequeue() {
      grantCPU(Int(c), to: Int(next), at: time)
    } else {
      cpus.idle.append(c)
    }
  }

  /// `p` starts running (thinking or accessing) on its core or CPU.
  mutating func startRunning(_ p: Int, at time: SimTime) {
    if processes[p].runningSince == .never { processes[p].runningSince = time }
  }

  /// `p` stops running: its busy time after warmup is added to its group's CPU integral.
  mutating func stopRunning(_ p: Int, at time: SimTime) {
    let since = processes[p].runningSince
    guard since != .never else { return }
    processes[p].runningSince = .never
    let from = max(since, warmup)
    if time > from { groupTallies[Int(processes[p].group)].cpuBusy += Double((time - from).picoseconds) }
  }

  // MARK: - Exit

  /// `p` has issued all its requests: it leaves, its frames return to the free pool and its
  /// reservation to the allocator; waiting processes may then be admitted or resumed.
  mutating func exitProcess(_ p: Int, at time: SimTime) {
    processes[p].phase = .finished
    yieldProcessor(p, at: time)
    activeProcesses -= 1
    for _ in 0..<os.exit(p) { wakeFrameWaiter(at: time) }
    if Frames.needsFuture { futures[p] = nil }  // its reader's buffers
    if Frames.scope == .local { admitWaiting(at: time) }
    if Frames.controlsLoad { resumeSuspended(at: time) }
  }

  // MARK: - End of run

  /// Closes the open busy intervals at `end` and assembles the run's result.
  mutating func finish(at end: SimTime) -> RunResult {
    for p in processes.indices {
      stopRunning(p, at: end)
      if processes[p].inDiskService { accountDiskBusy(p, until: end) }
    }
    disk.account(until: end, measuredFrom: warmup)
    var machine = RunTally()
    for tally in groupTallies { machine.add(tally) }
    machine.diskQueued = disk.queuedIntegral
    if Log.isEnabled { os.log.finish() }
    return RunResult(
      machine: machine, groups: Array(groupTallies),
      simulatedTime: end > warmup ? end - warmup : .zero,
      diskChannels: scenario.machine.disk.channels,
      cpuCount: scenario.machine.cpus ?? processes.count, events: events, hasTLB: scenario.machine.tlb.entries > 0)
  }
}
