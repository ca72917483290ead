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
