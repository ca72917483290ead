package io.ope4j.simulation;

import io.ope4j.environment.Draw;
import io.ope4j.environment.Environment;
import java.util.SplittableRandom;

/**
 * Runs one chunk of episodes of a target policy in an environment, on-policy or with the PROPS
 * behaviour, and sums them. The PROPS behaviour in state s is the target tilted by the surplus
 * of each action: {@code b(a|s) ∝ pi(a|s) exp(-step * clip(surplus(s, a)))} with {@code surplus
 * = n(s, a) - n(s) pi(a|s)} (ROS's gradient step on the log-likelihood of the visits, Zhong et al.
 * 2022, §4; clipped to {@value #CLIP} in the logit as PROPS clips, Corrado & Hanna 2024). The
 * counts are this chunk's own plus its share of the counts before this round, so chunks that run
 * side by side do not all correct the same surplus.
 */
final class ChunkRunner {

  /** Largest change of an action's logit: keeps every weight pi / b within e^CLIP. */
  static final double CLIP = 2.0;

  private final double[][] target;
  private final int actions;
  private final double gamma;
  private final double step;
  private final long[] before;
  private final double share;
  private final double[] behaviour;
  private final long[] local;
  private final long[] localState;
  private final long[] beforeState;

  /**
   * @param before visits of (s, a) before this round, or null for on-policy sampling
   * @param chunksInRound how many chunks share the correction of {@code before}
   */
  ChunkRunner(double[][] target, double gamma, double step, long[] before, int chunksInRound) {
    this.target = target;
    this.actions = target[0].length;
    this.gamma = gamma;
    this.step = step;
    this.before = before;
    this.share = chunksInRound;
    this.behaviour = new double[actions];
    this.local = new long[target.length * actions];
    this.localState = new long[target.length];
    this.beforeState = new long[target.length];
    if (before != null) {
      for (int s = 0; s < target.length; s++) {
        for (int a = 0; a < actions; a++) {
          beforeState[s] += before[s * actions + a];
        }
      }
    }
  }

  EpisodeSums run(Environment environment, SplittableRandom random, int episodes) {
    EpisodeSums sums = new EpisodeSums(before != null ? local.length : 0);
    double sumReturn = 0;
    double sumSquares = 0;
    double sumWeighted = 0;
    double sumWeightedSquares = 0;
    long steps = 0;
    for (int e = 0; e < episodes; e++) {
      int state = environment.reset(random);
      double episodeReturn = 0;
      double weightedReturn = 0;
      double discount = 1;
      double ratio = 1;
      while (true) {
        double[] pi = target[state];
        double[] b = before == null ? pi : props(state, pi);
        int action = Draw.index(random, b);
        ratio *= pi[action] / b[action];
        if (before != null) {
          local[state * actions + action]++;
          localState[state]++;
        }
        environment.step(action, random);
        steps++;
        episodeReturn += discount * environment.reward();
        weightedReturn += discount * ratio * environment.reward(); // per-decision IS (Precup et al. 2000)
        discount *= gamma;
        if (environment.done()) {
          break;
        }
        state = environment.observation();
      }
      sumReturn += episodeReturn;
      sumSquares += episodeReturn * episodeReturn;
      sumWeighted += weightedReturn;
      sumWeightedSquares += weightedReturn * weightedReturn;
    }
    sums.episodes = episodes;
    sums.steps = steps;
    sums.returns.add(sumReturn);
    sums.squaredReturns.add(sumSquares);
    sums.weighted.add(sumWeighted);
    sums.squaredWeighted.add(sumWeightedSquares);
    if (sums.visits != null) {
      System.arraycopy(local, 0, sums.visits, 0, local.length);
    }
    return sums;
  }

  private double[] props(int state, double[] pi) {
    double total = 0;
    int row = state * actions;
    for (int a = 0; a < actions; a++) {
      double surplus = local[row + a] - localState[state] * pi[a]
          + (before[row + a] - beforeState[state] * pi[a]) / share;
      double logit = Math.max(-CLIP, Math.min(CLIP, -step * surplus));
      behaviour[a] = pi[a] * Math.exp(logit);
      total += behaviour[a];
    }
    for (int a = 0; a < actions; a++) {
      behaviour[a] /= total;
    }
    return behaviour;
  }
}
