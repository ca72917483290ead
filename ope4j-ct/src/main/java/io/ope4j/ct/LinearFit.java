package io.ope4j.ct;

import java.util.List;

/**
 * A fitted linear value function J(t, x) = θᵀφ(t, x) (plus the average reward V in the ergodic
 * setting), with its diagnostics.
 *
 * @param method {@code ml}, {@code lstd}, {@code lstd(lambda=..)} or {@code mstde}
 * @param problem the setting, β and T
 * @param features the basis
 * @param theta the parameters θ (length p)
 * @param averageReward V (ergodic), else NaN
 * @param covariance Cov(θ, V) row-major, (p or p+1)², from the path-clustered sandwich; null if not computed
 * @param conditionNumber 2-norm condition number of the solved system
 * @param paths paths used
 * @param transitions TD transitions (rows of the system)
 * @param minStep smallest transition length Δ
 * @param maxStep largest transition length Δ
 * @param meanStep mean transition length
 */
public record LinearFit(String method, CtProblem problem, Features features, double[] theta, double averageReward,
    double[] covariance, double conditionNumber, long paths, long transitions, double minStep, double maxStep,
    double meanStep) {

  public List<String> names() {
    return features.names();
  }

  /** Ĵ(t, x). */
  public double value(double t, double[] x) {
    double[] phi = new double[theta.length];
    features.values(t, problem.timeToGo(t), x, 0, phi, 0);
    double v = 0;
    for (int k = 0; k < theta.length; k++) {
      v += theta[k] * phi[k];
    }
    return v;
  }

  /** Standard error of Ĵ(t, x): √(φᵀ Cov φ); NaN without a covariance. */
  public double valueStderr(double t, double[] x) {
    if (covariance == null) {
      return Double.NaN;
    }
    int p = theta.length;
    int q = (int) Math.round(Math.sqrt(covariance.length));
    double[] phi = new double[p];
    features.values(t, problem.timeToGo(t), x, 0, phi, 0);
    double var = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        var += phi[i] * covariance[i * q + j] * phi[j];
      }
    }
    return Math.sqrt(Math.max(0, var));
  }

  /** Standard error of θ_k (k = p: of V); NaN without a covariance. */
  public double parameterStderr(int k) {
    if (covariance == null) {
      return Double.NaN;
    }
    int q = (int) Math.round(Math.sqrt(covariance.length));
    return Math.sqrt(Math.max(0, covariance[k * q + k]));
  }

  public double averageRewardStderr() {
    return Double.isNaN(averageReward) ? Double.NaN : parameterStderr(theta.length);
  }
}
