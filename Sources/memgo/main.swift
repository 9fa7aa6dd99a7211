import MemgoCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

exit(runMemgo(Array(CommandLine.arguments.dropFirst())))
