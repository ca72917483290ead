package io.ope4j.ct;

import org.hipparchus.special.Erf;

/**
 * The closed-form ground truths of continuous_time.md §6, used by the tests and offered to
 * users who check a fit against a known answer. Static methods only.
 */
public final class ClosedForms {

  private ClosedForms() {}

  /**
   * G1: the value of r = x² under dX = -κX dt + σ dW, discount β: V(x) = c2 x² + c0 with c2 =
   * 1/(β+2κ), c0 = σ²/(β(β+2κ)) (Jia &amp; Zhou, JMLR 2022, §5.1; continuous_time.md §6 G1).
   * Returns {c0, c2}.
   */
  public static double[] ouValue(double kappa, double sigma, double beta) {
    return new double[] {sigma * sigma / (beta * (beta + 2 * kappa)), 1 / (beta + 2 * kappa)};
  }

  /**
   * G1 discrete fixed point of LSTD/TD(0) with rectangle rewards R = rΔt and exact OU steps,
   * basis ⊇ {1, x²}: c2 = Δt/(1-E), E = e^{-(β+2κ)Δt} (continuous_time.md §6 G1).
   */
  public static double ouC2Rectangle(double kappa, double beta, double dt) {
    return dt / (1 - Math.exp(-(beta + 2 * kappa) * dt));
  }

  /** G1 discrete fixed point with trapezoid rewards: c2 = (Δt/2)(1+E)/(1-E) (continuous_time.md §6 G1). */
  public static double ouC2Trapezoid(double kappa, double beta, double dt) {
    double e = Math.exp(-(beta + 2 * kappa) * dt);
    return dt / 2 * (1 + e) / (1 - e);
  }

  /**
   * G1 discrete constant for both rules: c0 = (σ²Δt/2κ)[1/(1-g) - 1/(1-E)], g = e^{-βΔt}
   * (continuous_time.md §6 G1).
   */
  public static double ouC0(double kappa, double sigma, double beta, double dt) {
    double g = Math.exp(-beta * dt);
    double e = Math.exp(-(beta + 2 * kappa) * dt);
    return sigma * sigma * dt / (2 * kappa) * (1 / (1 - g) - 1 / (1 - e));
  }

  /** G1 first-order TD form J_{k+1} - J_k + r_kΔt - βJ_kΔt, rectangle: c2 = Δt/(1 + βΔt - e^{-2κΔt}). */
  public static double ouC2FirstOrder(double kappa, double beta, double dt) {
    return dt / (1 + beta * dt - Math.exp(-2 * kappa * dt));
  }

  /**
   * G2: J(t, x) = x²(1+τ) + σ²(τ + τ²/2), τ = T - t, for dX = σ dW, r = h = x², β = 0
   * (continuous_time.md §6 G2).
   */
  public static double brownianValue(double sigma, double horizon, double t, double x) {
    double tau = horizon - t;
    return x * x * (1 + tau) + sigma * sigma * (tau + tau * tau / 2);
  }

  /** G2 with rectangle rewards on a grid of step Δt: J_Δt(0,x) = x²(1+T) + σ²(T + T(T-Δt)/2). */
  public static double brownianRectangleValue(double sigma, double horizon, double dt, double x) {
    return x * x * (1 + horizon) + sigma * sigma * (horizon + horizon * (horizon - dt) / 2);
  }

  /**
   * G3: Black–Scholes call C = S N(d₁) - K e^{-rτ} N(d₂), d₁,₂ = [ln(S/K) + (r ± σ²/2)τ]/(σ√τ)
   * (Black &amp; Scholes, JPE 1973, eq. 13; continuous_time.md §6 G3).
   */
  public static double blackScholesCall(double spot, double strike, double rate, double vol, double tau) {
    double sd = vol * Math.sqrt(tau);
    double d1 = (Math.log(spot / strike) + (rate + vol * vol / 2) * tau) / sd;
    double d2 = d1 - sd;
    return spot * normalCdf(d1) - strike * Math.exp(-rate * tau) * normalCdf(d2);
  }

  /** G3: the put by parity, P = C - S + K e^{-rτ} (continuous_time.md §6 G3). */
  public static double blackScholesPut(double spot, double strike, double rate, double vol, double tau) {
    return blackScholesCall(spot, strike, rate, vol, tau) - spot + strike * Math.exp(-rate * tau);
  }

  /** Φ(x) = erfc(-x/√2)/2. */
  public static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  /**
   * G5: the ergodic LQ truth for A = -1, B = C = 0, D = 1, M = N = Q = 2, R = P = 1 and a
   * Gaussian policy N(p₁x + p₂, s²) with p₁² &lt; 2 and entropy temperature γ: J = ½k2x² + k1x
   * and the average reward V (Jia &amp; Zhou, JMLR 2022, §5.3; continuous_time.md §6 G5).
   *
   * @return {k2, k1, V}
   */
  public static double[] ergodicLq(double p1, double p2, double s2, double gamma) {
    if (!(p1 * p1 < 2) || !(s2 > 0)) {
      throw new IllegalArgumentException("G5 needs p1² < 2 and s² > 0, got p1 = " + p1 + ", s² = " + s2);
    }
    double k2 = (1 + p1 + p1 * p1) / (p1 * p1 / 2 - 1);
    double k1 = p1 * p2 * k2 - (p2 + 2 * p1 * p2 + 1 + 2 * p1);
    double v = 0.5 * (p2 * p2 + s2) * k2 - p2 * p2 - s2 - 2 * p2
        + gamma / 2 * Math.log(2 * Math.PI * Math.E * s2);
    return new double[] {k2, k1, v};
  }
}
