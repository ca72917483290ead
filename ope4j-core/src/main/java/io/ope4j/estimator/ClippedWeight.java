package io.ope4j.estimator;

/** An estimator that caps each importance weight at {@code clip} (none when it is infinite). */
interface ClippedWeight extends WeightAltering {

  /** The cap; positive infinity keeps every weight. */
  double clip();

  @Override
  default double altered(double weight) {
    return Math.min(weight, clip());
  }

  @Override
  default boolean altersWeights() {
    return clip() != Double.POSITIVE_INFINITY;
  }
}
