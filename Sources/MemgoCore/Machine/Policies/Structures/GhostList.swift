/// A bounded recency list of the identities of pages no longer in memory: the ghost lists of ARC
/// (B1, B2), 2Q (A1out) and S3-FIFO (G). It remembers only `PageKey`s, never data.
///
/// Nodes live in a fixed pool threaded by a `FrameList` (node numbers stand in for frame numbers)
/// and are found by key through a `PageFrameTable`; nothing allocates after creation. The list
/// holds at most `capacity` keys: inserting into a full list first forgets the least recent.
///
/// - Complexity: `contains`, `remove`, `insertMostRecent` and `removeLeastRecent` are O(1) expected.
struct GhostList: Sendable {
  private var keys: [PageKey]
  /// Least recent at the head, most recent at the tail.
  private var order: FrameList
  private var freeNodes: [Int32]
  private var index: PageFrameTable
  /// The most keys the list holds.
  let capacity: Int

  /// Creates an empty list remembering at most `capacity` keys.
  init(capacity: Int) {
    self.capacity = max(0, capacity)
    keys = Array(repeating: PageKey(rawValue: 0), count: self.capacity)
    order = FrameList(frameCount: self.capacity)
    freeNodes = (0..<Int32(self.capacity)).reversed()
    index = PageFrameTable(minimumCapacity: self.capacity)
  }

  /// How many keys the list holds.
  var count: Int { order.count }

  /// Whether `page` is remembered.
  func contains(_ page: PageKey) -> Bool { index.contains(page) }

  /// Forgets `page`; returns whether it was remembered.
  @discardableResult
  mutating func remove(_ page: PageKey) -> Bool {
    guard let node = index.removeValue(for: page) else { return false }
    order.remove(FrameNumber(node))
    freeNodes.append(Int32(node))
    return true
  }

  /// Remembers `page` as the most recent (forgetting the least recent if the list is full).
  mutating func insertMostRecent(_ page: PageKey) {
    if capacity == 0 { return }
    remove(page)
    if order.count == capacity { removeLeastRecent() }
    let node = freeNodes.removeLast()
    keys[Int(node)] = page
    order.append(FrameNumber(node))
    index.set(Int(node), for: page)
  }

  /// Forgets and returns the least recent key.
  @discardableResult
  mutating func removeLeastRecent() -> PageKey? {
    guard let node = order.popFirst() else { return nil }
    let page = keys[node.index]
    index.removeValue(for: page)
    freeNodes.append(node.rawValue)
    return page
  }

  /// Forgets the least recent keys until at most `limit` remain.
  mutating func trim(to limit: Int) {
    while order.count > max(0, limit) { removeLeastRecent() }
  }

  /// What is inconsistent in the list, or nil: its order list and key index are consistent and
  /// hold the same nodes, every node is listed or free (never both), and at most `capacity` keys.
  func invariantViolation() -> String? {
    if let problem = order.invariantViolation() { return "order: \(problem)" }
    if let problem = index.invariantViolation() { return "index: \(problem)" }
    guard index.count == order.count else { return "\(index.count) keys are indexed, \(order.count) listed" }
    guard order.count + freeNodes.count == capacity else {
      return "\(order.count) listed and \(freeNodes.count) free nodes, capacity \(capacity)"
    }
    var seen = Array(repeating: false, count: capacity)
    for node in freeNodes {
      guard node >= 0 && Int(node) < capacity, !seen[Int(node)] else { return "free node \(node) is out of range or free twice" }
      seen[Int(node)] = true
      if order.contains(FrameNumber(node)) { return "node \(node) is both free and listed" }
    }
    var node = order.first
    while let n = node {
      guard index[keys[n.index]] == n.index else { return "node \(n)'s key is not indexed to it" }
      node = order.next(after: n)
    }
    return nil
  }
}
