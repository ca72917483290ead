package io.ope4j.slate;

import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.Intervals;
import java.util.List;

/**
 * How to evaluate slates.
 *
 * @param estimators the estimators, in output order
 * @param method interval method: {@link IntervalMethod#T} or {@link IntervalMethod#BOOTSTRAP}
 * @param level confidence level in (0, 1)
 * @param replicates bootstrap replicates (used by the bootstrap only)
 * @param seed bootstrap seed
 * @param compatibility {@link SlateCompatibility#NONE}, or Open Bandit Pipeline's bootstrap
 */
public record SlateConfig(List<SlateEstimator> estimators, IntervalMethod method, double level,
    int replicates, long seed, SlateCompatibility compatibility) implements java.io.Serializable {

  public SlateConfig {
    estimators = List.copyOf(estimators);
    if (estimators.isEmpty()) {
      throw new IllegalArgumentException("no slate estimator given");
    }
    if (method != IntervalMethod.T && method != IntervalMethod.BOOTSTRAP) {
      throw new IllegalArgumentException(
          "slate logs take --ci t or bootstrap, got " + method.id());
    }
    Intervals.checkLevel(level);
    if (method == IntervalMethod.BOOTSTRAP && replicates < 2) {
      throw new IllegalArgumentException("bootstrap needs >= 2 replicates, got " + replicates);
    }
  }

  /** Defaults: 95% t intervals, 1000 replicates, seed 0, ope4j's own intervals. */
  public static SlateConfig of(List<SlateEstimator> estimators) {
    return new SlateConfig(estimators, IntervalMethod.T, 0.95, 1000, 0L, SlateCompatibility.NONE);
  }

  /** This configuration with another interval method, replicates and seed. */
  public SlateConfig withInterval(IntervalMethod newMethod, int newReplicates, long newSeed) {
    return new SlateConfig(estimators, newMethod, level, newReplicates, newSeed, compatibility);
  }

  /** This configuration with another level. */
  public SlateConfig withLevel(double newLevel) {
    return new SlateConfig(estimators, method, newLevel, replicates, seed, compatibility);
  }

  /** This configuration with another compatibility mode. */
  public SlateConfig withCompatibility(SlateCompatibility newCompatibility) {
    return new SlateConfig(estimators, method, level, replicates, seed, newCompatibility);
  }

  /** Poisson replicates carried in the pass (0 unless ope4j's bootstrap). */
  int poissonReplicates() {
    return method == IntervalMethod.BOOTSTRAP && compatibility == SlateCompatibility.NONE
        ? replicates : 0;
  }

  /** Whether every slate's vector is kept for Open Bandit Pipeline's index bootstrap. */
  boolean keepsSlates() {
    return method == IntervalMethod.BOOTSTRAP && compatibility == SlateCompatibility.OBP;
  }
}
