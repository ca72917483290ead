package io.ope4j.continuous;

import java.util.Locale;

/**
 * The smoothing kernels of the kernelised estimators, each a density on the real line with mean 0
 * (Kallus & Zhou 2018, §3; the forms of Open Bandit Pipeline 0.5.5 {@code obp/ope/helper.py}).
 * The three compact kernels are exactly 0 for {@code |u| >= 1}; Open Bandit Pipeline's cosine kernel
 * returns {@code 4.8e-17} there (a rounding of {@code cos(pi/2)}), which ope4j does not reproduce.
 */
public enum Kernel {
  /** {@code exp(-u^2 / 2) / sqrt(2 pi)}. */
  GAUSSIAN,
  /** {@code 0.75 (1 - u^2)} on {@code |u| < 1}. */
  EPANECHNIKOV,
  /** {@code 1 - |u|} on {@code |u| < 1}. */
  TRIANGULAR,
  /** {@code (pi / 4) cos(pi u / 2)} on {@code |u| < 1}. */
  COSINE;

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
  private static final double QUARTER_PI = Math.PI / 4;
  private static final double HALF_PI = Math.PI / 2;

  /** The id used in specs, e.g. {@code gaussian}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kernel's variance {@code int u^2 K(u) du}: 1, 1/5, 1/6 and {@code 1 - 8 / pi^2}. A
   * bandwidth h smooths a quadratic reward by exactly {@code h^2} times it.
   */
  public double variance() {
    return switch (this) {
      case GAUSSIAN -> 1.0;
      case EPANECHNIKOV -> 0.2;
      case TRIANGULAR -> 1.0 / 6;
      case COSINE -> 1 - 8 / (Math.PI * Math.PI);
    };
  }

  /** The kernel's value at {@code u}. */
  public double at(double u) {
    double a = Math.abs(u);
    return switch (this) {
      case GAUSSIAN -> Math.exp(-0.5 * u * u) * INV_SQRT_2PI;
      case EPANECHNIKOV -> a < 1 ? 0.75 * (1 - u * u) : 0.0;
      case TRIANGULAR -> a < 1 ? 1 - a : 0.0;
      case COSINE -> a < 1 ? QUARTER_PI * Math.cos(u * HALF_PI) : 0.0;
    };
  }

  /**
   * Writes {@code K((target_i - action_i) / h) / h} for rows {@code [from, to)} into {@code out} at
   * the same indices: the kernel's weight of the logged action around the evaluation action. One
   * loop per kernel, so that the loop body has no branch on the kernel.
   */
  public void smooth(double[] target, double[] action, double bandwidth, int from, int to, double[] out) {
    double h = bandwidth;
    switch (this) {
      case GAUSSIAN -> {
        for (int i = from; i < to; i++) {
          double u = (target[i] - action[i]) / h;
          out[i] = Math.exp(-0.5 * u * u) * INV_SQRT_2PI / h;
        }
      }
      default -> {
        for (int i = from; i < to; i++) {
          out[i] = at((target[i] - action[i]) / h) / h;
        }
      }
    }
  }

  /** The kernel whose {@link #id()} is {@code id} (any case), or null. */
  public static Kernel byId(String id) {
    for (Kernel kernel : values()) {
      if (kernel.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return kernel;
      }
    }
    return null;
  }
}
