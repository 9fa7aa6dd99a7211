/// The model's internal consistency checks, compiled in only when the build defines
/// `MEMGO_INTERNAL_CHECKS` (`swift test -Xswiftc -DMEMGO_INTERNAL_CHECKS`; `.ci/run` runs one
/// test pass so), in the manner of swift-collections' `COLLECTIONS_INTERNAL_CHECKS`. In every
/// other build `isEnabled` is a false literal and the checks fold away.
///
/// Each structure with an invariant (the event queue, the frame table and page tables, every
/// policy's lists, heaps, rings and bitmaps) has an `invariantViolation() -> String?` that says
/// what is inconsistent, or nil. Those are always compiled, so that tests can call them on
/// structures they corrupt on purpose; the drivers (`Simulator`, `PolicyReplay`, `ServedOS`) call
/// `verify` on them only when the checks are enabled, on `isCheckedStep` steps.
enum InternalChecks {
  /// Whether the build defines `MEMGO_INTERNAL_CHECKS`.
  @inline(__always) static var isEnabled: Bool {
    #if MEMGO_INTERNAL_CHECKS
      true
    #else
      false
    #endif
  }

  /// Whether a driver checks at step count `step` (the simulator and the server count from 1, the
  /// replay from 0): each of the first 1,024, then every 1,024th, so that a long run pays a few
  /// full scans per thousand steps, not one per step.
  @inline(__always) static func isCheckedStep(_ step: Int64) -> Bool { step < 1024 || step & 1023 == 0 }

  /// Stops the program with `violation`, prefixed by `structure`, when it is not nil.
  static func verify(_ violation: String?, in structure: String) {
    if let violation { preconditionFailure("internal check failed: \(structure): \(violation)") }
  }
}
