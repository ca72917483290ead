package io.ope4j.continuous;

import io.ope4j.internal.stats.CounterRng;

/**
 * Draws the log of a {@link ContinuousSimulation} batch by batch, as a {@link ContinuousSource}
 * with every column (q-hat at both places). Each row's draws come from counter-based streams keyed
 * by the seed and the row, so the log is the same however it is cut.
 */
public final class ContinuousSimulator implements ContinuousSource {

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

  private final ContinuousSimulation simulation;
  private final long contextKey;
  private final long actionKey;
  private final long rewardKey;
  private final double[] context;
  private long nextRow;

  public ContinuousSimulator(ContinuousSimulation simulation) {
    this.simulation = simulation;
    long seed = simulation.seed();
    this.contextKey = CounterRng.key(seed, 1);
    this.actionKey = CounterRng.key(seed, 2);
    this.rewardKey = CounterRng.key(seed, 3);
    this.context = new double[simulation.contextDim()];
  }

  @Override
  public String name() {
    return "simulated log";
  }

  @Override
  public ContinuousLayout layout() {
    return new ContinuousLayout("pi", simulation.densityPolicy(), true, true);
  }

  @Override
  public boolean next(ContinuousBatch batch) {
    int size = (int) Math.min(batch.capacity(), simulation.rows() - nextRow);
    for (int i = 0; i < size; i++) {
      fillRow(nextRow + i, i, batch, context);
    }
    batch.setRows(nextRow, size);
    nextRow += size;
    return size > 0;
  }

  /**
   * Draws row {@code row} of the log into index {@code i} of {@code batch}; {@code x} receives the
   * context features.
   */
  public void fillRow(long row, int i, ContinuousBatch batch, double[] x) {
    ContinuousSimulation s = simulation;
    int d = x.length;
    double mean = 0;
    for (int j = 0; j < d; j++) {
      x[j] = CounterRng.gaussian(contextKey, row * d + j);
      mean += x[j];
    }
    mean /= d;
    double action = s.behaviorSlope() * mean + s.behaviorNoise() * CounterRng.gaussian(actionKey, row);
    double policyMean = s.policySlope() * mean + s.policyShift();
    batch.action()[i] = action;
    batch.density()[i] = normalDensity(action, s.behaviorSlope() * mean, s.behaviorNoise());
    batch.reward()[i] = meanReward(mean, action) + s.rewardNoise() * CounterRng.gaussian(rewardKey, row);
    batch.qLogged()[i] = meanReward(mean, action) + s.modelShift();
    if (s.densityPolicy()) {
      batch.target()[i] = normalDensity(action, policyMean, s.policyNoise());
      batch.qTarget()[i] = meanReward(mean, policyMean) - s.policyNoise() * s.policyNoise() + s.modelShift();
    } else {
      batch.target()[i] = policyMean;
      batch.qTarget()[i] = meanReward(mean, policyMean) + s.modelShift();
    }
  }

  /** The true mean reward {@code 2 + m - (a - m)^2}. */
  private static double meanReward(double mean, double action) {
    double gap = action - mean;
    return 2 + mean - gap * gap;
  }

  private static double normalDensity(double value, double mean, double sd) {
    double z = (value - mean) / sd;
    return Math.exp(-0.5 * z * z) * INV_SQRT_2PI / sd;
  }
}
