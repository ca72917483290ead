package io.ope4j.models.sequential;

import io.ope4j.environment.LinearSolve;
import io.ope4j.environment.Occupancy;

/**
 * The exact tabular solution of fitted Q evaluation, and the exact marginal ratios of the
 * empirical model (certainty equivalence; Sutton &amp; Barto 2018, §6.3 "batch TD(0)" converges to
 * it; Duan, Jia &amp; Wang 2020, "Minimax-optimal off-policy evaluation with linear function
 * approximation", §3, the tabular case). From the training episodes' counts: mean reward
 * {@code r(s, a)} and continuing transitions {@code P(s'|s, a)} (an episode's last step goes
 * nowhere), so FQE's fixed point solves {@code V(s) = sum_a pi(a|s) [r(s, a) + gamma sum_s'
 * P(s'|s, a) V(s')]} over visited pairs, with {@code Q = 0} where the training episodes never
 * went. The ratios {@code w(s, a) = m(s) pi(a|s) n / N(s, a)} divide the target's discounted
 * occupancy of the empirical model ({@link Occupancy#states}, started from the training
 * episodes' first states) by the visits per episode. {@code pi(a|s)} is the mean of the logged
 * probabilities at state s (the policy is taken to depend on the state only).
 */
public final class TabularFqe implements QFitter {

  /** Largest dense transition table (S x K x S doubles, 400 MB). */
  static final long MAX_TRANSITIONS = 50_000_000L;

  @Override
  public String describe() {
    return "fqe-tabular (exact solve of the empirical model)";
  }

  @Override
  public boolean givesRatios() {
    return true;
  }

  @Override
  public boolean givesDifferential() {
    return true;
  }

  @Override
  public void fitDifferential(TransitionLog log, int policy, boolean[] train, boolean[] predict,
      double[] h) {
    requireTable(log);
    double[][] table = differentialQ(EmpiricalModel.count(log, train), statePolicy(log, policy));
    int k = log.actions;
    for (int e = 0; e < log.episodes; e++) {
      for (int i = log.start[e]; predict[e] && i < log.start[e + 1]; i++) {
        System.arraycopy(table[(int) log.state[i]], 0, h, i * k, k);
      }
    }
  }

