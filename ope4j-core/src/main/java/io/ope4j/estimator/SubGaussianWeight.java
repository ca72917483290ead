package io.ope4j.estimator;

/**
 * The sub-Gaussian weight {@code w / (1 - lambda + lambda * w)}, lambda in [0, 1] (Metelli,
 * Russo & Restelli 2021, eq. 8; OBP {@code SubGaussianInverseProbabilityWeighting}). A zero
 * weight stays 0 (OBP divides 0/0 when lambda = 1).
 */
final class SubGaussianWeight {

  private SubGaussianWeight() {}

  static double of(double weight, double lambda) {
    return weight == 0.0 ? 0.0 : weight / (1.0 - lambda + lambda * weight);
  }
}
