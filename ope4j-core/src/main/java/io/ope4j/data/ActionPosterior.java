package io.ope4j.data;

/**
 * A model of the logged action given the context and the observed action embedding, {@code
 * p(a | x, e)} under the behaviour policy: what MIPS needs when the embedding distribution {@code
 * p(e | a)} is not known (Saito &amp; Joachims 2022, "Off-Policy Evaluation for Large Action Spaces
 * via Embeddings", Sec. 4, the estimated marginal importance weight). Bound to the estimators that
 * read one ({@code mips:pae=fitted}) after it is fitted; implementations are immutable and
 * serializable, and a cross-fitted one predicts each log row with the model that did not see it.
 */
public interface ActionPosterior extends java.io.Serializable {

  /** K, the number of actions. */
  int actions();

  /** D, the number of embedding dimensions it was fitted on. */
  int embeddingDims();

  /** The context dimension it was fitted on. */
  int contextDim();

  /** For people, e.g. {@code softmax(C=1) of the action on the z-scored context and one-hot embedding, cross-fitted (3 folds, seed 1)}. */
  String describe();

  /** A reader of the posterior for one thread: it may reuse buffers, so use one per thread. */
  Rows rows();

  /** Evaluates the posterior on the rows of a batch. */
  interface Rows {
    /**
     * Writes {@code p(a | x_i, e_i)} for rows {@code [from, to)} of {@code batch} into {@code
     * out[(i - from) * K + a]}; the batch's row numbers ({@link BanditBatch#firstRow()}) choose
     * the fold's model. Reads the batch's context block and embedding; modifies only {@code out}.
     */
    void posterior(BanditBatch batch, int from, int to, double[] out);
  }
}
