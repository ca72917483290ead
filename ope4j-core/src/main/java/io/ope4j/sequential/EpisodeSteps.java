package io.ope4j.sequential;

import java.util.Arrays;

/**
 * One episode's steps as primitive arrays, refilled for every episode (one buffer per reader,
 * no object per step). For policy {@code p} and step {@code t}: {@link #pi}{@code [p][t]} is the
 * evaluation policy's probability of the logged action and {@link #vHat}{@code [p][t]} the model's
 * V-hat(s_t) = sum_a pi(a|s_t) Q-hat(s_t, a) (NaN without a model). Not thread-safe.
 */
public final class EpisodeSteps {

  private final int policies;
  private int length;
  private long id;
  double[] reward;
  double[] pscore;
  double[] qLogged;
  double[][] pi;
  double[][] vHat;
  /** Per policy, the marginal ratio w(s_t, a_t) = d^pi / d^b at each step (NaN without one). */
  double[][] marginalRatio;
  /** Per policy, the differential h(s_t, a_t) and h(s_t) of the average-reward case (NaN without). */
  double[][] differentialQ;
  double[][] differentialV;

  /** An empty buffer for {@code policies} evaluation policies. */
  public EpisodeSteps(int policies) {
    this.policies = policies;
    this.pi = new double[policies][];
    this.vHat = new double[policies][];
    this.marginalRatio = new double[policies][];
    this.differentialQ = new double[policies][];
    this.differentialV = new double[policies][];
    allocate(16);
  }

  private void allocate(int capacity) {
    reward = grow(reward, capacity);
    pscore = grow(pscore, capacity);
    qLogged = grow(qLogged, capacity);
    for (int p = 0; p < policies; p++) {
      pi[p] = grow(pi[p], capacity);
      vHat[p] = grow(vHat[p], capacity);
      marginalRatio[p] = grow(marginalRatio[p], capacity);
      differentialQ[p] = grow(differentialQ[p], capacity);
      differentialV[p] = grow(differentialV[p], capacity);
    }
  }

  private static double[] grow(double[] old, int capacity) {
    return old == null ? new double[capacity] : Arrays.copyOf(old, capacity);
  }

  /** Empties the buffer for the episode {@code id}. */
  public void start(long episodeId) {
    this.id = episodeId;
    this.length = 0;
  }

  /**
   * Appends a step and returns its index, to be filled with {@link #set}, {@link #setPolicy}.
   */
  public int append() {
    if (length == reward.length) {
      allocate(2 * length);
    }
    return length++;
  }

  /** Sets the behaviour side of step {@code t}; {@code qLogged} is NaN without a model. */
  public void set(int t, double stepReward, double stepPscore, double stepQLogged) {
    reward[t] = stepReward;
    pscore[t] = stepPscore;
    qLogged[t] = stepQLogged;
  }

  /** Sets policy {@code p}'s side of step {@code t}; {@code v} is NaN without a model. */
  public void setPolicy(int p, int t, double probability, double v) {
    pi[p][t] = probability;
    vHat[p][t] = v;
    marginalRatio[p][t] = Double.NaN;
    differentialQ[p][t] = Double.NaN;
    differentialV[p][t] = Double.NaN;
  }

  /** Sets policy {@code p}'s marginal ratio w(s_t, a_t) at step {@code t} (after {@link #setPolicy}). */
  public void setMarginalRatio(int p, int t, double ratio) {
    marginalRatio[p][t] = ratio;
  }

  /**
   * Sets policy {@code p}'s differential action value {@code h(s_t, a_t)} and {@code h(s_t) =
   * sum_a pi(a|s_t) h(s_t, a)} at step {@code t} (after {@link #setPolicy}; for mdr-avg).
   */
  public void setDifferential(int p, int t, double q, double v) {
    differentialQ[p][t] = q;
    differentialV[p][t] = v;
  }

  // ---- what fitted models need (filled only when a reader is asked for states) ----

  private int[] action = new int[0];
  private double[] state = new double[0];
  private int stateWidth;
  private double[][] policyRow;
  private int actionCount;
  private boolean ended = true;

