package io.ope4j.sequential.distribution;

/**
 * The risk functions of one estimated return distribution.
 *
 * @param mean the expected return
 * @param variance the variance of the return
 * @param cvarAlphas the levels alpha of {@code cvar}
 * @param cvar per alpha, the conditional value at risk: the mean of the worst alpha share of
 *     returns
 * @param quantileAlpha the alpha of the lower and upper quantiles
 * @param median the 0.5 quantile
 * @param lowerQuantile the alpha quantile
 * @param upperQuantile the 1 - alpha quantile
 */
public record RiskSummary(double mean, double variance, double[] cvarAlphas, double[] cvar,
    double quantileAlpha, double median, double lowerQuantile, double upperQuantile) {

  public RiskSummary {
    cvarAlphas = cvarAlphas.clone();
    cvar = cvar.clone();
  }

  /** The interquartile range at {@code quantileAlpha}: upper minus lower quantile. */
  public double interquantileRange() {
    return upperQuantile - lowerQuantile;
  }

  /** The CVaR at {@code alpha}, which must be one of {@link #cvarAlphas}. */
  public double cvarAt(double alpha) {
    for (int a = 0; a < cvarAlphas.length; a++) {
      if (cvarAlphas[a] == alpha) {
        return cvar[a];
      }
    }
    throw new IllegalArgumentException("CVaR was not computed at alpha " + alpha);
  }
}
