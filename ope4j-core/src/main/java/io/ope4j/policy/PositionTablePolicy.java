package io.ope4j.policy;

/**
 * A context-free policy given by a table of action probabilities per slot (position) of a
 * ranking interface: {@code pi(a | x, p) = table[p][a]}. The action distribution of Bernoulli
 * Thompson sampling ({@link BernoulliThompsonSampling}) has this form. Rows without a position
 * (a log without positions) use slot 0.
 */
public final class PositionTablePolicy implements Policy {

  private final double[] table;
  private final int nActions;
  private final int slots;

  private PositionTablePolicy(double[] table, int nActions, int slots) {
    this.table = table;
    this.nActions = nActions;
    this.slots = slots;
  }

  /**
   * A policy from {@code table[p][a]}; the table is copied.
   *
   * @throws IllegalArgumentException if the table is empty or ragged, or a slot's row is not a
   *     probability vector (values in [0, 1] summing to 1 within 1e-6)
   */
  public static PositionTablePolicy of(double[][] table) {
    if (table.length == 0 || table[0].length == 0) {
      throw new IllegalArgumentException("the table needs at least one slot and one action");
    }
    int k = table[0].length;
    double[] flat = new double[table.length * k];
    for (int p = 0; p < table.length; p++) {
      if (table[p].length != k) {
        throw new IllegalArgumentException("slot " + p + " has " + table[p].length + " actions, slot 0 has " + k);
      }
      double total = 0.0;
      for (int a = 0; a < k; a++) {
        double value = table[p][a];
        if (!(value >= 0.0 && value <= 1.0)) {
          throw new IllegalArgumentException("slot " + p + ", action " + a + ": probability must be in [0, 1], got " + value);
        }
        total += value;
      }
      if (Math.abs(total - 1.0) > 1e-6) {
        throw new IllegalArgumentException("slot " + p + ": probabilities sum to " + total + ", not 1");
      }
      System.arraycopy(table[p], 0, flat, p * k, k);
    }
    return new PositionTablePolicy(flat, k, table.length);
  }

  @Override
  public int nActions() {
    return nActions;
  }

  /** Number of slots L. */
  public int slots() {
    return slots;
  }

  /** {@code pi(a | p)}. */
  public double probability(int slot, int action) {
    return table[slot * nActions + action];
  }

  /** A copy of the table, {@code [slot][action]}. */
  public double[][] table() {
    double[][] copy = new double[slots][nActions];
    for (int p = 0; p < slots; p++) {
      System.arraycopy(table, p * nActions, copy[p], 0, nActions);
    }
    return copy;
  }

  /** @throws IllegalArgumentException if a position is outside {@code [0, slots())} */
  @Override
  public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
    for (int i = 0; i < rows; i++) {
      int slot = positions == null ? 0 : positions[i];
      if (slot < 0 || slot >= slots) {
        throw new IllegalArgumentException("row " + i + ": position " + slot + " outside the policy's "
            + slots + " slots");
      }
      System.arraycopy(table, slot * nActions, out, i * nActions, nActions);
    }
  }

  @Override
  public String toString() {
    return "position-table(K=" + nActions + ", slots=" + slots + ")";
  }
}
