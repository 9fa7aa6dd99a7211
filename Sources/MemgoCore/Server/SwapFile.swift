#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The server's backing store: a real file of page-sized slots. A page gets a slot when it is
/// first written back; a major fault reads it back from its slot; a page with no slot has never
/// been written back and reads as zeros. Slots are freed when their process exits and reused.
/// Writes go through `pwrite`, reads through `pread`, at `slot × pageSize`.
struct SwapFile: ~Copyable {
  let descriptor: Int32
  let path: String
  let pageSize: Int
  /// Whether the file is removed when the server stops (the default temporary file).
  let removeAtExit: Bool
  /// The most slots the file may hold (`--swap-slots`); `Int.max` when only the disk limits it.
  let capacity: Int
  private(set) var slotCount = 0
  private var freeSlots: [Int] = []
  /// Each page's slot, keyed by `key(pid:vpn:)`.
  private var slots: [UInt64: Int] = [:]

  /// Opens (creating, truncating) the swap file at `path`.
  init(path: String, pageSize: Int, capacity: Int, removeAtExit: Bool) throws(ServerError) {
    let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard fd >= 0 else { throw .io("\(path): cannot open the swap file: \(String(cString: strerror(errno)))") }
    descriptor = fd
    self.path = path
    self.pageSize = pageSize
    self.capacity = capacity
    self.removeAtExit = removeAtExit
  }

  deinit {
    close(descriptor)
    if removeAtExit { unlink(path) }
  }

  static func key(pid: Int, vpn: Int64) -> UInt64 { UInt64(pid) << 48 | UInt64(truncatingIfNeeded: vpn) & 0xFFFF_FFFF_FFFF }

  /// Slots in use.
  var usedSlots: Int { slots.count }
  /// Whether `n` more pages could get a slot.
  func hasRoom(for n: Int) -> Bool { capacity - usedSlots >= n }

  /// Writes the page `pid`:`vpn` from `bytes` (one page) to its slot, taking one if it has none.
  mutating func write(pid: Int, vpn: Int64, from bytes: UnsafeRawBufferPointer) throws(ServerError) {
    let k = Self.key(pid: pid, vpn: vpn)
    var slot = slots[k]
    if slot == nil {
      guard usedSlots < capacity else { throw .swapFull("swap is full (\(capacity) slots of \(pageSize) bytes)") }
      slot = freeSlots.popLast() ?? { slotCount += 1; return slotCount - 1 }()
    }
    let offset = off_t(slot!) * off_t(pageSize)
    var done = 0
    while done < pageSize {
      let n = pwrite(descriptor, bytes.baseAddress! + done, pageSize - done, offset + off_t(done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else {
        if slots[k] == nil { freeSlots.append(slot!) }
        throw .io("\(path): swap write failed: \(n < 0 ? String(cString: strerror(errno)) : "no progress")")
      }
      done += n
    }
    slots[k] = slot
  }

  /// Reads the page `pid`:`vpn` into `bytes` (one page): from its slot, or zeros if it has none.
  func read(pid: Int, vpn: Int64, into bytes: UnsafeMutableRawBufferPointer) throws(ServerError) {
    guard let slot = slots[Self.key(pid: pid, vpn: vpn)] else {
      bytes.initializeMemory(as: UInt8.self, repeating: 0)
      return
    }
    let offset = off_t(slot) * off_t(pageSize)
    var done = 0
    while done < pageSize {
      let n = pread(descriptor, bytes.baseAddress! + done, pageSize - done, offset + off_t(done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw .io("\(path): swap read failed: \(n < 0 ? String(cString: strerror(errno)) : "end of file")") }
      done += n
    }
  }

  /// Frees every slot of `pid` (it exited).
  mutating func release(pid: Int) {
    for (k, slot) in slots where Int(k >> 48) == pid {
      slots[k] = nil
      freeSlots.append(slot)
    }
  }
}

/// Why the server could not do what was asked.
public enum ServerError: Error, Equatable {
  /// A request the server cannot serve; the message names what is wrong.
  case request(String)
  /// The address is outside the process's address space.
  case segmentationFault(String)
  /// No swap slot is free for a page that must be written back.
  case swapFull(String)
  /// The swap file or a socket failed.
  case io(String)
  /// The configuration cannot be served.
  case configuration(String)

  public var message: String {
    switch self {
    case .request(let m), .swapFull(let m), .io(let m), .configuration(let m): return m
    case .segmentationFault(let m): return "segmentation fault: \(m)"
    }
  }
}
