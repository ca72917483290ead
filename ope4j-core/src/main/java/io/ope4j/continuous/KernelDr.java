package io.ope4j.continuous;

/**
 * Kernel doubly robust, {@code mean(q(pi) + w * (r - q(a)))}: q-hat at the evaluation action as
 * the direct term, q-hat at the logged action in the residual (Kallus & Zhou 2018, eq. 5). With
 * {@code obp}, Open Bandit Pipeline 0.5.5's {@code KernelizedDoublyRobust}, which takes one
 * reward-model array and uses it in both places: {@code mean(q(pi) + w * (r - q(pi)))}.
 *
 * @param obp whether to reproduce Open Bandit Pipeline's single-array form ({@code compat=obp})
 */
record KernelDr(Smoothing smoothing, boolean obp) implements ContinuousEstimator {

  @Override
  public String id() {
    return "kernel-dr";
  }

  @Override
  public String spec() {
    return id() + smoothing.specPart() + (obp ? ":compat=obp" : "");
  }

  @Override
  public boolean needsTargetModel() {
    return true;
  }

  @Override
  public boolean needsLoggedModel() {
    return !obp;
  }

  @Override
  public void terms(ContinuousBatch batch, double[] numerator, int from, int to, double[] x, double[] d) {
    double[] reward = batch.reward();
    double[] density = batch.density();
    double[] qTarget = batch.qTarget();
    double[] qResidual = obp ? qTarget : batch.qLogged();
    for (int i = from; i < to; i++) {
      x[i - from] = qTarget[i] + numerator[i] / density[i] * (reward[i] - qResidual[i]);
    }
  }
}
