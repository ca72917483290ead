package io.ope4j.io;

/**
 * What a consumer asks a log reader for besides the estimator columns, and what it supplies
 * itself. The default ({@link #ESTIMATOR_COLUMNS}) reads the policies, model and propensities
 * from the file and fills no optional block.
 *
 * <pre>{@code
 * // policies computed from the x_* columns by Policy objects, a reward model fitted on them:
 * LogReadOptions options = LogReadOptions.defaults().withContent(BatchContent.ESTIMATOR_COLUMNS
 *     .withContexts().withWideColumns().withPoliciesSupplied().withModelSupplied());
 * }</pre>
 *
 * @param contexts fill the context block with every {@code x_*} column, in header order
 *     ({@link io.ope4j.data.BanditBatch#contexts()})
 * @param wideColumns fill each policy's wide probabilities and the wide model predictions
 *     ({@link io.ope4j.data.BanditBatch#piWide(int)}, {@link io.ope4j.data.BanditBatch#qWide()});
 *     every policy read from the file must then be wide
 * @param policiesSupplied read no policy columns: the consumer computes the policies (the
 *     layout has none)
 * @param modelSupplied read no model columns: the consumer fits a model that replaces them
 */
public record BatchContent(boolean contexts, boolean wideColumns, boolean policiesSupplied,
    boolean modelSupplied) implements java.io.Serializable {

  /** Prefix of the context columns (formats.md). */
  public static final String CONTEXT_PREFIX = "x_";

  /** The estimator columns only, all read from the file. */
  public static final BatchContent ESTIMATOR_COLUMNS = new BatchContent(false, false, false, false);

  /**
   * What a fit-then-evaluate run ({@code io.ope4j.models.pipeline.FittedEvaluation}) reads: the
   * contexts; every policy's wide probabilities when a reward model is fitted; no policy columns
   * when the policies are computed from the contexts; no model columns when a model is fitted
   * or the propensities are estimated (the fitted model, or none, replaces them).
   *
   * @param policiesComputed whether the policies are {@code Policy} objects, not columns
   * @param rewardModel whether a reward model is fitted on the contexts
   * @param propensitiesEstimated whether the propensities are estimated from the contexts
   */
  public static BatchContent forFitting(boolean policiesComputed, boolean rewardModel,
      boolean propensitiesEstimated) {
    BatchContent content = ESTIMATOR_COLUMNS.withContexts();
    if (policiesComputed) {
      content = content.withPoliciesSupplied().withWideColumns();
    }
    if (rewardModel || propensitiesEstimated) {
      content = content.withModelSupplied();
    }
    return rewardModel ? content.withWideColumns() : content;
  }

  public BatchContent withContexts() {
    return new BatchContent(true, wideColumns, policiesSupplied, modelSupplied);
  }

  public BatchContent withWideColumns() {
    return new BatchContent(contexts, true, policiesSupplied, modelSupplied);
  }

  public BatchContent withPoliciesSupplied() {
    return new BatchContent(contexts, wideColumns, true, modelSupplied);
  }

  public BatchContent withModelSupplied() {
    return new BatchContent(contexts, wideColumns, policiesSupplied, true);
  }
}
