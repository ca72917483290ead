package io.ope4j.data;

import java.util.List;

/**
 * What a bandit log holds, as the estimators see it: the evaluation policies (in order),
 * whether reward-model columns are present, whether a position column is present, and the
 * number of actions K (or {@code -1} when the log does not say and the user did not either).
 *
 * @param policies names of the evaluation policies; their index is the policy index of
 *     {@link BanditBatch#piLogged(int)}
 * @param hasModel whether {@link BanditBatch#qLogged()} and {@link BanditBatch#qExpected(int)}
 *     are filled
 * @param hasPosition whether {@link BanditBatch#position()} is filled
 * @param nActions number of actions K, or -1 when unknown
 * @param hasPscore whether {@link BanditBatch#pscore()} is filled; without it the batches hold
 *     NaN there, and only estimators that do not weight may run on them
 */
public record LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions,
    boolean hasPscore) implements java.io.Serializable {

  /** A layout with logged propensities, as most logs have. */
  public LogLayout(List<String> policies, boolean hasModel, boolean hasPosition, int nActions) {
    this(policies, hasModel, hasPosition, nActions, true);
  }

  public LogLayout {
    policies = List.copyOf(policies);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("a log needs at least one evaluation policy");
    }
    if (policies.stream().distinct().count() != policies.size()) {
      throw new IllegalArgumentException("policy names must be distinct, got " + policies);
    }
    if (nActions == 0 || nActions < -1) {
      throw new IllegalArgumentException("nActions must be positive or -1, got " + nActions);
    }
  }

  public int policyCount() {
    return policies.size();
  }
}
