package io.ope4j.ct.sim;

import io.ope4j.ct.CtProblem;
import io.ope4j.ct.ScalarPathSimulator;
import io.ope4j.internal.stats.CounterRng;

/**
 * Risk-neutral dS = ρS dt + σS dW, sampled exactly: S' = S exp((ρ - σ²/2)Δt + σ√Δt Z); no
 * running reward, payoff (S_T - K)⁺ (call) or (K - S_T)⁺ (put), discount β = ρ, horizon T = KΔt.
 * By Feynman–Kac, J(t, S) is the Black–Scholes price (continuous_time.md §6 G3). S_0 = s0 ·
 * exp(spread·Z - spread²/2), so that paths cover a range of spots.
 */
public record GeometricBrownianMotion(double rate, double vol, double strike, boolean call, double s0,
    double startSpread, double stepSize, int steps, long seed) implements ScalarPathSimulator {

  public GeometricBrownianMotion {
    Checks.finite("rate", rate);
    if (rate < 0) {
      throw new IllegalArgumentException("rate must be >= 0 (it is the discount rate), got " + rate);
    }
    Checks.positive("vol", vol);
    Checks.positive("strike", strike);
    Checks.positive("s0", s0);
    Checks.finite("start spread", startSpread);
    Checks.grid(stepSize, steps);
  }

  @Override
  public void start(long path, double[] state, int offset) {
    double z = CounterRng.gaussian(CounterRng.key(seed, path), Checks.START_COUNTER);
    state[offset] = s0 * Math.exp(startSpread * z - startSpread * startSpread / 2);
  }

  @Override
  public void advance(long path, int step, double[] state, int offset) {
    double z = CounterRng.gaussian(CounterRng.key(seed, path), step);
    state[offset] *= Math.exp((rate - vol * vol / 2) * stepSize + vol * Math.sqrt(stepSize) * z); // exact GBM step
  }

  @Override
  public double reward(long path, int step, double[] state, int offset) {
    return 0;
  }

  @Override
  public double payoff(double[] state, int offset) {
    return Math.max(0, call ? state[offset] - strike : strike - state[offset]);
  }

  @Override
  public CtProblem problem() {
    return CtProblem.finite(rate, stepSize * steps);
  }
}
