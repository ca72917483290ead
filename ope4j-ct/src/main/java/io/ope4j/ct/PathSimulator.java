package io.ope4j.ct;

import io.ope4j.internal.stats.CounterRng;
import java.util.List;

/**
 * A built-in process sampled on the grid t_k = kΔt, k = 0..K. Every draw is a pure function of
 * (seed, path, step) through {@link CounterRng}, so any path range can be simulated on any thread
 * with identical results, and a path can be replayed. Implementations are immutable.
 *
 * <p>Protocol for one path: {@link #start}, then for k = 0..K-1: {@link #reward} at state x_k,
 * then {@link #advance} to x_{k+1}; finally {@link #reward} at step K and {@link #payoff}.
 */
public interface PathSimulator {

  int dim();

  List<String> stateNames();

  /** Δt. */
  double stepSize();

  /** K: steps per path (K + 1 observations). */
  int steps();

  /** Writes x_0 of {@code path} at {@code state[offset..]}. */
  void start(long path, double[] state, int offset);

  /** Advances x_k (at {@code state[offset..]}) to x_{k+1} in place. */
  void advance(long path, int step, double[] state, int offset);

  /** The running reward rate r_k at state x_k (may use draws keyed by path and step). */
  double reward(long path, int step, double[] state, int offset);

  /**
   * {@link #reward} at x_k, then {@link #advance} to x_{k+1}; returns r_k. Override when both
   * need the same draw (e.g. a sampled action) to draw it once.
   */
  default double rewardThenAdvance(long path, int step, double[] state, int offset) {
    double r = reward(path, step, state, offset);
    advance(path, step, state, offset);
    return r;
  }

  /** The terminal payoff h(x_K); NaN when the process has none. */
  double payoff(double[] state, int offset);

  /** The problem this process is meant for (setting, β, T). */
  CtProblem problem();

  /** Appends paths [first, first + count) to {@code block}. */
  default void simulate(long first, int count, PathBlock block) {
    int d = dim();
    int k = steps();
    double dt = stepSize();
    double[] state = new double[d];
    for (long path = first; path < first + count; path++) {
      block.startPath(path, 0);
      int row = block.reserveRows(k + 1);
      double[] t = block.t();
      double[] x = block.x();
      double[] r = block.r();
      start(path, state, 0);
      for (int step = 0; step <= k; step++) {
        t[row + step] = step * dt;
        System.arraycopy(state, 0, x, (row + step) * d, d);
        r[row + step] = step < k ? rewardThenAdvance(path, step, state, 0) : reward(path, step, state, 0);
      }
      block.endPath(payoff(state, 0));
    }
  }
}
