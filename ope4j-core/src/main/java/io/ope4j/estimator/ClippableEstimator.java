package io.ope4j.estimator;

/**
 * An estimator whose importance weights can be capped, e.g. {@code Estimators.ipw().clipped(100)},
 * the same estimator as the spec {@code ipw:clip=100}.
 */
public interface ClippableEstimator extends Estimator {

  /**
   * This estimator with every importance weight capped at {@code clip} (no row is dropped).
   *
   * @throws IllegalArgumentException unless {@code clip > 0}
   */
  ClippableEstimator clipped(double clip);

  /** {@code clip}, checked as the spec parser checks it. */
  static double checkClip(double clip) {
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip must be > 0, got " + Specs.format(clip));
    }
    return clip;
  }
}
