package io.ope4j.slate;

import java.util.Arrays;

/**
 * Whole slates of one fixed length L as primitive columns, row-major by (slate, position): the
 * slot rewards, the evaluation-to-behaviour weights of the three kinds (docs/slates.md) and, for
 * Cascade-DR, Q-hat at the logged item and its expectation under the evaluation policy. A column
 * the log does not have stays NaN and is not read by an estimator that does not need it (the
 * reader refuses an estimator whose column is missing). Filled by a {@link SlateSource}; reused
 * from batch to batch; mutable, one thread.
 */
public final class SlateBatch {

  private final int length;
  private final int capacity;
  private int count;
  final long[] ids;
  /** r_{i,l}. */
  final double[] reward;
  /** pi_e(slate) / pi_b(slate), one per slate. */
  final double[] slateWeight;
  /** pi_e(a_l at l) / pi_b(a_l at l): the item-position (marginal) weight. */
  final double[] positionWeight;
  /** pi_e(a_0..a_l) / pi_b(a_0..a_l): the cascade (prefix) weight. */
  final double[] prefixWeight;
  /** Q-hat_l(x, a_0..a_{l-1}, a_l) at the logged item. */
  final double[] modelLogged;
  /** sum_a pi_e(a at l | x, a_0..a_{l-1}) Q-hat_l(x, a_0..a_{l-1}, a). */
  final double[] modelPolicy;

  /**
   * @param length positions per slate, L >= 1
   * @param capacity slates per batch, >= 1
   */
  public SlateBatch(int length, int capacity) {
    if (length < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "slate length and capacity must be >= 1, got " + length + " and " + capacity);
    }
    this.length = length;
    this.capacity = capacity;
    int rows = Math.multiplyExact(length, capacity);
    ids = new long[capacity];
    reward = new double[rows];
    slateWeight = new double[capacity];
    positionWeight = new double[rows];
    prefixWeight = new double[rows];
    modelLogged = new double[rows];
    modelPolicy = new double[rows];
    clear();
  }

  /** Empties the batch: every column NaN again. */
  public void clear() {
    count = 0;
    Arrays.fill(slateWeight, Double.NaN);
    Arrays.fill(positionWeight, Double.NaN);
    Arrays.fill(prefixWeight, Double.NaN);
    Arrays.fill(modelLogged, Double.NaN);
    Arrays.fill(modelPolicy, Double.NaN);
  }

  /** Positions per slate. */
  public int length() {
    return length;
  }

  /** Slates this batch can hold. */
  public int capacity() {
    return capacity;
  }

  /** Slates held. */
  public int count() {
    return count;
  }

  /** Whether no more slates fit. */
  public boolean full() {
    return count == capacity;
  }

  /** Starts the next slate, with its id (the bootstrap's key); returns its index. */
  public int startSlate(long id) {
    if (count == capacity) {
      throw new IllegalStateException("batch is full");
    }
    ids[count] = id;
    return count++;
  }

  /** Sets slot {@code position} of slate {@code slate}'s reward. */
  public void setReward(int slate, int position, double value) {
    reward[slate * length + position] = value;
  }

  /** Sets the slate's joint weight pi_e(slate) / pi_b(slate). */
  public void setSlateWeight(int slate, double weight) {
    slateWeight[slate] = weight;
  }

  /** Sets the item-position weight of slot {@code position}. */
  public void setPositionWeight(int slate, int position, double weight) {
    positionWeight[slate * length + position] = weight;
  }

  /** Sets the cascade (prefix up to and including {@code position}) weight. */
  public void setPrefixWeight(int slate, int position, double weight) {
    prefixWeight[slate * length + position] = weight;
  }

  /** Sets Q-hat at the logged item and its expectation under the evaluation policy. */
  public void setModel(int slate, int position, double logged, double underPolicy) {
    modelLogged[slate * length + position] = logged;
    modelPolicy[slate * length + position] = underPolicy;
  }

  /** Slate {@code slate}'s id. */
  public long id(int slate) {
    return ids[slate];
  }
}
