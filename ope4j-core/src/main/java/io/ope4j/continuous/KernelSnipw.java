package io.ope4j.continuous;

/**
 * Self-normalised kernel IPW, {@code sum(w * r) / sum(w)}, in which the bandwidth cancels
 * (Kallus & Zhou 2018, §3 with the normalisation of Swaminathan & Joachims 2015; OBP {@code
 * KernelizedSelfNormalizedInverseProbabilityWeighting}, whose code divides by {@code mean(K / p)}).
 */
record KernelSnipw(Smoothing smoothing) implements ContinuousEstimator {

  @Override
  public String id() {
    return "kernel-snipw";
  }

  @Override
  public String spec() {
    return id() + smoothing.specPart();
  }

  @Override
  public boolean selfNormalized() {
    return true;
  }

  @Override
  public void terms(ContinuousBatch batch, double[] numerator, int from, int to, double[] x, double[] d) {
    double[] reward = batch.reward();
    double[] density = batch.density();
    for (int i = from; i < to; i++) {
      double weight = numerator[i] / density[i];
      x[i - from] = weight * reward[i];
      d[i - from] = weight;
    }
  }
}
