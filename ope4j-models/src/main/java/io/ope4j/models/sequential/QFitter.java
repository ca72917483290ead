package io.ope4j.models.sequential;

/**
 * A way of fitting an evaluation policy's Q function (and, for some, marginal state-action
 * ratios) on some episodes of a {@link TransitionLog} and predicting it on others. Implementations
 * are immutable; {@link #fit} allocates its own working memory.
 */
public interface QFitter {

  /** E.g. {@code fqe-linear(alpha=1e-06, iterate)}. */
  String describe();

  /** Whether {@link #fit} also writes marginal ratios (for mis, mdr). */
  boolean givesRatios();

  /**
   * Fits policy {@code policy}'s Q with discount {@code gamma} on the episodes {@code e} with
   * {@code train[e]}, and writes for every row of the episodes with {@code predict[e]} its
   * {@code Q(s_i, a)} into {@code q[i * K + a]} and, if {@link #givesRatios}, its ratio
   * {@code w(s_i, a_i)} into {@code ratio[i]}.
   *
   * @return how many predicted rows lie where the fit saw no data (there Q and the ratio are 0)
   */
  int fit(TransitionLog log, int policy, double gamma, boolean[] train, boolean[] predict,
      double[] q, double[] ratio);

  /** Whether {@link #fitDifferential} is supported (for mdr-avg). */
  default boolean givesDifferential() {
    return false;
  }

  /**
   * Fits policy {@code policy}'s differential (relative) action value {@code h(s, a)} of the
   * average-reward case, episodes restarting from the initial distribution, on the episodes with
   * {@code train[e]}, normalised so that its value at the restart, {@code sum_s rho_0(s) sum_a
   * pi(a|s) h(s, a)} over the training episodes' first states, is 0; writes {@code h(s_i, a)}
   * into {@code h[i * K + a]} for the rows of the episodes with {@code predict[e]}.
   */
  default void fitDifferential(TransitionLog log, int policy, boolean[] train, boolean[] predict,
      double[] h) {
    throw new UnsupportedOperationException(describe() + " gives no differential Q");
  }
}
