package io.ope4j.assess;

import io.ope4j.internal.stats.CounterRng;
import io.ope4j.selection.KnownValues;
import java.io.IOException;
import java.util.List;

/**
 * The replications of an engine that evaluates one candidate per pass: replication r's log is drawn
 * from the sample seed {@code CounterRng.key(seed, r)}, the same for every candidate, and each
 * candidate is evaluated on it by every estimator ({@link #estimate}).
 */
abstract class PerCandidateReplications implements EstimatedReplications {

  private final KnownValues truth;
  private final List<String> estimators;
  private final long seed;

  /**
   * @param truth the candidates' exact values, at least two
   * @param estimators the specs, in the order {@link #estimate} writes them
   * @param seed the seed the sample seeds derive from
   * @param logSize rows or slates per log, checked to be at least 1
   */
  PerCandidateReplications(KnownValues truth, List<String> estimators, long seed, long logSize) {
    if (truth.size() < 2) {
      throw new IllegalArgumentException("an assessment needs at least two candidates, got " + truth.candidates());
    }
    if (logSize < 1) {
      throw new IllegalArgumentException("the log size must be at least 1, got " + logSize);
    }
    this.truth = truth;
    this.estimators = List.copyOf(estimators);
    this.seed = seed;
  }

  /** Every estimator's estimate of candidate {@code candidate} on the log of {@code sampleSeed}. */
  abstract double[] estimate(int candidate, long sampleSeed) throws IOException;

  @Override
  public final List<String> candidates() {
    return truth.candidates();
  }

  @Override
  public final List<String> estimators() {
    return estimators;
  }

  @Override
  public final KnownValues truth() {
    return truth;
  }

  @Override
  public final Replicate replicate(int replication) throws IOException {
    long sampleSeed = CounterRng.key(seed, replication);
    double[][] estimates = new double[estimators.size()][truth.size()];
    for (int p = 0; p < truth.size(); p++) {
      double[] values = estimate(p, sampleSeed);
      for (int e = 0; e < estimates.length; e++) {
        estimates[e][p] = values[e];
      }
    }
    return new Replicate(truth, estimates);
  }
}
