package io.ope4j.sequential.distribution;

/**
 * Risk functions of a CDF on a grid: the documented ones, of the distribution that puts mass
 * {@code F(m_j) - F(m_{j-1})} on each point {@code m_j} (with {@code F(m_{-1}) = 0}, and what is left
 * above {@code F(m_{M-1})} on the top point), and SCOPE-RL's coded ones (docs/distribution.md).
 */
public final class RiskFunctions {

  private RiskFunctions() {}

  /**
   * The risk functions of the distribution on the grid points: mean, variance, CVaR (Rockafellar &amp;
   * Uryasev 2002, the mean of the lower alpha tail, splitting the point where it ends) and the
   * quantiles {@code min{m_j : F(m_j) >= theta}}.
   *
   * @param cdf monotone, in [0, 1], length M
   * @param alphas CVaR levels in (0, 1]
   */
  public static RiskSummary documented(ReturnGrid grid, double[] cdf, double[] alphas,
      double quantileAlpha) {
    int m = grid.size();
    double[] mass = new double[m];
    double previous = 0.0;
    for (int j = 0; j < m; j++) {
      double top = j == m - 1 ? 1.0 : cdf[j];
      mass[j] = top - previous;
      previous = top;
    }
    double mean = 0.0;
    for (int j = 0; j < m; j++) {
      mean += mass[j] * grid.point(j);
    }
    double variance = 0.0;
    for (int j = 0; j < m; j++) {
      double d = grid.point(j) - mean;
      variance += mass[j] * d * d;
    }
    double[] cvar = new double[alphas.length];
    for (int a = 0; a < alphas.length; a++) {
      cvar[a] = tailMean(grid, mass, alphas[a]);
    }
    return new RiskSummary(mean, variance, alphas, cvar, quantileAlpha,
        quantile(grid, mass, 0.5), quantile(grid, mass, quantileAlpha),
        quantile(grid, mass, 1 - quantileAlpha));
  }

  private static double tailMean(ReturnGrid grid, double[] mass, double alpha) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("CVaR alpha must be in (0, 1], got " + alpha);
    }
    double left = alpha;
    double sum = 0.0;
    for (int j = 0; j < mass.length && left > 0; j++) {
      double taken = Math.min(mass[j], left);
      sum += taken * grid.point(j);
      left -= taken;
    }
    return sum / alpha;
  }

  private static double quantile(ReturnGrid grid, double[] mass, double theta) {
    double cumulative = 0.0;
    for (int j = 0; j < mass.length; j++) {
      cumulative += mass[j];
      if (cumulative >= theta) {
        return grid.point(j);
      }
    }
    return grid.last();
  }

  /**
   * SCOPE-RL's coded risk functions ({@code estimate_mean}, {@code estimate_variance}, {@code
   * estimate_conditional_value_at_risk}, {@code estimate_interquartile_range}): the mass of bin j is
   * {@code F[j+1] - F[j]} at {@code m_{j+1}} (any mass in {@code F[0]} ignored); CVaR cuts at the
   * first {@code F[j+1] > alpha} and divides by {@code F[j*+1]}, is {@code m_1} when that is the
   * first bin and {@code mean / F[M-1]} when there is none; a quantile is the midpoint of the first
   * point with {@code F > theta} and the next.
   */
  public static RiskSummary scopeRl(ReturnGrid grid, double[] cdf, double[] alphas,
      double quantileAlpha) {
    int m = grid.size();
    double mean = 0.0;
    for (int j = 0; j < m - 1; j++) {
      mean += (cdf[j + 1] - cdf[j]) * grid.point(j + 1);
    }
    double variance = 0.0;
    for (int j = 0; j < m - 1; j++) {
      double d = grid.point(j + 1) - mean;
      variance += (cdf[j + 1] - cdf[j]) * d * d;
    }
    double[] cvar = new double[alphas.length];
    for (int a = 0; a < alphas.length; a++) {
      cvar[a] = scopeRlCvar(grid, cdf, mean, alphas[a]);
    }
    return new RiskSummary(mean, variance, alphas, cvar, quantileAlpha,
        scopeRlQuantile(grid, cdf, 0.5), scopeRlQuantile(grid, cdf, quantileAlpha),
        scopeRlQuantile(grid, cdf, 1 - quantileAlpha));
  }

  private static double scopeRlCvar(ReturnGrid grid, double[] cdf, double mean, double alpha) {
    int m = grid.size();
    int cut = -1;
    for (int j = 0; j < m - 1; j++) {
      if (cdf[j + 1] > alpha) {
        cut = j;
        break;
      }
    }
    if (cut < 0) {
      return mean / cdf[m - 1];
    }
    if (cut == 0) {
      return grid.point(1);
    }
    double sum = 0.0;
    for (int j = 0; j <= cut; j++) {
      sum += (cdf[j + 1] - cdf[j]) / cdf[cut + 1] * grid.point(j + 1);
    }
    return sum;
  }

  private static double scopeRlQuantile(ReturnGrid grid, double[] cdf, double theta) {
    int m = grid.size();
    for (int k = 0; k < m; k++) {
      if (cdf[k] > theta) {
        return k == m - 1 ? grid.last() : (grid.point(k) + grid.point(k + 1)) / 2;
      }
    }
    return grid.last();
  }
}
