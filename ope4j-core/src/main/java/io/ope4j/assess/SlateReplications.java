package io.ope4j.assess;

import io.ope4j.internal.stats.CounterRng;
import io.ope4j.selection.KnownValues;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import io.ope4j.slate.SlateSimulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replications of a slate experiment: candidate evaluation policies over one {@link SlateSimulator}
 * setting (the same items, contexts, click model and behaviour), replication r the first n slates
 * drawn from the sample seed {@code CounterRng.key(seed, r)} ({@link SlateSimulator#withSampleSeed}:
 * the same logged slates for every candidate), every candidate estimated by every estimator. The
 * truth is exact ({@link SlateSimulator#truth()}).
 */
public final class SlateReplications implements EstimatedReplications {

  private final List<String> names;
  private final List<SlateSimulator> simulators;
  private final long slatesPerLog;
  private final SlateConfig config;
  private final KnownValues truth;

  /**
   * @param candidates by name, simulators of one setting with their own evaluation temperature
   * @param slatesPerLog n, at least 1
   * @throws IllegalArgumentException with fewer than two candidates
   */
  public SlateReplications(Map<String, SlateSimulator> candidates, long slatesPerLog, SlateConfig config) {
    this.names = List.copyOf(candidates.keySet());
    this.simulators = List.copyOf(candidates.values());
    if (names.size() < 2) {
      throw new IllegalArgumentException("an assessment needs at least two candidates, got " + names);
    }
    if (slatesPerLog < 1) {
      throw new IllegalArgumentException("slates per log must be at least 1, got " + slatesPerLog);
    }
    this.slatesPerLog = slatesPerLog;
    this.config = config;
    double[] values = new double[names.size()];
    for (int p = 0; p < values.length; p++) {
      values[p] = simulators.get(p).truth();
    }
    this.truth = KnownValues.of(names, values, simulators.get(0).behaviourValue());
  }

  @Override
  public List<String> candidates() {
    return names;
  }

  @Override
  public List<String> estimators() {
    List<String> specs = new ArrayList<>();
    for (SlateEstimator estimator : config.estimators()) {
      specs.add(estimator.id());
    }
    return specs;
  }

  @Override
  public KnownValues truth() {
    return truth;
  }

  @Override
  public Replicate replicate(int replication) throws IOException {
    long sampleSeed = CounterRng.key(simulators.get(0).config().seed(), replication);
    double[][] estimates = new double[config.estimators().size()][names.size()];
    for (int p = 0; p < names.size(); p++) {
      SlateResult result = SlateEvaluator.evaluate(simulators.get(p).withSampleSeed(sampleSeed).source(slatesPerLog),
          config, 1);
      for (int e = 0; e < estimates.length; e++) {
        estimates[e][p] = result.estimates().get(e).value();
      }
    }
    return new Replicate(truth, estimates);
  }
}
