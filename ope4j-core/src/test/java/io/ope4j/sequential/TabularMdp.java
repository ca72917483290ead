package io.ope4j.sequential;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded 3-state, 2-action MDP whose episodes end after each step with a state-dependent
 * probability (so lengths vary), with its exact value from the linear solve
 * {@code (I - gamma C P_pi) V = r_pi}, and logged episodes collected with a behaviour policy.
 */
final class TabularMdp {

  static final int STATES = 3;
  static final int ACTIONS = 2;
  /** Mean reward r(s, a). */
  static final double[][] REWARD = {{1.0, 0.2}, {0.0, 0.8}, {0.5, 1.5}};
  /** P(s' | s, a). */
  static final double[][][] NEXT = {
      {{0.7, 0.2, 0.1}, {0.1, 0.6, 0.3}},
      {{0.3, 0.3, 0.4}, {0.5, 0.4, 0.1}},
      {{0.2, 0.5, 0.3}, {0.3, 0.1, 0.6}}};
  /** Probability that the episode continues after a step from s. */
  static final double[] CONTINUE = {0.5, 0.4, 0.3};
  static final double[] INITIAL = {0.5, 0.3, 0.2};
  static final double[][] BEHAVIOUR = {{0.5, 0.5}, {0.6, 0.4}, {0.4, 0.6}};
  static final double[][] TARGET = {{0.7, 0.3}, {0.4, 0.6}, {0.3, 0.7}};
  /** Bias added to the true Q to make the DR's model wrong. */
  static final double MODEL_BIAS = 0.3;

  final double gamma;
  final double[] value;
  final double[][] q;
  /** Exact marginal ratios of the target's discounted occupancy to the behaviour's visits. */
  final double[][] ratio;

  TabularMdp(double gamma) {
    this.gamma = gamma;
    this.ratio = io.ope4j.environment.Occupancy.ratios(NEXT, CONTINUE, INITIAL, TARGET, BEHAVIOUR,
        gamma);
    double[][] a = new double[STATES][STATES + 1];
    for (int s = 0; s < STATES; s++) {
      a[s][s] = 1.0;
      for (int act = 0; act < ACTIONS; act++) {
        double p = TARGET[s][act];
        a[s][STATES] += p * REWARD[s][act];
        for (int next = 0; next < STATES; next++) {
          a[s][next] -= gamma * CONTINUE[s] * p * NEXT[s][act][next];
        }
      }
    }
    this.value = io.ope4j.environment.LinearSolve.solveAugmented(a);
    this.q = new double[STATES][ACTIONS];
    for (int s = 0; s < STATES; s++) {
      for (int act = 0; act < ACTIONS; act++) {
        double future = 0.0;
        for (int next = 0; next < STATES; next++) {
          future += NEXT[s][act][next] * value[next];
        }
        q[s][act] = REWARD[s][act] + gamma * CONTINUE[s] * future;
      }
    }
  }

  /** The target policy's value from the initial distribution. */
  double truth() {
    double v = 0.0;
    for (int s = 0; s < STATES; s++) {
      v += INITIAL[s] * value[s];
    }
    return v;
  }

  /** {@code count} logged episodes with ids {@code firstId, firstId+1, ...}. */
  List<EpisodeSteps> collect(int count, long seed, long firstId) {
    SplittableRandom random = new SplittableRandom(seed);
    List<EpisodeSteps> episodes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      EpisodeSteps episode = new EpisodeSteps(1);
      episode.start(firstId + i);
      int s = draw(random, INITIAL);
      while (true) {
        int a = draw(random, BEHAVIOUR[s]);
        int t = episode.append();
        double reward = REWARD[s][a] + (random.nextDouble() - 0.5);
        double v = TARGET[s][0] * q[s][0] + TARGET[s][1] * q[s][1] + MODEL_BIAS;
        episode.set(t, reward, BEHAVIOUR[s][a], q[s][a] + MODEL_BIAS);
        episode.setPolicy(0, t, TARGET[s][a], v);
        episode.setMarginalRatio(0, t, ratio[s][a]);
        if (random.nextDouble() >= CONTINUE[s]) {
          break;
        }
        s = draw(random, NEXT[s][a]);
      }
      episodes.add(episode);
    }
    return episodes;
  }

  private static int draw(SplittableRandom random, double[] probabilities) {
    return io.ope4j.environment.Draw.index(random, probabilities);
  }

  /** Episodes held in memory, delivered in order, with their model and exact ratios. */
  static EpisodeSource.Opener source(List<EpisodeSteps> episodes) {
    return EpisodeList.of(episodes, List.of("target"), true, true);
  }
}
