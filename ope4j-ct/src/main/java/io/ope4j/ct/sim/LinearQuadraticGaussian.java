package io.ope4j.ct.sim;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.ScalarPathSimulator;
import io.ope4j.internal.stats.CounterRng;

/**
 * The ergodic linear–quadratic system of Jia &amp; Zhou (JMLR 2022, §5.3; continuous_time.md §6
 * G5): dX = (AX + Ba)dt + (CX + Da)dW with A = -1, B = C = 0, D = 1, under the Gaussian policy a
 * ~ N(p₁x + p₂, s²), one action drawn per step and held over it (Euler steps). The reward rate
 * includes the entropy term: r = -(Mx²/2 + Rxa + Na²/2 + Px + Qa) - γ ln π(a|x) with M = N = Q =
 * 2, R = P = 1. The truth is {@link io.ope4j.ct.ClosedForms#ergodicLq}.
 */
public final class LinearQuadraticGaussian implements ScalarPathSimulator {

  private final double p1;
  private final double p2;
  private final double actionVariance;
  private final double gamma;
  private final double x0;
  private final double stepSize;
  private final int steps;
  private final long seed;
  private final double actionSd;
  private final double sqrtStep;
  private final double logNormaliser;

  public LinearQuadraticGaussian(double p1, double p2, double actionVariance, double gamma, double x0,
      double stepSize, int steps, long seed) {
    Checks.finite("p1", p1);
    Checks.finite("p2", p2);
    Checks.positive("action variance", actionVariance);
    Checks.finite("gamma", gamma);
    Checks.finite("x0", x0);
    Checks.grid(stepSize, steps);
    this.p1 = p1;
    this.p2 = p2;
    this.actionVariance = actionVariance;
    this.gamma = gamma;
    this.x0 = x0;
    this.stepSize = stepSize;
    this.steps = steps;
    this.seed = seed;
    this.actionSd = Math.sqrt(actionVariance);
    this.sqrtStep = Math.sqrt(stepSize);
    this.logNormaliser = 0.5 * Math.log(2 * Math.PI * actionVariance);
  }

  @Override
  public double stepSize() {
    return stepSize;
  }

  @Override
  public int steps() {
    return steps;
  }

  @Override
  public void start(long path, double[] state, int offset) {
    state[offset] = x0;
  }

  /** The action at (path, step): p₁x + p₂ + s·Z, Z from counter 2·step. */
  double action(long key, int step, double x) {
    return p1 * x + p2 + actionSd * CounterRng.gaussian(key, 2L * step);
  }

  @Override
  public void advance(long path, int step, double[] state, int offset) {
    long key = CounterRng.key(seed, path);
    double x = state[offset];
    double a = action(key, step, x);
    double z = CounterRng.gaussian(key, 2L * step + 1);
    state[offset] = x - x * stepSize + a * sqrtStep * z; // Euler: dX = -X dt + a dW
  }

  @Override
  public double rewardThenAdvance(long path, int step, double[] state, int offset) {
    long key = CounterRng.key(seed, path);
    double x = state[offset];
    double a = action(key, step, x);
    double z = CounterRng.gaussian(key, 2L * step + 1);
    state[offset] = x - x * stepSize + a * sqrtStep * z; // the same Euler step as advance
    return reward(x, a);
  }

  @Override
  public double reward(long path, int step, double[] state, int offset) {
    double x = state[offset];
    return reward(x, action(CounterRng.key(seed, path), step, x));
  }

  private double reward(double x, double a) {
    double mean = p1 * x + p2;
    double logDensity = -(a - mean) * (a - mean) / (2 * actionVariance) - logNormaliser;
    // Jia & Zhou 2022 §5.3: r = -(Mx²/2 + Rxa + Na²/2 + Px + Qa) with M=N=Q=2, R=P=1, plus entropy -γ ln π
    return -(x * x + x * a + a * a + x + 2 * a) - gamma * logDensity;
  }

  @Override
  public double payoff(double[] state, int offset) {
    return Double.NaN;
  }

  @Override
  public CtProblem problem() {
    return CtProblem.ergodic();
  }
}
