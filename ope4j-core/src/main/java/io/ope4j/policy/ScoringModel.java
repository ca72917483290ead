package io.ope4j.policy;

/**
 * A model that scores every action in a context: a linear model, a neural network exported to
 * ONNX, ... A {@link ScoredPolicy} turns the scores into probabilities with an {@link
 * ActionRule}. Implementations are immutable and thread-safe.
 */
public interface ScoringModel {

  /** Number of actions K: scores per row. */
  int nActions();

  /** Number of context features d the model reads per row. */
  int inputDim();

  /**
   * Writes the score of every action for rows {@code i} in {@code [0, rows)}.
   *
   * @param contexts row-major context features, {@code contexts[i * inputDim() + j]}; not
   *     modified
   * @param rows number of rows
   * @param out receives {@code out[i * nActions() + a]}; modified
   */
  void scores(double[] contexts, int rows, double[] out);

  /** A short description for output, e.g. {@code linear(K=10, d=5)}. */
  String describe();
}
