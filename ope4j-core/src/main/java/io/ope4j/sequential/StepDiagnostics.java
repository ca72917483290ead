package io.ope4j.sequential;

import io.ope4j.diagnostics.WeightDiagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How fast one policy's weights degenerate with the horizon: per step, the episodes still
 * running, Kish's effective sample size and the largest weight among them; the share of episodes
 * with a step the evaluation policy gives probability 0; and what the clip touched.
 */
public record StepDiagnostics(
    String policy, long[] running, double[] ess, double[] maxWeight, double zeroProbabilityShare,
    long clippedSteps, long clippedEpisodes) {

  static StepDiagnostics of(String policy, StepWeights weights) {
    return new StepDiagnostics(policy, weights.runningEpisodes(), weights.effectiveSampleSize(),
        weights.maxWeights(), weights.zeroProbabilityShare(), weights.clippedSteps(),
        weights.clippedEpisodes());
  }

  /**
   * Warnings for people, empty when none: the first step whose ESS falls below the bandit
   * threshold's share of the episodes running there, episodes the policy cannot have produced,
   * and weights the clip lowered.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    for (int t = 0; t < ess.length; t++) {
      if (ess[t] < WeightDiagnostics.LOW_ESS_SHARE * running[t]) {
        warnings.add(String.format(Locale.ROOT, "policy %s: from step %d the effective sample size"
            + " (%.4g) is below %.0f%% of the %d episodes running; later rewards rest on very few"
            + " episodes", policy, t, ess[t], 100 * WeightDiagnostics.LOW_ESS_SHARE, running[t]));
        break;
      }
    }
    if (zeroProbabilityShare > 0) {
      warnings.add(String.format(Locale.ROOT, "policy %s: %.2f%% of the episodes take an action"
          + " the policy gives probability 0; their weights are 0 from that step on", policy,
          100 * zeroProbabilityShare));
    }
    if (clippedSteps > 0) {
      warnings.add(String.format(Locale.ROOT, "policy %s: the clip lowered %d step weights in %d"
          + " episodes", policy, clippedSteps, clippedEpisodes));
    }
    return warnings;
  }
}
