import MemgoCore

/// Runs memgo with `arguments` (without the program name) and returns the exit status.
public func runMemgo(_ arguments: [String]) -> Int32 {
  print("memgo (under construction)")
  return 0
}
