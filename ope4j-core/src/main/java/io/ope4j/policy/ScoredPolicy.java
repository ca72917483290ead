package io.ope4j.policy;

/**
 * A policy that scores the actions with a {@link ScoringModel} and turns the scores into
 * probabilities with an {@link ActionRule}: argmax, epsilon-greedy or softmax over a linear
 * model, a network's softmax output, ... It ignores positions.
 */
public final class ScoredPolicy implements Policy {

  private final ScoringModel model;
  private final ActionRule rule;

  private ScoredPolicy(ScoringModel model, ActionRule rule) {
    this.model = model;
    this.rule = rule;
  }

  public static ScoredPolicy of(ScoringModel model, ActionRule rule) {
    return new ScoredPolicy(model, rule);
  }

  public ScoringModel model() {
    return model;
  }

  public ActionRule rule() {
    return rule;
  }

  @Override
  public int nActions() {
    return model.nActions();
  }

  /**
   * @throws IllegalArgumentException if {@code dim} is not the model's input size, or the model
   *     gives a non-finite score (or, for {@link ActionRule.Probabilities}, not a probability
   *     vector)
   */
  @Override
  public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
    if (dim != model.inputDim()) {
      throw new IllegalArgumentException("the policy's model " + model.describe() + " reads "
          + model.inputDim() + " context features, the log has " + dim);
    }
    model.scores(contexts, rows, out);
    int k = model.nActions();
    for (int i = 0; i < rows; i++) {
      rule.apply(out, i * k, k, out, i);
    }
  }

  @Override
  public String toString() {
    return rule.describe() + " over " + model.describe();
  }
}
