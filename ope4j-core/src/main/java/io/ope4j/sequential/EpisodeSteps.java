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

  /** An empty buffer for {@code policies} evaluation policies. */
  public EpisodeSteps(int policies) {
    this.policies = policies;
    this.pi = new double[policies][];
    this.vHat = new double[policies][];
    allocate(16);
  }

  private void allocate(int capacity) {
    reward = grow(reward, capacity);
    pscore = grow(pscore, capacity);
    qLogged = grow(qLogged, capacity);
    for (int p = 0; p < policies; p++) {
      pi[p] = grow(pi[p], capacity);
      vHat[p] = grow(vHat[p], capacity);
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
  }

  /** Keeps only the first {@code cap} steps (the horizon cap). */
  public void truncate(int cap) {
    length = Math.min(length, cap);
  }

  /** Copies {@code other} into this buffer. */
  public void copyFrom(EpisodeSteps other) {
    start(other.id);
    while (reward.length < other.length) {
      allocate(2 * reward.length);
    }
    length = other.length;
    System.arraycopy(other.reward, 0, reward, 0, length);
    System.arraycopy(other.pscore, 0, pscore, 0, length);
    System.arraycopy(other.qLogged, 0, qLogged, 0, length);
    for (int p = 0; p < policies; p++) {
      System.arraycopy(other.pi[p], 0, pi[p], 0, length);
      System.arraycopy(other.vHat[p], 0, vHat[p], 0, length);
    }
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
