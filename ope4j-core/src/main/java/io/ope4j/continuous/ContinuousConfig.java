package io.ope4j.continuous;

import io.ope4j.data.UsageException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import java.util.List;

/**
 * What to compute in a continuous-action evaluation.
 *
 * @param estimators the estimators
 * @param interval {@link IntervalMethod#T} or {@link IntervalMethod#BOOTSTRAP} (kernel weights
 *     have no known bound, so the concentration bounds do not apply)
 * @param level nominal coverage, in (0, 1)
 * @param replicates bootstrap replicates B
 * @param seed the bootstrap's seed
 * @param threads worker threads; the result is the same to the bit for every value
 * @param obpBootstrap with the bootstrap: Open Bandit Pipeline's index bootstrap ({@link
 *     io.ope4j.internal.stats.IndexBootstrap}) instead of the one-pass Poisson bootstrap. It keeps
 *     every row's terms in memory, so it is meant for comparing numbers with that library.
 */
public record ContinuousConfig(List<ContinuousEstimator> estimators, IntervalMethod interval,
    double level, int replicates, long seed, int threads, boolean obpBootstrap)
    implements java.io.Serializable {

  public ContinuousConfig {
    estimators = List.copyOf(estimators);
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("at least one estimator is needed");
    }
    if (interval != IntervalMethod.T && interval != IntervalMethod.BOOTSTRAP) {
      throw new UsageException("continuous-action logs take --ci t or bootstrap: kernel weights have no known"
          + " bound, so " + interval.id() + " bounds do not apply");
    }
    Intervals.checkLevel(level);
    if (replicates < 2) {
      throw new IllegalArgumentException("the bootstrap needs at least 2 replicates, got " + replicates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** t intervals at 95%, on all cores. */
  public static ContinuousConfig of(List<ContinuousEstimator> estimators) {
    return new ContinuousConfig(estimators, IntervalMethod.T, 0.95, 1000, 12345,
        Runtime.getRuntime().availableProcessors(), false);
  }

  public ContinuousConfig withInterval(IntervalMethod method) {
    return new ContinuousConfig(estimators, method, level, replicates, seed, threads, obpBootstrap);
  }

  public ContinuousConfig withLevel(double newLevel) {
    return new ContinuousConfig(estimators, interval, newLevel, replicates, seed, threads, obpBootstrap);
  }

  public ContinuousConfig withBootstrap(int newReplicates, long newSeed) {
    return new ContinuousConfig(estimators, interval, level, newReplicates, newSeed, threads, obpBootstrap);
  }

  public ContinuousConfig withThreads(int newThreads) {
    return new ContinuousConfig(estimators, interval, level, replicates, seed, newThreads, obpBootstrap);
  }

  /** With Open Bandit Pipeline's index bootstrap (and {@link IntervalMethod#BOOTSTRAP}). */
  public ContinuousConfig withObpBootstrap() {
    return new ContinuousConfig(estimators, IntervalMethod.BOOTSTRAP, level, replicates, seed, threads, true);
  }

  /** Poisson-bootstrap replicates the states carry: B with the one-pass bootstrap, else 0. */
  int poissonReplicates() {
    return interval == IntervalMethod.BOOTSTRAP && !obpBootstrap ? replicates : 0;
  }
}
