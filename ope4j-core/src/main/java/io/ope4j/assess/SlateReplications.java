package io.ope4j.assess;

import io.ope4j.selection.KnownValues;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimate;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateSimulator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Replications of a slate experiment: candidate evaluation policies over one {@link SlateSimulator}
 * setting (the same items, contexts, click model and behaviour), replication r the first n slates
 * drawn from the sample seed {@code CounterRng.key(seed, r)} ({@link SlateSimulator#withSampleSeed}:
 * the same logged slates for every candidate), every candidate estimated by every estimator. The
 * truth is exact ({@link SlateSimulator#truth()}).
 */
public final class SlateReplications extends PerCandidateReplications {

  private final List<SlateSimulator> simulators;
  private final long slatesPerLog;
  private final SlateConfig config;

  /**
   * @param candidates by name, simulators of one setting with their own evaluation temperature
   * @param slatesPerLog n, at least 1
   * @throws IllegalArgumentException with fewer than two candidates
   */
  public SlateReplications(Map<String, SlateSimulator> candidates, long slatesPerLog, SlateConfig config) {
    super(truthOf(candidates), config.estimators().stream().map(SlateEstimator::id).toList(),
        candidates.values().iterator().next().config().seed(), slatesPerLog);
    this.simulators = List.copyOf(candidates.values());
    this.slatesPerLog = slatesPerLog;
    this.config = config;
  }

  private static KnownValues truthOf(Map<String, SlateSimulator> candidates) {
    double[] values = candidates.values().stream().mapToDouble(SlateSimulator::truth).toArray();
    return KnownValues.of(List.copyOf(candidates.keySet()), values,
        candidates.values().iterator().next().behaviourValue());
  }

  @Override
  double[] estimate(int candidate, long sampleSeed) throws IOException {
    return SlateEvaluator.evaluate(simulators.get(candidate).withSampleSeed(sampleSeed).source(slatesPerLog), config, 1)
        .estimates().stream().mapToDouble(SlateEstimate::value).toArray();
  }
}
