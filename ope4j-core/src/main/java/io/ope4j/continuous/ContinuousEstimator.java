package io.ope4j.continuous;

import java.io.Serializable;
import java.util.List;

/**
 * An off-policy estimator for continuous actions, defined, like the bandit estimators ({@link
 * io.ope4j.estimator.Estimator}), by the terms one logged round contributes: a plain estimator
 * writes {@code x} and its estimate is {@code mean(x)}; a self-normalised one writes {@code x} and
 * {@code d} and its estimate is {@code mean(x) / mean(d)}. The engine ({@link ContinuousState})
 * folds them into the same mergeable moments as the bandit engine.
 *
 * <p>Notation: {@code w_i = numerator_i / p_b(a_i | x_i)}, whose numerator is the {@link
 * #smoothing()}'s ({@code K(u_i) / h} with {@code u_i = (pi_e(x_i) - a_i) / h}, or the policy's
 * density); {@code r} the reward; {@code q(pi)} q-hat at the evaluation action, {@code q(a)} at
 * the logged action. Implementations are immutable and serializable.
 */
public interface ContinuousEstimator extends Serializable {

  /** The id, e.g. {@code kernel-ipw}. */
  String id();

  /** Id with hyperparameters; parses back to an equal estimator. */
  String spec();

  /** How rows are weighted; null for a tuned estimator (its candidates have one each). */
  Smoothing smoothing();

  /** Whether the estimator reads q-hat at the evaluation action ({@code q_pi}). */
  default boolean needsTargetModel() {
    return false;
  }

  /** Whether the estimator reads q-hat at the logged action ({@code q}). */
  default boolean needsLoggedModel() {
    return false;
  }

  /** Whether the estimate is {@code mean(x) / mean(d)} rather than {@code mean(x)}. */
  default boolean selfNormalized() {
    return false;
  }

  /**
   * Writes the terms of rows {@code [from, to)} into {@code x} (and {@code d}) at index {@code row -
   * from}, given the weight numerators of those rows at index {@code row}.
   */
  void terms(ContinuousBatch batch, double[] numerator, int from, int to, double[] x, double[] d);

  /** The estimators whose states the engine carries: just this one, unless it is tuned. */
  default List<ContinuousEstimator> candidates() {
    return List.of(this);
  }

  /** Which candidate to report, given their estimates and standard errors over {@code rows} rows. */
  default int choose(double[] values, double[] stderrs, long rows) {
    return 0;
  }
}
