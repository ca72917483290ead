package io.ope4j.policy;

import java.util.Arrays;

/**
 * A linear scoring model: {@code s(x, a) = bias[a] + sum_j weights[a][j] x[j]}, with K rows of
 * d weights and K biases.
 */
public final class LinearScoringModel implements ScoringModel {

  private final double[] weights;
  private final double[] bias;
  private final int nActions;
  private final int dim;

  private LinearScoringModel(double[] weights, double[] bias, int dim) {
    this.weights = weights;
    this.bias = bias;
    this.nActions = bias.length;
    this.dim = dim;
  }

  /**
   * A model from its weights (one row of d per action) and biases (one per action). The arrays
   * are copied.
   *
   * @throws IllegalArgumentException if there are no actions, the rows differ in length from
   *     each other or the weight rows and biases differ in number, or a value is not finite
   */
  public static LinearScoringModel of(double[][] weights, double[] bias) {
    if (bias.length == 0) {
      throw new IllegalArgumentException("a linear model needs at least one action, got 0 biases");
    }
    if (weights.length != bias.length) {
      throw new IllegalArgumentException("weights has " + weights.length + " rows (actions) but bias has "
          + bias.length + " values; both need one per action");
    }
    int dim = weights[0].length;
    double[] flat = new double[bias.length * dim];
    for (int a = 0; a < weights.length; a++) {
      if (weights[a].length != dim) {
        throw new IllegalArgumentException("weights row " + a + " has " + weights[a].length
            + " values, row 0 has " + dim + "; every action needs one weight per context feature");
      }
      for (int j = 0; j < dim; j++) {
        checkFinite(weights[a][j], "weights[" + a + "][" + j + "]");
      }
      System.arraycopy(weights[a], 0, flat, a * dim, dim);
    }
    for (int a = 0; a < bias.length; a++) {
      checkFinite(bias[a], "bias[" + a + "]");
    }
    return new LinearScoringModel(flat, bias.clone(), dim);
  }

  private static void checkFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  @Override
  public int nActions() {
    return nActions;
  }

  @Override
  public int inputDim() {
    return dim;
  }

  /** The weight of feature {@code j} for action {@code a}. */
  public double weight(int a, int j) {
    return weights[a * dim + j];
  }

  /** The bias of action {@code a}. */
  public double bias(int a) {
    return bias[a];
  }

  @Override
  public void scores(double[] contexts, int rows, double[] out) {
    for (int i = 0; i < rows; i++) {
      int x = i * dim;
      int o = i * nActions;
      for (int a = 0; a < nActions; a++) {
        int w = a * dim;
        // s(x, a) = b_a + w_a . x: a linear action-value model (Sutton & Barto 2018, eq. 9.8).
        double score = bias[a];
        for (int j = 0; j < dim; j++) {
          score += weights[w + j] * contexts[x + j];
        }
        out[o + a] = score;
      }
    }
  }

  @Override
  public String describe() {
    return "linear(K=" + nActions + ", d=" + dim + ")";
  }

  @Override
  public String toString() {
    return describe() + " bias=" + Arrays.toString(bias);
  }
}
