package io.ope4j.data;

/**
 * The optional columns of a bandit log that only some estimators read (formats.md, "Several
 * loggers" and "Action embeddings"): which logger produced each row, the mixture propensity of
 * the loggers, the observed action embedding and the behaviour policy's probability of every
 * action.
 *
 * @param logger whether {@link BanditBatch#logger()} holds each row's logger, as a dense index
 *     in order of first appearance in the log
 * @param pscoreAvg whether {@link BanditBatch#pscoreAvg()} holds {@code pi_avg(a_i | x_i) = sum_k
 *     rho_k pi_k(a_i | x_i)}, the loggers' mixture probability of the logged action
 * @param embeddingDims number of embedding dimensions held by {@link BanditBatch#embedding()}
 *     (0 without them)
 * @param behaviorWide whether {@link BanditBatch#behaviorWide()} holds the behaviour policy's
 *     probability of every action
 */
public record ExtraColumns(boolean logger, boolean pscoreAvg, int embeddingDims, boolean behaviorWide)
    implements java.io.Serializable {

  /** None of the optional columns. */
  public static final ExtraColumns NONE = new ExtraColumns(false, false, 0, false);

  public ExtraColumns {
    if (embeddingDims < 0) {
      throw new IllegalArgumentException("embeddingDims must be >= 0, got " + embeddingDims);
    }
  }
}