  /**
   * Sets step {@code t}'s logged action and state features {@code features[from .. from+width)}.
   */
  public void setState(int t, int loggedAction, double[] features, int from, int width) {
    if (action.length <= t) {
      action = Arrays.copyOf(action, Math.max(16, 2 * (t + 1)));
    }
    if (state.length < (t + 1) * width) {
      state = Arrays.copyOf(state, Math.max(16 * width, 2 * (t + 1) * width));
    }
    action[t] = loggedAction;
    stateWidth = width;
    System.arraycopy(features, from, state, t * width, width);
  }

  /** Sets policy {@code p}'s probabilities of every action at step {@code t}. */
  public void setPolicyRow(int p, int t, double[] probabilities, int actions) {
    if (policyRow == null) {
      policyRow = new double[policies][0];
    }
    if (policyRow[p].length < (t + 1) * actions) {
      policyRow[p] = Arrays.copyOf(policyRow[p], Math.max(16 * actions, 2 * (t + 1) * actions));
    }
    actionCount = actions;
    System.arraycopy(probabilities, 0, policyRow[p], t * actions, actions);
  }

  /** Marks whether the episode ended at its last row (false: cut, its next state unobserved). */
  public void setEnded(boolean episodeEnded) {
    ended = episodeEnded;
  }

  /** The logged action at step {@code t} (with states). */
  public int action(int t) {
    return action[t];
  }

  /** State features, {@link #stateWidth()} per step, row-major (with states). */
  public double[] states() {
    return state;
  }

  public int stateWidth() {
    return stateWidth;
  }

  /** Policy {@code p}'s probabilities, {@link #actionCount()} per step, row-major (with states). */
  public double[] policyRows(int p) {
    return policyRow[p];
  }

  public int actionCount() {
    return actionCount;
  }

  /** The rewards, one per step (the first {@link #length()} are the episode's). */
  public double[] rewards() {
    return reward;
  }

  /** The behaviour probabilities of the logged actions, one per step. */
  public double[] pscores() {
    return pscore;
  }

  /** Whether the episode ended at its last row rather than being cut. */
  public boolean ended() {
    return ended;
  }

  /** Copies what fitted models need (states, actions, policy rows, the end) from {@code other}. */
  private void copyStatesFrom(EpisodeSteps other) {
    ended = other.ended;
    if (other.action.length == 0 && other.policyRow == null) {
      return; // read without states: nothing to copy, nothing allocated
    }
    stateWidth = other.stateWidth;
    actionCount = other.actionCount;
    action = Arrays.copyOf(other.action, Math.max(action.length, other.action.length));
    state = Arrays.copyOf(other.state, Math.max(state.length, other.state.length));
    if (other.policyRow != null) {
      policyRow = new double[policies][];
      for (int p = 0; p < policies; p++) {
        policyRow[p] = other.policyRow[p].clone();
      }
    }
  }

  /** Keeps only the first {@code cap} steps (the horizon cap). */
  public void truncate(int cap) {
    length = Math.min(length, cap);
  }

  /** Sets the length to {@code steps}, growing the arrays; the values of new steps are unset. */
  void resize(int steps) {
    while (reward.length < steps) {
      allocate(2 * reward.length);
    }
    length = steps;
  }

  /** Copies {@code other} into this buffer. */
  public void copyFrom(EpisodeSteps other) {
    start(other.id);
    resize(other.length);
    System.arraycopy(other.reward, 0, reward, 0, length);
    System.arraycopy(other.pscore, 0, pscore, 0, length);
    System.arraycopy(other.qLogged, 0, qLogged, 0, length);
    for (int p = 0; p < policies; p++) {
      System.arraycopy(other.pi[p], 0, pi[p], 0, length);
      System.arraycopy(other.vHat[p], 0, vHat[p], 0, length);
      System.arraycopy(other.marginalRatio[p], 0, marginalRatio[p], 0, length);
      System.arraycopy(other.differentialQ[p], 0, differentialQ[p], 0, length);
      System.arraycopy(other.differentialV[p], 0, differentialV[p], 0, length);
    }
    copyStatesFrom(other);
  }

  public int length() {
    return length;
  }

  /** The episode's id, as logged. */
  public long id() {
    return id;
  }

  public int policies() {
    return policies;
  }
}
