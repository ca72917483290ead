package io.ope4j.policy;

import io.ope4j.data.LogValidator;
import io.ope4j.internal.data.WideForm;

/**
 * Applies a {@link Policy} to logged rows and reduces its probabilities to the narrow columns
 * estimators read: {@code pi(a_i | x_i, p_i)} of each logged action and, with reward-model
 * predictions, the model's value under the policy {@code sum_a pi(a) q(a) / sum_a pi(a)} ({@link
 * WideForm#expectedModelValue}). Rows go through the policy in blocks of {@value #BLOCK_ROWS},
 * so memory stays at one block of K probabilities.
 *
 * @param piLogged the policy's probability of each logged action
 * @param modelValue the model's value under the policy per row, or null without predictions
 */
public record PolicyColumns(double[] piLogged, double[] modelValue) {

  /** Rows per call of {@link Policy#probabilities}. */
  public static final int BLOCK_ROWS = 1024;

  /**
   * Computes the columns.
   *
   * @param policy the evaluation policy
   * @param contexts row-major context features, {@code rows * dim} values; not modified
   * @param dim context features per row (0 for context-free policies; contexts may then be
   *     empty)
   * @param positions slot of each row, or null; not modified
   * @param actions logged action of each row, in [0, K); not modified
   * @param predictions reward-model predictions {@code q[i * K + a]}, or null; not modified
   * @throws IllegalArgumentException if the arrays do not match in size, an action is outside
   *     [0, K), the policy rejects the input, or a policy row is not a probability vector
   */
  public static PolicyColumns compute(
      Policy policy, double[] contexts, int dim, int[] positions, int[] actions, double[] predictions) {
    int rows = actions.length;
    int k = policy.nActions();
    if (contexts.length != (long) rows * dim) {
      throw new IllegalArgumentException("contexts has " + contexts.length + " values, expected " + rows
          + " rows x " + dim + " features");
    }
    if (positions != null && positions.length != rows) {
      throw new IllegalArgumentException("positions has " + positions.length + " rows, actions " + rows);
    }
    if (predictions != null && predictions.length != (long) rows * k) {
      throw new IllegalArgumentException("predictions has " + predictions.length + " values, expected "
          + rows + " rows x " + k + " actions");
    }
    double[] piLogged = new double[rows];
    double[] modelValue = predictions == null ? null : new double[rows];
    int block = Math.min(BLOCK_ROWS, Math.max(rows, 1));
    double[] blockContexts = new double[block * dim];
    int[] blockPositions = positions == null ? null : new int[block];
    double[] probabilities = new double[block * k];
    for (int first = 0; first < rows; first += block) {
      int size = Math.min(block, rows - first);
      System.arraycopy(contexts, first * dim, blockContexts, 0, size * dim);
      if (positions != null) {
        System.arraycopy(positions, first, blockPositions, 0, size);
      }
      policy.probabilities(blockContexts, dim, blockPositions, size, probabilities);
      for (int i = 0; i < size; i++) {
        int row = first + i;
        checkRow(probabilities, i * k, k, row);
        int action = actions[row];
        if (action < 0 || action >= k) {
          throw new IllegalArgumentException("row " + row + ": action " + action + " outside the policy's "
              + k + " actions");
        }
        piLogged[row] = probabilities[i * k + action];
        if (modelValue != null) {
          modelValue[row] = WideForm.expectedModelValue(probabilities, i * k, predictions, row * k, k);
        }
      }
    }
    return new PolicyColumns(piLogged, modelValue);
  }

  private static void checkRow(double[] probabilities, int offset, int k, int row) {
    double total = 0.0;
    for (int a = 0; a < k; a++) {
      double p = probabilities[offset + a];
      if (!(p >= 0.0 && p <= 1.0)) {
        throw new IllegalArgumentException("row " + row + ": the policy gives action " + a + " probability " + p);
      }
      total += p;
    }
    if (Math.abs(total - 1.0) > LogValidator.SUM_TOLERANCE) {
      throw new IllegalArgumentException("row " + row + ": the policy's probabilities sum to " + total);
    }
  }
}