  /**
   * The differential Q of the empirical model, each ended episode restarting from the first
   * states: {@code h = Q - rho T} with Q the undiscounted FQE fixed point, T the expected steps
   * left (the fixed point for reward 1) and {@code rho = sum rho_0 V / sum rho_0 T} the reward per
   * step; it solves the Poisson equation {@code h(s, a) = r(s, a) - rho + sum_s' P(s'|s, a)
   * h(s') + P(end|s, a) sum_s0 rho_0(s0) h(s0)} with the restart value {@code sum rho_0 h} 0
   * (Puterman 1994, §8.2, the renewal-reward decomposition). 0 at unvisited pairs.
   */
  static double[][] differentialQ(EmpiricalModel model, double[][] pi) {
    int states = pi.length;
    int k = pi[0].length;
    double[][] value = solveQ(model, model.meanReward, pi, 1.0);
    double[][] perStep = new double[states][k];
    for (double[] row : perStep) {
      java.util.Arrays.fill(row, 1.0);
    }
    double[][] steps = solveQ(model, perStep, pi, 1.0);
    double startValue = 0.0;
    double startSteps = 0.0;
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < k; a++) {
        startValue += model.initial[s] * pi[s][a] * value[s][a];
        startSteps += model.initial[s] * pi[s][a] * steps[s][a];
      }
    }
    double rho = startValue / startSteps;
    double[][] h = new double[states][k];
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < k; a++) {
        h[s][a] = value[s][a] - rho * steps[s][a];
      }
    }
    return h;
  }

  private static void requireTable(TransitionLog log) {
    if (!log.tabular) {
      throw new IllegalArgumentException(log.name + ": fqe-tabular needs a tabular state column");
    }
    int states = log.states;
    int k = log.actions;
    if ((long) states * states * k > MAX_TRANSITIONS) {
      throw new IllegalArgumentException(log.name + ": fqe-tabular holds a dense S x K x S table"
          + " of transitions; " + states + " states and " + k + " actions are too many (at most "
          + MAX_TRANSITIONS + " entries); use fqe-linear with state features");
    }
  }

  @Override
  public int fit(TransitionLog log, int policy, double gamma, boolean[] train, boolean[] predict,
      double[] q, double[] ratio) {
    requireTable(log);
    int states = log.states;
    int k = log.actions;
    EmpiricalModel model = EmpiricalModel.count(log, train);
    double[][] pi = statePolicy(log, policy);
    double[][] qTable = solveQ(model, model.meanReward, pi, gamma);
    double[] occupancy = Occupancy.states(model.next, model.ones, model.initial, pi, gamma);
    int unseen = 0;
    for (int e = 0; e < log.episodes; e++) {
      if (!predict[e]) {
        continue;
      }
      for (int i = log.start[e]; i < log.start[e + 1]; i++) {
        int s = (int) log.state[i];
        int a = log.action[i];
        for (int b = 0; b < k; b++) {
          q[i * k + b] = s < states ? qTable[s][b] : 0.0;
        }
        double visits = model.visits[s][a];
        if (visits == 0) {
          unseen++;
          ratio[i] = 0.0;
        } else {
          ratio[i] = occupancy[s] * pi[s][a] * model.episodes / visits;
        }
      }
    }
    return unseen;
  }

  /** {@code Q} of the empirical model for {@code reward[s][a]}: solve for V over states, then one backup. */
  static double[][] solveQ(EmpiricalModel model, double[][] reward, double[][] pi, double gamma) {
    int states = pi.length;
    int k = pi[0].length;
    double[][] system = new double[states][states + 1];
    for (int s = 0; s < states; s++) {
      system[s][s] += 1.0;
      for (int a = 0; a < k; a++) {
        if (model.visits[s][a] == 0) {
          continue;
        }
        system[s][states] += pi[s][a] * reward[s][a];
        for (int to = 0; to < states; to++) {
          system[s][to] -= gamma * pi[s][a] * model.next[s][a][to];
        }
      }
    }
    double[] v = LinearSolve.solveAugmented(system);
    double[][] q = new double[states][k];
    for (int s = 0; s < states; s++) {
      for (int a = 0; a < k; a++) {
        if (model.visits[s][a] == 0) {
          continue;
        }
        double future = 0.0;
        for (int to = 0; to < states; to++) {
          future += model.next[s][a][to] * v[to];
        }
        q[s][a] = reward[s][a] + gamma * future;
      }
    }
    return q;
  }

  /** The mean of policy {@code p}'s logged probabilities at each state (all rows: pi is known). */
  static double[][] statePolicy(TransitionLog log, int p) {
    int k = log.actions;
    double[][] pi = new double[log.states][k];
    int[] rows = new int[log.states];
    for (int i = 0; i < log.steps; i++) {
      int s = (int) log.state[i];
      rows[s]++;
      for (int a = 0; a < k; a++) {
        pi[s][a] += log.pi[p][i * k + a];
      }
    }
    for (int s = 0; s < pi.length; s++) {
      for (int a = 0; a < k; a++) {
        pi[s][a] = rows[s] == 0 ? 1.0 / k : pi[s][a] / rows[s];
      }
    }
    return pi;
  }

  /** Counts of the training episodes. */
  static final class EmpiricalModel {
    final double[][] visits;
    final double[][] meanReward;
    /** {@code P(s'|s, a)} of continuing transitions; rows of unvisited pairs are 0. */
    final double[][][] next;
    final double[] initial;
    final double[] ones;
    final int episodes;

    private EmpiricalModel(int states, int k, int episodes) {
      this.visits = new double[states][k];
      this.meanReward = new double[states][k];
      this.next = new double[states][k][states];
      this.initial = new double[states];
      this.ones = new double[states];
      java.util.Arrays.fill(ones, 1.0);
      this.episodes = episodes;
    }

    static EmpiricalModel count(TransitionLog log, boolean[] train) {
      int episodes = 0;
      for (boolean used : train) {
        episodes += used ? 1 : 0;
      }
      EmpiricalModel model = new EmpiricalModel(log.states, log.actions, episodes);
      for (int e = 0; e < log.episodes; e++) {
        if (!train[e]) {
          continue;
        }
        model.initial[(int) log.state[log.start[e]]] += 1.0 / episodes;
        for (int i = log.start[e]; i < log.start[e + 1]; i++) {
          int s = (int) log.state[i];
          int a = log.action[i];
          model.visits[s][a]++;
          model.meanReward[s][a] += log.reward[i];
          int j = log.next(i, e);
          if (j >= 0) {
            model.next[s][a][(int) log.state[j]]++;
          }
        }
      }
      for (int s = 0; s < log.states; s++) {
        for (int a = 0; a < log.actions; a++) {
          double n = model.visits[s][a];
          if (n > 0) {
            model.meanReward[s][a] /= n;
            for (int to = 0; to < log.states; to++) {
              model.next[s][a][to] /= n;
            }
          }
        }
      }
      return model;
    }
  }
}
