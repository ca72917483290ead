package io.ope4j.environment;

import java.util.SplittableRandom;

/**
 * A random tabular MDP drawn from a seed: mean rewards r(s, a) uniform on [0, 1] (observed with
 * uniform noise on [-0.5, 0.5]), transitions P(.|s, a) and the initial distribution uniform on the
 * simplex, and after each step from s the episode continues with probability c(s), uniform on
 * [0.5, 0.95], so lengths vary; an optional horizon ends every episode after H steps. A policy's
 * exact value comes from the linear solve {@code (I - gamma C P_pi) V = r_pi} (no horizon) or H
 * steps of backward induction (Puterman 1994, §4.2 and §6.1).
 *
 * <p>{@link #of} builds a structured MDP of the same family: a reward per outcome of a step (each
 * next state, or the end of the episode where a row of {@code P(.|s, a)} sums below 1), observed
 * exactly, with uniform noise, or as a Bernoulli draw of that mean.
 */
public final class TabularMdp implements Environment {

  private final double[][] reward;
  private final double[][][] next;
  private final double[][][] payoff;
  private final double[][] endMass;
  private final double[] continuation;
  private final double[] initial;
  private final int horizon;
  private final RewardNoise noise;
  private int state;
  private int steps;
  private double lastReward;
  private boolean done;

  /** How a step's reward is observed around its outcome's mean payoff. */
  public sealed interface RewardNoise {
    /** The payoff plus {@code width * (u - 0.5)}, u uniform on [0, 1). */
    record Uniform(double width) implements RewardNoise {}

    /** 1 with probability equal to the payoff (in [0, 1]), else 0: a click. */
    record Bernoulli() implements RewardNoise {}
  }

  private TabularMdp(double[][][] next, double[][][] payoff, double[] continuation,
      double[] initial, int horizon, RewardNoise noise, double[][] meanReward) {
    int n = initial.length;
    this.next = next;
    this.payoff = payoff;
    this.continuation = continuation;
    this.initial = initial;
    this.horizon = horizon;
    this.noise = noise;
    this.reward = new double[n][];
    this.endMass = new double[n][];
    for (int s = 0; s < n; s++) {
      reward[s] = new double[next[s].length];
      endMass[s] = new double[next[s].length];
      for (int a = 0; a < next[s].length; a++) {
        double stay = 0;
        for (int s2 = 0; s2 < n; s2++) {
          stay += next[s][a][s2];
          reward[s][a] += next[s][a][s2] * payoff[s][a][s2];
        }
        // below 1e-12 the missing mass is rounding, not an exit
        endMass[s][a] = 1 - stay > 1e-12 ? 1 - stay : 0;
        reward[s][a] += endMass[s][a] * payoff[s][a][n];
        if (meanReward != null) {
          reward[s][a] = meanReward[s][a]; // exact as drawn, not re-summed over outcomes
        }
      }
    }
  }

