/// The future of an in-memory reference string, as OPT needs it.
public enum NextUse {
  /// For each position i of `pages`, the index of the next position holding the same page, or
  /// `Int64.max` if there is none: one backward pass with a `PageFrameTable` of last-seen indices.
  ///
  /// - Complexity: O(n) expected time, O(distinct pages) extra memory.
  public static func indices(for pages: [PageKey]) -> [Int64] {
    var result = Array(repeating: Int64.max, count: pages.count)
    var seen = PageFrameTable()
    for i in pages.indices.reversed() {
      if let later = seen[pages[i]] { result[i] = Int64(later) }
      seen.set(i, for: pages[i])
    }
    return result
  }
}
