import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The count of SIGINT and SIGTERM signals received since `Interruption.install()`.
///
/// An atomic integer is async-signal-safe to update (lock-free); it is created before the handler
/// is installed, so the handler never runs Swift's lazy global initialisation.
private let receivedSignals = Atomic<Int>(0)

/// The handler: counts the signal; a second one ends the process at once (`_exit(1)`, which is
/// async-signal-safe), for users who do not want to wait for the units in progress.
private func interruptionHandler(_ signal: Int32) {
  let (_, now) = receivedSignals.wrappingAdd(1, ordering: .sequentiallyConsistent)
  if now >= 2 { _exit(1) }
}

/// Graceful interruption of long runs: SIGINT (Ctrl-C) and SIGTERM (`kill`, Slurm's `scancel`) set
/// a flag that experiment workers check between work units, so every unit already finished is kept
/// and no file is left half-written. A second signal stops the process immediately.
///
/// The handler is installed with `sigaction(2)` and `SA_RESTART`, so blocking system calls of other
/// threads resume rather than fail with `EINTR`.
public enum Interruption {
  /// Installs the handler for SIGINT and SIGTERM (idempotent) and unblocks both signals in the
  /// calling thread, which a parent may have left blocked (a blocked mask is inherited across
  /// `posix_spawn`), so that they reach the process.
  public static func install() {
    _ = receivedSignals.load(ordering: .relaxed)  // initialise the global before any signal
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for signal in [SIGINT, SIGTERM] {
      var action = sigaction()
      #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = interruptionHandler
      #else
        action.__sigaction_handler.sa_handler = interruptionHandler
      #endif
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(SA_RESTART)
      sigaction(signal, &action, nil)
    }
  }

  /// Whether a SIGINT or SIGTERM has arrived since `install()`.
  public static var isRequested: Bool { receivedSignals.load(ordering: .relaxed) > 0 }
}
