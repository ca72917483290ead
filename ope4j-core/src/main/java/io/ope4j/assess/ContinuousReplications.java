package io.ope4j.assess;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimator;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.continuous.ContinuousSimulation;
import io.ope4j.continuous.ContinuousSimulator;
import io.ope4j.internal.stats.CounterRng;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replications of a continuous-action experiment: candidate policies of one {@link
 * ContinuousSimulation} problem (they differ only in the evaluation policy), replication r a log of
 * n rows drawn from the sample seed {@code CounterRng.key(seed, r)}, every candidate estimated on
 * that same log by every estimator. The truth is exact ({@link ContinuousSimulation#trueValue()}).
 */
public final class ContinuousReplications implements EstimatedReplications {

  private final List<String> names;
  private final List<ContinuousSimulation> problems;
  private final long rowsPerLog;
  private final ContinuousConfig config;
  private final KnownValues truth;

  /**
   * @param candidates by name, each the same problem with its own evaluation policy
   * @param rowsPerLog n, at least 1
   * @param config the estimators and intervals; run on one thread per replication
   * @throws IllegalArgumentException with fewer than two candidates or problems that differ beyond the policy
   */
  public ContinuousReplications(Map<String, ContinuousSimulation> candidates, long rowsPerLog, ContinuousConfig config) {
    this.names = List.copyOf(candidates.keySet());
    this.problems = List.copyOf(candidates.values());
    if (names.size() < 2) {
      throw new IllegalArgumentException("an assessment needs at least two candidates, got " + names);
    }
    ContinuousSimulation first = problems.get(0);
    for (ContinuousSimulation problem : problems) {
      if (!problem.withPolicy(first.policySlope(), first.policyShift(), first.policyNoise()).equals(first)) {
        throw new IllegalArgumentException("the candidates must share the problem and differ in their policy only");
      }
    }
    if (rowsPerLog < 1) {
      throw new IllegalArgumentException("rows per log must be at least 1, got " + rowsPerLog);
    }
    this.rowsPerLog = rowsPerLog;
    this.config = config.withThreads(1);
    double[] values = new double[names.size()];
    for (int p = 0; p < values.length; p++) {
      values[p] = problems.get(p).trueValue();
    }
    this.truth = KnownValues.of(names, values, first.behaviorValue());
  }

  @Override
  public List<String> candidates() {
    return names;
  }

  @Override
  public List<String> estimators() {
    List<String> specs = new ArrayList<>();
    for (ContinuousEstimator estimator : config.estimators()) {
      specs.add(estimator.spec());
    }
    return specs;
  }

  @Override
  public KnownValues truth() {
    return truth;
  }

  @Override
  public Replicate replicate(int replication) throws IOException {
    long sampleSeed = CounterRng.key(problems.get(0).seed(), replication);
    double[][] estimates = new double[config.estimators().size()][names.size()];
    for (int p = 0; p < names.size(); p++) {
      ContinuousResult result = new ContinuousEvaluator(config)
          .evaluate(new ContinuousSimulator(problems.get(p).withRows(rowsPerLog, sampleSeed)));
      for (int e = 0; e < estimates.length; e++) {
        estimates[e][p] = result.estimates().get(e).value();
      }
    }
    return new Replicate(truth, estimates);
  }
}
