package io.ope4j.assess;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimator;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.continuous.ContinuousSimulation;
import io.ope4j.continuous.ContinuousSimulator;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Replications of a continuous-action experiment: candidate policies of one {@link
 * ContinuousSimulation} problem (they differ only in the evaluation policy), replication r a log of
 * n rows drawn from the sample seed {@code CounterRng.key(seed, r)}, every candidate estimated on
 * that same log by every estimator. The truth is exact ({@link ContinuousSimulation#trueValue()}).
 */
public final class ContinuousReplications extends PerCandidateReplications {

  private final List<ContinuousSimulation> problems;
  private final long rowsPerLog;
  private final ContinuousConfig config;

  /**
   * @param candidates by name, each the same problem with its own evaluation policy
   * @param rowsPerLog n, at least 1
   * @param config the estimators and intervals; run on one thread per replication
   * @throws IllegalArgumentException with fewer than two candidates or problems that differ beyond the policy
   */
  public ContinuousReplications(Map<String, ContinuousSimulation> candidates, long rowsPerLog, ContinuousConfig config) {
    super(truthOf(candidates), config.estimators().stream().map(ContinuousEstimator::spec).toList(),
        candidates.values().iterator().next().seed(), rowsPerLog);
    this.problems = List.copyOf(candidates.values());
    ContinuousSimulation first = problems.get(0);
    for (ContinuousSimulation problem : problems) {
      if (!problem.withPolicy(first.policySlope(), first.policyShift(), first.policyNoise()).equals(first)) {
        throw new IllegalArgumentException("the candidates must share the problem and differ in their policy only");
      }
    }
    this.rowsPerLog = rowsPerLog;
    this.config = config.withThreads(1);
  }

  private static KnownValues truthOf(Map<String, ContinuousSimulation> candidates) {
    double[] values = candidates.values().stream().mapToDouble(ContinuousSimulation::trueValue).toArray();
    return KnownValues.of(List.copyOf(candidates.keySet()), values,
        candidates.values().iterator().next().behaviorValue());
  }

  @Override
  double[] estimate(int candidate, long sampleSeed) throws IOException {
    ContinuousResult result = new ContinuousEvaluator(config)
        .evaluate(new ContinuousSimulator(problems.get(candidate).withRows(rowsPerLog, sampleSeed)));
    return result.estimates().stream().mapToDouble(io.ope4j.continuous.ContinuousEstimate::value).toArray();
  }
}
