import Dispatch
import MemgoCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress display on stderr for long runs: units done of total, simulated events per
/// wall-clock second and the estimated time left, redrawn in place (`\r`) a few times a second.
/// It appears only once a run has taken more than a second, and is erased when the run ends, so
/// short runs print nothing. Where stderr is not a terminal (forced with `--progress`, e.g. in a
/// batch job's log) it prints a plain line every ten seconds instead.
final class ProgressBar: Sendable {
  let progress: ExperimentProgress
  let label: String
  let isTerminal: Bool
  private let stopped = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private let drawn = Atomic<Bool>(false)

  /// The delay before the first drawing, in seconds.
  static let delay = 1.0

  init(progress: ExperimentProgress, label: String) {
    self.progress = progress
    self.label = label
    isTerminal = isatty(2) == 1
  }

  /// Whether progress is shown: forced by `--progress`, else on a terminal unless `--quiet`.
  static func enabled(force: Bool, quiet: Bool) -> Bool {
    force || (!quiet && isatty(2) == 1)
  }

  /// Starts drawing on a background thread.
  func start() {
    let start = ProgressBar.now()
    DispatchQueue.global().async { [self] in
      let period = isTerminal ? 0.2 : 10.0
      var next = start + ProgressBar.delay
      while true {
        let wait = max(0, next - ProgressBar.now())
        if stopped.wait(timeout: .now() + wait) == .success { break }
        draw(elapsed: ProgressBar.now() - start)
        next += period
      }
      if isTerminal && drawn.load(ordering: .relaxed) { Output.writeError("\r\u{1B}[K") }
      finished.signal()
    }
  }

  /// Stops drawing and erases the line; returns once the line is gone.
  func stop() {
    stopped.signal()
    finished.wait()
  }

  func draw(elapsed: Double) {
    let total = progress.total
    let resumed = progress.resumed
    let finishedNow = progress.finished
    let done = resumed + finishedNow
    var parts = ["\(done)/\(total) units"]
    if elapsed > 0 { parts.append(ProgressBar.rate(Double(progress.events) / elapsed) + " events/s") }
    if Interruption.isRequested {
      parts.append("interrupted: finishing the units in progress (interrupt again to stop now)")
    } else if finishedNow > 0 && done < total {
      parts.append("ETA " + ProgressBar.duration(elapsed / Double(finishedNow) * Double(total - done)))
    } else {
      parts.append("elapsed " + ProgressBar.duration(elapsed))
    }
    let text = parts.joined(separator: "  ")
    if isTerminal {
      // The bar takes what the text leaves of the line, 10 to 30 characters.
      let columns = ProgressBar.terminalColumns()
      let width = min(30, max(10, columns - 1 - "memgo: \(label) [] \(text)".count))
      let filled = total > 0 ? min(width, done * width / total) : 0
      let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
      var line = "memgo: \(label) \(bar) \(text)"
      if line.count >= columns { line = String(line.prefix(max(0, columns - 1))) }
      Output.writeError("\r" + line + "\u{1B}[K")
    } else {
      Output.writeError("memgo: \(label): \(text)\n")
    }
    drawn.store(true, ordering: .relaxed)
  }

  /// Three significant digits and a prefix: `1.23M`, `45.6k`, `456k`, `789`.
  static func rate(_ x: Double) -> String {
    guard x.isFinite, x > 0 else { return "0" }
    for (scale, prefix) in [(1e9, "G"), (1e6, "M"), (1e3, "k")] where x >= scale {
      let v = x / scale
      return fixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2) + prefix
    }
    return fixed(x, 0)
  }

  /// `0:41`, `12:05`, `3:02:17`.
  static func duration(_ seconds: Double) -> String {
    let s = Int(min(max(seconds, 0), 1e7).rounded())
    let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
    return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
  }

  static func terminalColumns() -> Int {
    var size = winsize()
    if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return 80
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}
