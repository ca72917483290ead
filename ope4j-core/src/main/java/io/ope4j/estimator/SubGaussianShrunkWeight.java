package io.ope4j.estimator;

/** An estimator that shrinks each importance weight by {@link SubGaussianWeight} (none when lambda is 0). */
interface SubGaussianShrunkWeight extends WeightAltering {

  /** The shrinkage, in [0, 1]. */
  double lambda();

  @Override
  default double altered(double weight) {
    return SubGaussianWeight.of(weight, lambda());
  }

  @Override
  default boolean altersWeights() {
    return lambda() != 0.0;
  }
}
