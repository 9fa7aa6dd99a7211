/// Quantiles of Student's t distribution, for confidence intervals over replications.
public enum StudentT {
  /// t_{0.975, df} for df = 1...30 (index df − 1), to 11 significant digits: the classical table
  /// (Abramowitz and Stegun 1964, table 26.10), recomputed from the incomplete beta function.
  static let table975: [Double] = [
    12.7062047362, 4.3026527297, 3.1824463053, 2.7764451052, 2.5705818356,
    2.4469118511, 2.3646242516, 2.3060041352, 2.2621571628, 2.2281388520,
    2.2009851601, 2.1788128297, 2.1603686565, 2.1447866879, 2.1314495456,
    2.1199052992, 2.1098155778, 2.1009220402, 2.0930240544, 2.0859634473,
    2.0796138447, 2.0738730679, 2.0686576104, 2.0638985616, 2.0595385528,
    2.0555294386, 2.0518305165, 2.0484071418, 2.0452296421, 2.0422724563,
  ]

  /// The standard normal quantile z_{0.975}.
  static let z975 = 1.959963984540054

  /// The 97.5% quantile of Student's t with `df` degrees of freedom: the multiplier of s/√n in a
  /// two-sided 95% confidence interval for a mean of df + 1 observations.
  ///
  /// Exact (to 11 digits) for df ≤ 30 from a table; beyond, the Cornish-Fisher expansion of t in
  /// powers of 1/df around the normal quantile (Abramowitz and Stegun 1964, formula 26.7.5), whose
  /// error is below 3·10⁻⁸ for df > 30 and shrinks as df⁻⁵. Returns +∞ for df < 1 (no interval).
  public static func quantile975(df: Int) -> Double {
    guard df >= 1 else { return .infinity }
    if df <= table975.count { return table975[df - 1] }
    let z = z975
    let z2 = z * z
    let z3 = z2 * z
    let z5 = z3 * z2
    let z7 = z5 * z2
    let z9 = z7 * z2
    let g1 = (z3 + z) / 4
    let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
    let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
    let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
    let n = Double(df)
    return z + (g1 + (g2 + (g3 + g4 / n) / n) / n) / n
  }
}
