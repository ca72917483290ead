package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;
import java.io.Serializable;
import java.util.List;

/**
 * An off-policy estimator, defined by its per-round terms. The engine folds the terms into
 * mergeable one-pass states (sums and second moments, bootstrap replicates) and finishes them
 * into an estimate, so an estimator only says what one logged round contributes:
 *
 * <ul>
 *   <li>a plain estimator (not {@link #selfNormalized()}) writes one value per round, {@code x};
 *       the estimate is {@code mean(x)};
 *   <li>a self-normalised estimator writes a model term {@code y} (only if {@link #needsModel()}),
 *       a numerator {@code x} and a normaliser {@code d}; the estimate is {@code mean(y) +
 *       mean(x) / mean(d)}.
 * </ul>
 *
 * <p>Notation in the formulas of the implementations: {@code w = pi(a_i) / pscore_i} the
 * importance weight, {@code r} the reward, {@code q(a_i)} the model at the logged action and
 * {@code q(pi)} the model's value under the evaluation policy. Definitions follow Open Bandit
 * Pipeline 0.5.5 (see each class).
 *
 * <p>A tuned estimator (e.g. {@code switch-dr:lambda=slope}) has no terms of its own: it names
 * {@link #candidates()}, which the engine runs side by side in the same pass, and {@link
 * #choose} picks the one to report from their finished estimates.
 *
 * <p>Implementations are immutable, thread-safe and serializable (states travel to Spark
 * executors and back).
 */
public interface Estimator extends Serializable {

  /** The estimator id of formats.md, e.g. {@code switch-dr}. */
  String id();

  /**
   * Id with hyperparameters, e.g. {@code switch-dr:lambda=5}; parses back to an equal estimator.
   * The id alone for an estimator without hyperparameters.
   */
  default String spec() {
    return id();
  }

  /** Whether the estimator reads the reward-model columns. */
  boolean needsModel();

  /**
   * Whether the estimator reads the logged propensities (pscore): every estimator that weights.
   * True unless overridden, so that a new estimator is never run on a log without them by mistake.
   */
  default boolean needsPscore() {
    return true;
  }

  /**
   * What this estimator reads that {@code layout} lacks, as a phrase for a message (e.g. {@code
   * "the logger column"}), or null when the log has all of it. Checked before any row is read,
   * beside {@link #needsModel()} and {@link #needsPscore()}; for the optional columns of
   * {@link io.ope4j.data.ExtraColumns}.
   */
  default String unmetNeeds(io.ope4j.data.LogLayout layout) {
    return null;
  }

  /**
   * Whether the estimate combines per-logger means with weights learnt from the data: then the
   * terms are a model term {@code y} and a weighted term {@code x} per row, and the estimate is
   * {@code (sum y + sum_k c_k sum_{i in k} x) / n} with the precision factors {@code c_k} of
   * {@link io.ope4j.engine.StratifiedSums} (Agarwal et al. 2017). False for every other estimator.
   */
  default boolean stratified() {
    return false;
  }

  /**
   * This estimator with a known action-embedding distribution bound, for the estimators that read
   * one ({@code mips}, {@code snmips}); every other estimator returns itself.
   */
  default Estimator withEmbeddingTable(io.ope4j.data.EmbeddingTable table) {
    return this;
  }

  /**
   * This estimator with a fitted model of the action given context and embedding bound, for the
   * estimators that read one ({@code mips:pae=fitted}); every other estimator returns itself.
   */
  default Estimator withActionPosterior(io.ope4j.data.ActionPosterior posterior) {
    return this;
  }

  /** Whether the estimator reads a fitted action model ({@link #withActionPosterior}). */
  default boolean needsActionPosterior() {
    return false;
  }

  /** Whether the estimate is {@code mean(y) + mean(x) / mean(d)} rather than {@code mean(x)}. */
  default boolean selfNormalized() {
    return false;
  }

  /**
   * Writes the terms of rows {@code [from, to)} of {@code batch} for evaluation policy {@code
   * policy} into {@code y}, {@code x}, {@code d} at index {@code row - from}. Arrays not used by
   * this estimator may be null.
   *
   * @return the number of rows whose importance weight the estimator altered (clipped or
   *     switched off), reported with the estimate
   */
  int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d);

  /**
   * Whether the estimator replaces some importance weights {@code w} by another value {@code v(w)}
   * (clipping, switching, shrinking), which biases it; see {@link #weightDeficits}.
   */
  default boolean altersWeights() {
    return false;
  }

  /**
   * For an estimator that {@link #altersWeights()}: writes, for rows {@code [from, to)} at index
   * {@code row - from}, the deficit {@code w - v(w)} split into its positive and negative parts,
   * and {@code (w - v(w)) * q(a_i)} (0 without a model). The estimator's bias {@code E[(w - v(w))
   * (r - q(a_i))]} lies between {@code E[lo * positive - hi * negative - model]} and {@code E[hi *
   * positive - lo * negative - model]} for rewards in {@code [lo, hi]}.
   */
  default void weightDeficits(BanditBatch batch, int policy, int from, int to, double[] positive,
      double[] negative, double[] model) {
    throw new UnsupportedOperationException(spec() + " keeps the importance weights");
  }

  /** The estimators whose states the engine carries: just this one, unless it is tuned. */
  default List<Estimator> candidates() {
    return List.of(this);
  }

  /**
   * Which candidate to report, given each candidate's point estimate and standard error over
   * {@code rows} rows; always 0 for an estimator that is not tuned.
   */
  default int choose(double[] values, double[] stderrs, long rows) {
    return 0;
  }
}
