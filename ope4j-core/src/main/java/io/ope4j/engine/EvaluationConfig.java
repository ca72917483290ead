package io.ope4j.engine;

import io.ope4j.estimator.Estimator;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import io.ope4j.interval.TermRange;
import java.util.List;

/**
 * What to compute in an evaluation.
 *
 * @param estimators the estimators, each run on every evaluation policy of the log
 * @param interval the confidence-interval method
 * @param level nominal coverage of the intervals, in (0, 1)
 * @param bootstrapReplicates replicates B of the bootstrap (used only by {@link
 *     IntervalMethod#BOOTSTRAP})
 * @param seed seed of the bootstrap's counter-based generator
 * @param threads worker threads; the result is the same to the bit for every value
 * @param termRange for Hoeffding and Bernstein bounds, a range known to hold every per-round term
 *     of the plain estimators, or null to use the observed range (said in the output)
 * @param rewardRange a range known to hold every reward, or null: then rewards that are all 0 or
 *     1 are taken as bounded in [0, 1]. With a range, the intervals of weighting estimators are
 *     joined with a Wilson score floor (see {@code IntervalFloors}); a reward outside it is an
 *     error
 * @param intervalFloors whether intervals of bounded rewards are joined with the Wilson floor and
 *     zero-width intervals of unbounded ones widened (true by default); false gives the raw
 *     interval of the chosen method, e.g. to compare with a peer that has no floor
 */
public record EvaluationConfig(
    List<Estimator> estimators,
    IntervalMethod interval,
    double level,
    int bootstrapReplicates,
    long seed,
    int threads,
    TermRange termRange,
    TermRange rewardRange,
    boolean intervalFloors) implements java.io.Serializable {

  public static final int DEFAULT_REPLICATES = 1000;
  public static final long DEFAULT_SEED = 12345;

  public EvaluationConfig {
    estimators = List.copyOf(estimators);
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("at least one estimator is needed");
    }
    if (estimators.stream().map(Estimator::spec).distinct().count() != estimators.size()) {
      throw new IllegalArgumentException("an estimator is listed twice");
    }
    Intervals.checkLevel(level);
    if (bootstrapReplicates < 2) {
      throw new IllegalArgumentException("the bootstrap needs at least 2 replicates, got " + bootstrapReplicates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (interval == IntervalMethod.HCOPE) {
      throw new io.ope4j.data.UsageException("--ci hcope is a lower bound over trajectories (tis,"
          + " pdis on a trajectory log); bandit logs take t, bootstrap, hoeffding, bernstein,"
          + " cressie-read or clopper-pearson");
    }
    if (interval.fromLikelihood()) {
      LikelihoodStates.checkApplies(interval, estimators);
    }
  }

  /** t intervals at 95%, 1000 bootstrap replicates if switched to the bootstrap, all cores. */
  public static EvaluationConfig of(List<Estimator> estimators) {
    return new EvaluationConfig(estimators, IntervalMethod.T, 0.95, DEFAULT_REPLICATES, DEFAULT_SEED,
        Runtime.getRuntime().availableProcessors(), null, null, true);
  }

  public EvaluationConfig withInterval(IntervalMethod method) {
    return new EvaluationConfig(estimators, method, level, bootstrapReplicates, seed, threads, termRange, rewardRange, intervalFloors);
  }

  public EvaluationConfig withLevel(double newLevel) {
    return new EvaluationConfig(estimators, interval, newLevel, bootstrapReplicates, seed, threads, termRange, rewardRange, intervalFloors);
  }

  public EvaluationConfig withBootstrap(int replicates, long newSeed) {
    return new EvaluationConfig(estimators, interval, level, replicates, newSeed, threads, termRange, rewardRange, intervalFloors);
  }

  public EvaluationConfig withThreads(int newThreads) {
    return new EvaluationConfig(estimators, interval, level, bootstrapReplicates, seed, newThreads, termRange, rewardRange, intervalFloors);
  }

  public EvaluationConfig withTermRange(TermRange range) {
    return new EvaluationConfig(estimators, interval, level, bootstrapReplicates, seed, threads, range, rewardRange, intervalFloors);
  }

  public EvaluationConfig withRewardRange(TermRange range) {
    return new EvaluationConfig(estimators, interval, level, bootstrapReplicates, seed, threads, termRange, range, intervalFloors);
  }

  /** Replicates to carry in the one pass: B for the bootstrap, none otherwise. */
  int replicatesToCarry() {
    return interval == IntervalMethod.BOOTSTRAP ? bootstrapReplicates : 0;
  }

  /**
   * The raw intervals of the chosen method, without the Wilson floor or the widening of
   * zero-width intervals (for comparisons with peers that have neither); DM stays labelled
   * model-conditional.
   */
  public EvaluationConfig withoutIntervalFloors() {
    return new EvaluationConfig(estimators, interval, level, bootstrapReplicates, seed, threads, termRange, rewardRange,
        false);
  }
}
