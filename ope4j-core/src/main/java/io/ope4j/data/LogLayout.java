package io.ope4j.data;

import java.util.List;

/**
 * What a bandit log holds, as the estimators see it: the evaluation policies (in order),
 * whether reward-model columns are present, whether a position column is present, the number
 * of actions K (or {@code -1} when the log does not say and the user did not either), whether
 * propensities are present; and the optional blocks a consumer asked the reader for: the context
 * features and each policy's and the model's wide rows.
 *
 * @param policies names of the evaluation policies; their index is the policy index of
 *     {@link BanditBatch#piLogged(int)}. Empty only for a log read for {@link
 *     io.ope4j.policy.Policy} objects that a wrapper adds
 * @param hasModel whether {@link BanditBatch#qLogged()} and {@link BanditBatch#qExpected(int)}
 *     are filled
 * @param hasPosition whether {@link BanditBatch#position()} is filled
 * @param nActions number of actions K, or -1 when unknown
 * @param hasPscore whether {@link BanditBatch#pscore()} is filled; without it the batches hold
 *     NaN there, and only estimators that do not weight may run on them
 * @param contextColumns names of the context columns ({@code x_*}) held by {@link
 *     BanditBatch#contexts()}, in order; empty without a context block
 * @param widePolicies whether {@link BanditBatch#piWide(int)} holds every policy's K
 *     probabilities of each row
 * @param wideModel whether {@link BanditBatch#qWide()} holds the K model predictions of each row
 * @param extras the optional logger, mixture-propensity, embedding and behaviour columns held
 */
public record LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions,
    boolean hasPscore, List<String> contextColumns, boolean widePolicies, boolean wideModel,
    ExtraColumns extras)
    implements java.io.Serializable {

  /** A layout without the optional {@link ExtraColumns}. */
  public LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions,
      boolean hasPscore, List<String> contextColumns, boolean widePolicies, boolean wideModel) {
    this(policies, hasModel, hasPosition, nActions, hasPscore, contextColumns, widePolicies, wideModel,
        ExtraColumns.NONE);
  }

  /** A layout with logged propensities, as most logs have. */
  public LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions) {
    this(policies, hasModel, hasPosition, nActions, true);
  }

  /** A layout of the estimator columns only: no optional block. */
  public LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions, boolean hasPscore) {
    this(policies, hasModel, hasPosition, nActions, hasPscore, List.of(), false, false);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a log needs at least one evaluation policy");
    }
  }

  public LogLayout {
    policies = List.copyOf(policies);
    contextColumns = List.copyOf(contextColumns);
    java.util.Objects.requireNonNull(extras, "extras");
    if (policies.stream().distinct().count() != policies.size()) {
      throw new IllegalArgumentException("policy names must be distinct, got " + policies);
    }
    if (nActions == 0 || nActions < -1) {
      throw new IllegalArgumentException("nActions must be positive or -1, got " + nActions);
    }
    if ((widePolicies || wideModel) && nActions < 1) {
      throw new IllegalArgumentException("wide blocks need a known number of actions, got " + nActions);
    }
    if (extras.behaviorWide() && nActions < 1) {
      throw new IllegalArgumentException("behaviour wide columns need a known number of actions, got " + nActions);
    }
  }

  public int policyCount() {
    return policies.size();
  }

  /** Number of context features per row in {@link BanditBatch#contexts()} (0 without the block). */
  public int contextDim() {
    return contextColumns.size();
  }

  /** This layout with other policies and model columns (a wrapper that computes them). */
  public LogLayout withPolicies(List<String> names, boolean model, int actions, boolean wide, boolean wideQ) {
    return new LogLayout(names, model, hasPosition, actions, hasPscore, contextColumns, wide, wideQ, extras);
  }

  /** This layout with the propensities filled (a wrapper that supplies them). */
  public LogLayout withPscore() {
    return withPscore(true);
  }

  /** This layout with {@link #hasPscore()} as given. */
  public LogLayout withPscore(boolean filled) {
    return new LogLayout(policies, hasModel, hasPosition, nActions, filled, contextColumns, widePolicies, wideModel,
        extras);
  }
}
