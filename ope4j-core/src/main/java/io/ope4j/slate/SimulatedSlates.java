package io.ope4j.slate;

/** Slates {@code 0..n-1} of a {@link SlateSimulator} as a source, without a file between. */
final class SimulatedSlates implements SlateSource {

  private final SlateSimulator simulator;
  private final long slates;
  private final SlateSimulator.Slate slate;
  private final double[] policyRow;
  private long next;

  SimulatedSlates(SlateSimulator simulator, long slates) {
    this.simulator = simulator;
    this.slates = slates;
    this.slate = simulator.newSlate();
    this.policyRow = new double[simulator.config().items()];
  }

  @Override
  public String name() {
    return "simulated slates";
  }

  @Override
  public int slateLength() {
    return simulator.config().length();
  }

  @Override
  public boolean supports(SlateEstimator estimator) {
    return true;
  }

  @Override
  public int next(SlateBatch batch) {
    batch.clear();
    int length = slateLength();
    int k = simulator.config().items();
    while (!batch.full() && next < slates) {
      simulator.draw(next, slate);
      int s = batch.startSlate(next++);
      batch.setSlateWeight(s, slate.evaluationJoint / slate.behaviourJoint);
      for (int l = 0; l < length; l++) {
        batch.setReward(s, l, slate.rewards[l]);
        batch.setPositionWeight(s, l, slate.evaluationMarginal[l] / slate.behaviourMarginal[l]);
        batch.setPrefixWeight(s, l, slate.evaluationPrefix[l] / slate.behaviourPrefix[l]);
        slate.evaluationRow(l, policyRow);
        double expected = 0.0;
        for (int a = 0; a < k; a++) {
          expected += policyRow[a] * slate.modelRows[l * k + a];
        }
        batch.setModel(s, l, slate.modelRows[l * k + slate.items[l]], expected);
      }
    }
    return batch.count();
  }

  @Override
  public void close() {}
}
