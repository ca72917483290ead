package io.ope4j.rewardmodel;

/**
 * Logged rounds to fit a reward model on, as columns.
 *
 * @param contexts row-major context features, {@code contexts[i * dim + j]}
 * @param dim number of context features
 * @param actions logged action of each row, in [0, nActions)
 * @param positions logged slot of each row, or null
 * @param rewards observed reward of each row
 * @param sampleWeights weight of each row in the fit (e.g. importance weights for the
 *     importance-weighted and MRDR variants), or null for equal weights
 * @param nActions number of actions K
 */
public record RewardData(
    double[] contexts,
    int dim,
    int[] actions,
    int[] positions,
    double[] rewards,
    double[] sampleWeights,
    int nActions) {

  public RewardData {
    int rows = actions.length;
    if (contexts.length != (long) rows * dim) {
      throw new IllegalArgumentException("contexts has " + contexts.length + " values, expected rows * dim = "
          + (long) rows * dim);
    }
    if (rewards.length != rows || positions != null && positions.length != rows
        || sampleWeights != null && sampleWeights.length != rows) {
      throw new IllegalArgumentException("every column must have " + rows + " rows");
    }
    if (nActions < 1) {
      throw new IllegalArgumentException("nActions must be positive, got " + nActions);
    }
  }

  public int rows() {
    return actions.length;
  }
}
