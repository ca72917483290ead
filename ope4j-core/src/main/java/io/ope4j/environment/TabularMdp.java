package io.ope4j.environment;

import java.util.SplittableRandom;

/**
 * A random tabular MDP drawn from a seed: mean rewards r(s, a) uniform on [0, 1] (observed with
 * uniform noise on [-0.5, 0.5]), transitions P(.|s, a) and the initial distribution uniform on the
 * simplex, and after each step from s the episode continues with probability c(s), uniform on
 * [0.5, 0.95], so lengths vary; an optional horizon ends every episode after H steps. A policy's
 * exact value comes from the linear solve {@code (I - gamma C P_pi) V = r_pi} (no horizon) or H
 * steps of backward induction (Puterman 1994, §4.2 and §6.1).
 */
public final class TabularMdp implements Environment {

  private final double[][] reward;
  private final double[][][] next;
  private final double[] continuation;
  private final double[] initial;
  private final int horizon;
  private int state;
  private int steps;
  private double lastReward;
  private boolean done;

  private TabularMdp(double[][] reward, double[][][] next, double[] continuation,
      double[] initial, int horizon) {
    this.reward = reward;
    this.next = next;
    this.continuation = continuation;
    this.initial = initial;
    this.horizon = horizon;
  }

  /**
   * A random MDP.
   *
   * @param horizon the most steps of an episode, or 0 for no limit
   */
  public static TabularMdp random(int states, int actions, int horizon, long seed) {
    if (states < 1 || actions < 2 || horizon < 0) {
      throw new IllegalArgumentException("a tabular MDP needs >= 1 state, >= 2 actions and a"
          + " horizon >= 0, got " + states + ", " + actions + ", " + horizon);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] reward = new double[states][actions];
    double[][][] next = new double[states][actions][];
    double[] continuation = new double[states];
    for (int s = 0; s < states; s++) {
      continuation[s] = 0.5 + 0.45 * random.nextDouble();
      for (int a = 0; a < actions; a++) {
        reward[s][a] = random.nextDouble();
        next[s][a] = simplex(random, states);
      }
    }
    return new TabularMdp(reward, next, continuation, simplex(random, states), horizon);
  }

  /** A point uniform on the simplex (normalised exponentials; Devroye 1986, §V.2). */
  private static double[] simplex(SplittableRandom random, int n) {
    double[] p = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      p[i] = -Math.log(1 - random.nextDouble());
      sum += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= sum;
    }
    return p;
  }

  @Override
  public int states() {
    return reward.length;
  }

  @Override
  public int actions() {
    return reward[0].length;
  }

  /** The mean rewards r(s, a), a copy. */
  public double[][] meanRewards() {
    double[][] copy = new double[reward.length][];
    for (int s = 0; s < copy.length; s++) {
      copy[s] = reward[s].clone();
    }
    return copy;
  }

  @Override
  public int reset(SplittableRandom random) {
    state = Draw.index(random, initial);
    steps = 0;
    done = false;
    return state;
  }

  @Override
  public void step(int action, SplittableRandom random) {
    if (done) {
      throw new IllegalStateException("the episode is over: reset first");
    }
    lastReward = reward[state][action] + (random.nextDouble() - 0.5);
    steps++;
    done = random.nextDouble() >= continuation[state] || steps == horizon;
    state = Draw.index(random, next[state][action]);
  }

  @Override
  public int observation() {
    return state;
  }

  @Override
  public double reward() {
    return lastReward;
  }

  @Override
  public boolean done() {
    return done;
  }

  /**
   * The exact marginal ratios of {@code target}'s discounted occupancy to {@code behaviour}'s visits
   * per episode ({@link Occupancy#ratios}); for an MDP without a horizon only.
   */
  public double[][] marginalRatios(double[][] target, double[][] behaviour, double gamma) {
    requireStationary();
    return Occupancy.ratios(next, continuation, initial, target, behaviour, gamma);
  }

  /** The exact {@code Q(s, a)} of {@code policy}: {@code r(s, a) + gamma c(s) sum_s' P(s'|s, a) V(s')}. */
  public double[][] qValues(double[][] policy, double gamma) {
    requireStationary();
    double[] v = solve(policy, gamma);
    double[][] q = new double[states()][actions()];
    for (int s = 0; s < q.length; s++) {
      for (int act = 0; act < q[s].length; act++) {
        double future = 0;
        for (int s2 = 0; s2 < v.length; s2++) {
          future += next[s][act][s2] * v[s2];
        }
        q[s][act] = reward[s][act] + gamma * continuation[s] * future;
      }
    }
    return q;
  }

  private void requireStationary() {
    if (horizon != 0) {
      throw new IllegalStateException("a stationary Q and occupancy need an MDP without a horizon");
    }
  }

  /**
   * The exact reward per step of {@code policy} when each ended episode restarts from the initial
   * distribution: {@code sum_s m(s) sum_a pi(a|s) r(s, a) / sum_s m(s)}, m the expected visits per
   * episode (renewal-reward theorem); for an MDP without a horizon only.
   */
  public double averageReward(double[][] policy) {
    requireStationary();
    double[] visits = Occupancy.states(next, continuation, initial, policy, 1.0);
    double total = 0;
    double steps = 0;
    for (int s = 0; s < visits.length; s++) {
      steps += visits[s];
      for (int act = 0; act < actions(); act++) {
        total += visits[s] * policy[s][act] * reward[s][act];
      }
    }
    return total / steps;
  }

  /** The exact expected discounted return of {@code policy[s][a]} from the initial distribution. */
  public double value(double[][] policy, double gamma) {
    double[] v = horizon == 0 ? solve(policy, gamma) : backwardInduction(policy, gamma);
    double total = 0;
    for (int s = 0; s < v.length; s++) {
      total += initial[s] * v[s];
    }
    return total;
  }

  private double[] solve(double[][] policy, double gamma) {
    int n = states();
    double[][] a = new double[n][n + 1];
    for (int s = 0; s < n; s++) {
      a[s][s] = 1.0;
      for (int act = 0; act < actions(); act++) {
        a[s][n] += policy[s][act] * reward[s][act];
        for (int s2 = 0; s2 < n; s2++) {
          a[s][s2] -= gamma * continuation[s] * policy[s][act] * next[s][act][s2];
        }
      }
    }
    return LinearSolve.solveAugmented(a);
  }

  private double[] backwardInduction(double[][] policy, double gamma) {
    int n = states();
    double[] later = new double[n];
    for (int h = 0; h < horizon; h++) {
      double[] now = new double[n];
      for (int s = 0; s < n; s++) {
        for (int act = 0; act < actions(); act++) {
          double future = 0;
          for (int s2 = 0; s2 < n; s2++) {
            future += next[s][act][s2] * later[s2];
          }
          now[s] += policy[s][act] * (reward[s][act] + gamma * continuation[s] * future);
        }
      }
      later = now;
    }
    return later;
  }
}
