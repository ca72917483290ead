package io.ope4j.sequential;

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
}
