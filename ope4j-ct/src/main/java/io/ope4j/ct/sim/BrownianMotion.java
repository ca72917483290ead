package io.ope4j.ct.sim;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.ScalarPathSimulator;
import io.ope4j.internal.stats.CounterRng;

/**
 * dX = σ dW with r = h = x², β = 0, horizon T = KΔt, sampled exactly, X_0 ~ N(0, s0²) (s0 = 0:
 * X_0 = 0). J(t,x) = x²(1+τ) + σ²(τ + τ²/2), τ = T - t (continuous_time.md §6 G2).
 */
public record BrownianMotion(double sigma, double startSpread, double stepSize, int steps, long seed)
    implements ScalarPathSimulator {

  public BrownianMotion {
    Checks.positive("sigma", sigma);
    Checks.finite("start spread", startSpread);
    Checks.grid(stepSize, steps);
  }

  @Override
  public void start(long path, double[] state, int offset) {
    state[offset] = startSpread * CounterRng.gaussian(CounterRng.key(seed, path), Checks.START_COUNTER);
  }

  @Override
  public void advance(long path, int step, double[] state, int offset) {
    state[offset] += sigma * Math.sqrt(stepSize) * CounterRng.gaussian(CounterRng.key(seed, path), step);
  }

  @Override
  public double reward(long path, int step, double[] state, int offset) {
    return state[offset] * state[offset];
  }

  @Override
  public double payoff(double[] state, int offset) {
    return state[offset] * state[offset];
  }

  @Override
  public CtProblem problem() {
    return CtProblem.finite(0, stepSize * steps);
  }
}
