/// The candidate closest to `s` by edit distance, if close enough to be a likely misspelling.
///
/// The distance is the optimal string alignment distance (Levenshtein's insertions, deletions and
/// substitutions plus Damerau's transposition of adjacent characters; Damerau 1964, computed with
/// the Wagner–Fischer 1974 dynamic program), ignoring case. A candidate is close enough when the
/// distance is at most 1 for names of up to 4 characters, 2 up to 8, and 3 beyond. Ties go to the
/// earlier candidate.
public func nearestName(_ s: String, in candidates: [String]) -> String? {
  let source = Array(s.lowercased().unicodeScalars)
  var best: (name: String, distance: Int)?
  for candidate in candidates {
    let target = Array(candidate.lowercased().unicodeScalars)
    let longer = max(source.count, target.count)
    let threshold = longer <= 4 ? 1 : longer <= 8 ? 2 : 3
    if abs(source.count - target.count) > threshold { continue }
    let distance = optimalStringAlignmentDistance(source, target)
    if distance <= threshold && distance < (best?.distance ?? .max) {
      best = (candidate, distance)
    }
  }
  return best?.name
}

/// Edit distance with adjacent transpositions (each edit costs 1).
///
/// - Complexity: O(a.count × b.count).
func optimalStringAlignmentDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  let width = b.count + 1
  // Three rolling rows: i-2, i-1 and i.
  var previous2 = [Int](repeating: 0, count: width)
  var previous = Array(0...b.count)
  var row = [Int](repeating: 0, count: width)
  for i in 1...a.count {
    row[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        value = min(value, previous2[j - 2] + 1)
      }
      row[j] = value
    }
    (previous2, previous, row) = (previous, row, previous2)
  }
  return previous[b.count]
}
