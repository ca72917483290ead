package io.ope4j.ct.sim;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.ScalarPathSimulator;
import io.ope4j.internal.stats.CounterRng;

/**
 * dX = -κX dt + σ dW with reward rate r = x², sampled exactly: X' = e^{-κΔt}X +
 * σ√((1-e^{-2κΔt})/2κ) Z (continuous_time.md §6 G1). Paths start in the stationary law N(0,
 * σ²/2κ), or at a fixed x0. For the discounted problem with rate β: V = x²/(β+2κ) +
 * σ²/(β(β+2κ)).
 */
public final class OrnsteinUhlenbeck implements ScalarPathSimulator {

  private final double kappa;
  private final double sigma;
  private final double beta;
  private final double stepSize;
  private final int steps;
  private final double fixedStart;
  private final long seed;
  private final double decay;
  private final double spread;

  /**
   * @param fixedStart x0, or NaN for the stationary start N(0, σ²/2κ)
   */
  public OrnsteinUhlenbeck(double kappa, double sigma, double beta, double stepSize, int steps, double fixedStart,
      long seed) {
    Checks.positive("kappa", kappa);
    Checks.positive("sigma", sigma);
    Checks.positive("beta", beta);
    Checks.grid(stepSize, steps);
    this.kappa = kappa;
    this.sigma = sigma;
    this.beta = beta;
    this.stepSize = stepSize;
    this.steps = steps;
    this.fixedStart = fixedStart;
    this.seed = seed;
    this.decay = Math.exp(-kappa * stepSize);
    this.spread = sigma * Math.sqrt((1 - decay * decay) / (2 * kappa)); // exact OU transition
  }

  @Override
  public double stepSize() {
    return stepSize;
  }

  @Override
  public int steps() {
    return steps;
  }

  /** Stationary start. */
  public static OrnsteinUhlenbeck stationary(double kappa, double sigma, double beta, double dt, int steps, long seed) {
    return new OrnsteinUhlenbeck(kappa, sigma, beta, dt, steps, Double.NaN, seed);
  }

  @Override
  public void start(long path, double[] state, int offset) {
    state[offset] = Double.isNaN(fixedStart)
        ? sigma / Math.sqrt(2 * kappa) * CounterRng.gaussian(CounterRng.key(seed, path), Checks.START_COUNTER)
        : fixedStart;
  }

  @Override
  public void advance(long path, int step, double[] state, int offset) {
    state[offset] = decay * state[offset] + spread * CounterRng.gaussian(CounterRng.key(seed, path), step);
  }

  @Override
  public double reward(long path, int step, double[] state, int offset) {
    return state[offset] * state[offset];
  }

  @Override
  public double payoff(double[] state, int offset) {
    return Double.NaN;
  }

  @Override
  public CtProblem problem() {
    return CtProblem.discounted(beta);
  }
}