  /**
   * A structured MDP.
   *
   * @param next {@code P(s'|s, a)}; a row summing below 1 ends the episode with the missing mass
   * @param payoff {@code [s][a][s']} the mean reward of the step when it leads to s', and at index
   *     {@code states} when it ends the episode through the missing mass
   * @param continuation {@code c(s)}, the chance the episode goes on after a step from s
   * @param horizon the most steps of an episode, or 0 for no limit
   */
  public static TabularMdp of(double[][][] next, double[][][] payoff, double[] continuation,
      double[] initial, int horizon, RewardNoise noise) {
    int n = initial.length;
    if (n < 1 || next.length != n || payoff.length != n || continuation.length != n
        || horizon < 0) {
      throw new IllegalArgumentException("an MDP needs >= 1 state, arrays of one length per state"
          + " and a horizon >= 0");
    }
    for (int s = 0; s < n; s++) {
      for (int a = 0; a < next[s].length; a++) {
        double sum = 0;
        for (double p : next[s][a]) {
          sum += p;
        }
        if (next[s][a].length != n || payoff[s][a].length != n + 1 || sum > 1 + 1e-12) {
          throw new IllegalArgumentException("state " + s + ", action " + a + ": a row of "
              + n + " probabilities summing to at most 1 and " + (n + 1) + " payoffs expected");
        }
      }
    }
    return new TabularMdp(next, payoff, continuation, initial, horizon, noise, null);
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
    double[][][] payoff = new double[states][actions][states + 1];
    double[][][] next = new double[states][actions][];
    double[] continuation = new double[states];
    for (int s = 0; s < states; s++) {
      continuation[s] = 0.5 + 0.45 * random.nextDouble();
      for (int a = 0; a < actions; a++) {
        reward[s][a] = random.nextDouble();
        java.util.Arrays.fill(payoff[s][a], reward[s][a]);
        next[s][a] = simplex(random, states);
      }
    }
    return new TabularMdp(next, payoff, continuation, simplex(random, states), horizon,
        new RewardNoise.Uniform(1.0), reward);
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
    double noiseDraw = random.nextDouble();
    steps++;
    done = random.nextDouble() >= continuation[state] || steps == horizon;
    int to = endMass[state][action] > 0 ? drawOrEnd(random, next[state][action])
        : Draw.index(random, next[state][action]);
    double mean = payoff[state][action][to < 0 ? states() : to];
    lastReward = noise instanceof RewardNoise.Uniform uniform
        ? mean + uniform.width() * (noiseDraw - 0.5)
        : (noiseDraw < mean ? 1.0 : 0.0);
    if (to < 0) {
      done = true;
    } else {
      state = to;
    }
  }

  /** A next state by inversion, or -1 when the draw falls in the row's missing mass (the end). */
  private static int drawOrEnd(SplittableRandom random, double[] probabilities) {
    double u = random.nextDouble();
    for (int k = 0; k < probabilities.length; k++) {
      u -= probabilities[k];
      if (u < 0) {
        return k;
      }
    }
    return -1;
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
    return backup(solve(policy, gamma), gamma);
  }

  /**
   * The exact action values of {@code policy} at each step an episode can reach: {@code [0]} is
   * the stationary {@link #qValues} without a horizon; with a horizon H, {@code [t]} is the Q of
   * step t, H - t steps before the end: {@code Q^h = r + gamma c(s) P V^{h-1}}, {@code V^0 = 0}
   * (backward induction, Puterman 1994, §4.2).
   */
  public double[][][] qValuesByStep(double[][] policy, double gamma) {
    if (horizon == 0) {
      return new double[][][] {qValues(policy, gamma)};
    }
    double[][][] byStep = new double[horizon][][];
    double[] v = new double[states()];
    for (int h = 1; h <= horizon; h++) {
      double[][] q = backup(v, gamma);
      byStep[horizon - h] = q;
      v = expected(policy, q);
    }
    return byStep;
  }

  /** {@code sum_a policy(a|s) q(s, a)} for every s. */
  public static double[] expected(double[][] policy, double[][] q) {
    double[] v = new double[q.length];
    for (int s = 0; s < q.length; s++) {
      for (int a = 0; a < q[s].length; a++) {
        v[s] += policy[s][a] * q[s][a];
      }
    }
    return v;
  }

  /** {@code r(s, a) + gamma c(s) sum_s' P(s'|s, a) v(s')} for every (s, a). */
  private double[][] backup(double[] v, double gamma) {
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

  /**
   * The optimal {@code Q*(s, a)} by value iteration (Puterman 1994, §6.3): H backups with a horizon
   * H (the optimal Q of an episode's first step), else backups until they change by under 1e-12.
   *
   * @throws IllegalStateException if 10^6 backups do not converge (gamma 1 with endless loops)
   */
  public double[][] optimalQ(double gamma) {
    double[] v = new double[states()];
    double[][] q = backup(v, gamma);
    for (int k = 1; horizon == 0 || k < horizon; k++) {
      double change = 0;
      for (int s = 0; s < v.length; s++) {
        double best = Double.NEGATIVE_INFINITY;
        for (double value : q[s]) {
          best = Math.max(best, value);
        }
        change = Math.max(change, Math.abs(best - v[s]));
        v[s] = best;
      }
      if (horizon == 0 && change < 1e-12) {
        break;
      }
      if (k == 1_000_000) {
        throw new IllegalStateException("value iteration did not converge: give a horizon or gamma < 1");
      }
      q = backup(v, gamma);
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
