package io.ope4j.simulation;

import io.ope4j.selection.SelectionMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * How well the values of candidates estimated in a simulator agree with their estimates from a
 * log, as Real-is-Sim reports sim-versus-real correlation: Spearman's and Kendall's rank
 * correlations, the mean absolute difference, and the candidates whose two intervals do not
 * overlap (the simulator and the log disagree beyond their noise).
 *
 * @param policies the candidates, in order
 * @param simulated each candidate's value in the simulator
 * @param logged each candidate's estimate from the log
 * @param spearman Spearman's rank correlation of the two (NaN with fewer than two candidates)
 * @param kendall Kendall's tau
 * @param meanAbsoluteDifference mean of {@code |simulated - logged|}
 * @param disagreeing the candidates whose simulator and log intervals are disjoint
 */
public record SimLogAgreement(List<String> policies, double[] simulated, double[] logged, double spearman,
    double kendall, double meanAbsoluteDifference, List<String> disagreeing) {

  /**
   * @param simLower lower ends of the simulator's intervals; likewise the others
   * @throws IllegalArgumentException if the arrays' lengths differ from the policies'
   */
  public static SimLogAgreement of(List<String> policies, double[] simulated, double[] simLower, double[] simUpper,
      double[] logged, double[] logLower, double[] logUpper) {
    int k = policies.size();
    if (simulated.length != k || logged.length != k || simLower.length != k || simUpper.length != k
        || logLower.length != k || logUpper.length != k) {
      throw new IllegalArgumentException("agreement needs one value and interval per policy on each side");
    }
    double absolute = 0;
    List<String> disagreeing = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      absolute += Math.abs(simulated[j] - logged[j]);
      if (simUpper[j] < logLower[j] || logUpper[j] < simLower[j]) {
        disagreeing.add(policies.get(j));
      }
    }
    boolean ranks = k >= 2;
    return new SimLogAgreement(List.copyOf(policies), simulated.clone(), logged.clone(),
        ranks ? SelectionMetrics.spearman(simulated, logged) : Double.NaN,
        ranks ? SelectionMetrics.kendallTau(simulated, logged) : Double.NaN, absolute / k, List.copyOf(disagreeing));
  }
}
