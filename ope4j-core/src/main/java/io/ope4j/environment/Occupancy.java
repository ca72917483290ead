package io.ope4j.environment;

/**
 * Discounted state occupancies of a policy in a tabular MDP whose episodes may end:
 * {@code m(s) = sum_t gamma^t P(s_t = s, episode running at t)}, the solution of the flow
 * equations {@code m(s') = rho_0(s') + gamma sum_s sum_a c(s) pi(a|s) P(s'|s, a) m(s)} (Puterman
 * 1994, §6.9, the dual of the evaluation equations). The state-action occupancy is
 * {@code m(s) pi(a|s)}; with {@code gamma = 1} and episodes that end, {@code m} counts the expected
 * visits per episode.
 */
public final class Occupancy {

  private Occupancy() {}

  /**
   * @param next {@code P(s'|s, a)}, possibly sub-stochastic (mass missing = the episode ends)
   * @param continuation {@code c(s)}, the probability of continuing after a step from s
   * @param initial the initial distribution
   * @param policy {@code pi(a|s)}
   * @throws IllegalArgumentException if the flow equations are singular (an endless loop at gamma 1)
   */
  public static double[] states(double[][][] next, double[] continuation, double[] initial,
      double[][] policy, double gamma) {
    int n = initial.length;
    double[][] a = new double[n][n + 1];
    for (int to = 0; to < n; to++) {
      a[to][to] = 1.0;
      a[to][n] = initial[to];
    }
    for (int from = 0; from < n; from++) {
      for (int act = 0; act < policy[from].length; act++) {
        double flow = gamma * continuation[from] * policy[from][act];
        if (flow == 0.0) {
          continue;
        }
        double[] row = next[from][act];
        for (int to = 0; to < n; to++) {
          a[to][from] -= flow * row[to];
        }
      }
    }
    return LinearSolve.solveAugmented(a);
  }

  /**
   * The ratios {@code w(s, a) = m_pi(s) pi(a|s) / (m_b(s) b(a|s))} of the target's discounted
   * occupancy to the behaviour's undiscounted visits per episode: the weights with which the mean
   * over episodes of {@code sum_t w(s_t, a_t) r_t} is the target's value (Liu et al. 2018, eq. 5,
   * per episode). {@code NaN} where the behaviour never goes.
   */
  public static double[][] ratios(double[][][] next, double[] continuation, double[] initial,
      double[][] target, double[][] behaviour, double gamma) {
    double[] targetVisits = states(next, continuation, initial, target, gamma);
    double[] behaviourVisits = states(next, continuation, initial, behaviour, 1.0);
    double[][] ratio = new double[target.length][];
    for (int s = 0; s < ratio.length; s++) {
      ratio[s] = new double[target[s].length];
      for (int act = 0; act < ratio[s].length; act++) {
        double visits = behaviourVisits[s] * behaviour[s][act];
        ratio[s][act] = visits > 0 ? targetVisits[s] * target[s][act] / visits : Double.NaN;
      }
    }
    return ratio;
  }
}
