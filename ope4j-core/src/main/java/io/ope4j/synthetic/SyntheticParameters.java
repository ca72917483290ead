package io.ope4j.synthetic;

import io.ope4j.internal.stats.CounterRng;

/**
 * The random parameters of a synthetic bandit, as flat row-major arrays; package-private so that
 * tests can build hand-checkable cases. Arrays are owned by the record and never modified.
 *
 * @param theta {@code theta[a * d + j]}: weight of feature j for action a
 * @param bias {@code bias[a]}: the action's intercept
 * @param contexts {@code contexts[m * d + j]}: feature j of pool context m
 * @param modelError {@code modelError[m * K + a]}: the reward model's standardised error, scaled
 *     by {@code modelNoise * sigma_mu} when the tables are built
 */
record SyntheticParameters(double[] theta, double[] bias, double[] contexts, double[] modelError) {

  /** Stream ids of {@link CounterRng}; one per kind of draw so that no two kinds share values. */
  static final long STREAM_THETA = 1;
  static final long STREAM_BIAS = 2;
  static final long STREAM_CONTEXTS = 3;
  static final long STREAM_MODEL_ERROR = 4;

  /** Standard deviation of the per-action bias: actions differ on average, less than by context. */
  static final double BIAS_SD = 0.5;

  /** Checks that the arrays fit {@code config}'s K, d and M. */
  void checkShape(SyntheticConfig config) {
    int k = config.nActions();
    int d = config.contextDim();
    int m = config.poolSize();
    if (theta.length != k * d || bias.length != k || contexts.length != m * d
        || modelError.length != m * k) {
      throw new IllegalArgumentException(String.format(
          "parameters do not fit K=%d, d=%d, M=%d: theta %d, bias %d, contexts %d, modelError %d",
          k, d, m, theta.length, bias.length, contexts.length, modelError.length));
    }
  }

  /**
   * Draws all parameters from {@code config.seed()} with the counter-based generator: each array
   * has its own stream and each cell its own counter (its flat index), so, for example, context m
   * is the same for every pool size larger than m.
   */
  static SyntheticParameters draw(SyntheticConfig config) {
    int k = config.nActions();
    int d = config.contextDim();
    int m = config.poolSize();
    long seed = config.seed();
    // theta_a ~ N(0, I_d / d): theta_a . x then has unit variance for x ~ N(0, I_d).
    double thetaSd = d == 0 ? 0.0 : 1.0 / Math.sqrt(d);
    double[] theta = gaussians(seed, STREAM_THETA, k * d, thetaSd);
    double[] bias = gaussians(seed, STREAM_BIAS, k, BIAS_SD);
    double[] contexts = gaussians(seed, STREAM_CONTEXTS, m * d, 1.0);
    double[] modelError = gaussians(seed, STREAM_MODEL_ERROR, m * k, 1.0);
    return new SyntheticParameters(theta, bias, contexts, modelError);
  }

  private static double[] gaussians(long seed, long stream, int count, double sd) {
    long key = CounterRng.key(seed, stream);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = sd * CounterRng.gaussian(key, i);
    }
    return values;
  }
}
