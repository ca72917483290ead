package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Inverse propensity weighting, {@code mean(min(w, clip) * r)} (Horvitz & Thompson 1952; OBP
 * {@code InverseProbabilityWeighting} with {@code lambda_} = clip). Clipping caps the weight;
 * no row is dropped.
 */
record Ipw(double clip) implements ClippableEstimator, ClippedWeight {

  @Override
  public Ipw clipped(double newClip) {
    return new Ipw(ClippableEstimator.checkClip(newClip));
  }

  @Override
  public String id() {
    return "ipw";
  }

  @Override
  public String spec() {
    return Specs.withParam(id(), "clip", clip);
  }

  @Override
  public boolean needsModel() {
    return false;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    int clipped = 0;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      if (weight > clip) {
        weight = clip;
        clipped++;
      }
      x[i - from] = weight * reward[i];
    }
    return clipped;
  }
}
