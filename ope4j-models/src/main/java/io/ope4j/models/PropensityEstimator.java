package io.ope4j.models;

import io.ope4j.rewardmodel.CrossFitting;

/**
 * Estimates the behaviour policy's propensities when a log has none: a {@link SoftmaxRegression}
 * of the logged action on the context (z-scored with the mean and standard deviation of all rows),
 * cross-fitted like the reward models, so that each row's
 * estimated {@code pscore} comes from a model that never saw it. Estimates that use these
 * propensities must say so: pass {@link Estimated#description()} to {@link
 * io.ope4j.rewardmodel.ModelledLog.Builder#estimatedPropensities(String)}.
 *
 * <pre>{@code
 * PropensityEstimator.Estimated estimated = PropensityEstimator.crossFitted(
 *     SoftmaxRegression.withC(1), contexts, dim, actions, nActions, CrossFitting.folds(3, 1));
 * ModelledLog log = ModelledLog.builder(contexts, dim, actions, null, rewards, estimated.pscore())
 *     .estimatedPropensities(estimated.description()) ...
 * }</pre>
 */
public final class PropensityEstimator {

  private PropensityEstimator() {}

  /**
   * Estimated propensities.
   *
   * @param pscore the estimated probability of each row's logged action, in (0, 1]
   * @param description how they were estimated, e.g. {@code softmax(C=1) of the action on the
   *     context, cross-fitted (3 folds, seed 1)}
   * @param smallest the smallest estimated propensity (large weights follow from small ones)
   */
  public record Estimated(double[] pscore, String description, double smallest) {}

  /**
   * Fits one softmax model per fold (or one on all rows for {@link CrossFitting#inSample()}) and
   * returns each row's estimated propensity of its logged action.
   *
   * @throws IllegalArgumentException on an action outside [0, nActions), or when an estimated
   *     propensity underflows to 0 (regularise more: a smaller C)
   */
  public static Estimated crossFitted(SoftmaxRegression fitter, double[] contexts, int dim, int[] actions, int nActions,
      CrossFitting crossFitting) {
    int n = actions.length;
    double[] pscore = new double[n];
    CrossFitting.Assignment folds = crossFitting.assign(n);
    // Fit on z-scored contexts (mean and sd over all rows; no labels involved), so that one C suits
    // features of any scale and the Newton-CG solver meets a well-conditioned problem.
    double[] standard = Standardiser.of(contexts, dim, n).apply(contexts, n);
    double[][] beta = fitter.fitPerFold(standard, dim, actions, nActions, folds, "propensity model");
    double[] probabilities = new double[nActions];
    for (int i = 0; i < n; i++) {
      SoftmaxRegression.softmax(beta[folds.foldOf()[i]], nActions, dim, standard, i * dim, probabilities, 0);
      pscore[i] = probabilities[actions[i]];
    }
    double smallest = 1.0;
    for (int i = 0; i < n; i++) {
      if (!(pscore[i] > 0)) {
        throw new IllegalArgumentException("the estimated propensity of row " + (i + 1) + " underflowed to 0;"
            + " regularise the propensity model more (a smaller C)");
      }
      smallest = Math.min(smallest, pscore[i]);
    }
    return new Estimated(pscore, fitter.describe() + " of the action on the z-scored context, " + crossFitting.describe(),
        smallest);
  }
}
