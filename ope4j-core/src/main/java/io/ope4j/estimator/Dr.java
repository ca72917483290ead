package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/**
 * Doubly robust, {@code mean(q(pi) + min(w, clip) * (r - q(a_i)))} (Dudík, Langford & Li 2011;
 * OBP {@code DoublyRobust} with {@code lambda_} = clip).
 */
record Dr(double clip) implements ClippableEstimator, ClippedWeight {

  @Override
  public Dr clipped(double newClip) {
    return new Dr(ClippableEstimator.checkClip(newClip));
  }

  @Override
  public String id() {
    return "dr";
  }

  @Override
  public String spec() {
    return Specs.withParam(id(), "clip", clip);
  }

  @Override
  public boolean needsModel() {
    return true;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    double[] pi = batch.piLogged(policy);
    double[] pscore = batch.pscore();
    double[] reward = batch.reward();
    double[] qLogged = batch.qLogged();
    double[] qExpected = batch.qExpected(policy);
    int clipped = 0;
    for (int i = from; i < to; i++) {
      double weight = pi[i] / pscore[i];
      if (weight > clip) {
        weight = clip;
        clipped++;
      }
      x[i - from] = qExpected[i] + weight * (reward[i] - qLogged[i]);
    }
    return clipped;
  }
}
