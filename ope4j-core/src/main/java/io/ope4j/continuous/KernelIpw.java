package io.ope4j.continuous;

/**
 * Kernel inverse propensity weighting, {@code mean(w * r)} with {@code w = K(u) / h / p_b}
 * (Kallus & Zhou 2018, "Policy Evaluation and Optimization with Continuous Treatments", eq. 3; OBP
 * {@code KernelizedInverseProbabilityWeighting}).
 */
record KernelIpw(Smoothing smoothing) implements ContinuousEstimator {

  @Override
  public String id() {
    return "kernel-ipw";
  }

  @Override
  public String spec() {
    return id() + smoothing.specPart();
  }

  @Override
  public void terms(ContinuousBatch batch, double[] numerator, int from, int to, double[] x, double[] d) {
    double[] reward = batch.reward();
    double[] density = batch.density();
    for (int i = from; i < to; i++) {
      x[i - from] = numerator[i] / density[i] * reward[i];
    }
  }
}
