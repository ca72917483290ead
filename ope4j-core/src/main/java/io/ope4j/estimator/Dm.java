package io.ope4j.estimator;

import io.ope4j.data.BanditBatch;

/** Direct method: {@code mean(q(pi))} (Beygelzimer & Langford 2009; OBP {@code DirectMethod}). */
record Dm() implements Estimator {

  @Override
  public String id() {
    return "dm";
  }

  @Override
  public boolean needsModel() {
    return true;
  }

  /** The direct method never weights: a log without pscore will do. */
  @Override
  public boolean needsPscore() {
    return false;
  }

  @Override
  public int terms(BanditBatch batch, int policy, int from, int to, double[] y, double[] x, double[] d) {
    System.arraycopy(batch.qExpected(policy), from, x, 0, to - from);
    return 0;
  }
}
