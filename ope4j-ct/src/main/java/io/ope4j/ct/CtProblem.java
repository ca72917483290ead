package io.ope4j.ct;

/**
 * What is evaluated: the setting, the discount rate β (per unit time) and, for the finite
 * horizon, the horizon T (features see τ = T - t).
 *
 * @param setting finite, discounted or ergodic
 * @param beta discount rate β ≥ 0; &gt; 0 when discounted; 0 when ergodic
 * @param horizon T for the finite setting, else NaN
 */
public record CtProblem(Setting setting, double beta, double horizon) {

  public CtProblem {
    if (setting == null) {
      throw new IllegalArgumentException("setting is required");
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    switch (setting) {
      case FINITE -> {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
          throw new IllegalArgumentException("the finite setting needs a horizon T > 0, got " + horizon);
        }
      }
      case DISCOUNTED -> {
        if (!(beta > 0)) {
          throw new IllegalArgumentException("the discounted setting needs beta > 0, got " + beta);
        }
      }
      case ERGODIC -> {
        if (beta != 0) {
          throw new IllegalArgumentException("the ergodic setting has no discount; beta must be 0, got " + beta);
        }
      }
    }
    if (setting != Setting.FINITE) {
      horizon = Double.NaN;
    }
  }

  public static CtProblem finite(double beta, double horizon) {
    return new CtProblem(Setting.FINITE, beta, horizon);
  }

  public static CtProblem discounted(double beta) {
    return new CtProblem(Setting.DISCOUNTED, beta, Double.NaN);
  }

  public static CtProblem ergodic() {
    return new CtProblem(Setting.ERGODIC, 0, Double.NaN);
  }

  /** g = e^{-βΔt} (continuous_time.md §3). */
  public double discount(double dt) {
    return Math.exp(-beta * dt);
  }

  /** τ = T - t in the finite setting, else 0. */
  public double timeToGo(double t) {
    return setting == Setting.FINITE ? horizon - t : 0;
  }
}
