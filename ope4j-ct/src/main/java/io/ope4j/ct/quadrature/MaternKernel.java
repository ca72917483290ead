package io.ope4j.ct.quadrature;

/**
 * Matérn kernels of half-integer smoothness ν ∈ {1/2, 3/2, 5/2, 7/2} and their closed-form
 * integrals, the ingredients of Bayesian quadrature (Cao &amp; Pan, ICLR 2024, §4; Rasmussen &amp;
 * Williams, GPML 2006, eq. 4.16 for k). With c = √(2ν)/ℓ and r = |t - t'|:
 *
 * <pre>
 *   ν = 1/2: k = e^{-cr}                                  F(u) = (1 - e^{-cu})/c
 *   ν = 3/2: k = (1 + cr) e^{-cr}                         F(u) = (2/c)(1 - e^{-cu}) - u e^{-cu}
 *   ν = 5/2: k = (1 + cr + c²r²/3) e^{-cr}                F(u) = [8 - e^{-cu}(8 + 5cu + c²u²)]/(3c)
 *   ν = 7/2: k = (1 + cr + 2c²r²/5 + c³r³/15) e^{-cr}     F(u) = [48 - e^{-cu}(48 + 33cu + 9c²u² + c³u³)]/(15c)
 * </pre>
 *
 * where F(u) = ∫_0^u k(r) dr (continuous_time.md §5 table). Immutable.
 */
final class MaternKernel {

  private final int order;
  private final double lengthScale;
  private final double c;

  /**
   * @param nu 0.5, 1.5, 2.5 or 3.5
   * @param lengthScale ℓ &gt; 0
   * @throws IllegalArgumentException for other ν or a non-positive ℓ
   */
  public MaternKernel(double nu, double lengthScale) {
    if (nu != 0.5 && nu != 1.5 && nu != 2.5 && nu != 3.5) {
      throw new IllegalArgumentException("Matérn smoothness nu must be 0.5, 1.5, 2.5 or 3.5, got " + nu);
    }
    if (!(lengthScale > 0) || Double.isInfinite(lengthScale)) {
      throw new IllegalArgumentException("Matérn length scale must be positive and finite, got " + lengthScale);
    }
    this.order = (int) (nu - 0.5); // 0, 1, 2, 3
    this.lengthScale = lengthScale;
    this.c = Math.sqrt(2 * nu) / lengthScale;
  }

  public double nu() {
    return order + 0.5;
  }

  public double lengthScale() {
    return lengthScale;
  }

  /** k(r) for r = |t - t'| (GPML eq. 4.16 at half-integer ν). */
  public double value(double r) {
    double cr = c * Math.abs(r);
    double e = Math.exp(-cr);
    return switch (order) {
      case 0 -> e;
      case 1 -> (1 + cr) * e;
      case 2 -> (1 + cr + cr * cr / 3) * e;
      default -> (1 + cr + 2 * cr * cr / 5 + cr * cr * cr / 15) * e;
    };
  }

  /** F(u) = ∫_0^u k(r) dr for u ≥ 0 (continuous_time.md §5 table). */
  public double integral(double u) {
    double cu = c * u;
    double e = Math.exp(-cu);
    return switch (order) {
      case 0 -> (1 - e) / c;
      case 1 -> (2 / c) * (1 - e) - u * e;
      case 2 -> (8 - e * (8 + 5 * cu + cu * cu)) / (3 * c);
      default -> (48 - e * (48 + 33 * cu + 9 * cu * cu + cu * cu * cu)) / (15 * c);
    };
  }

  /** The kernel mean z(t) = ∫_a^b k(s, t) ds = F(t - a) + F(b - t) for t in [a, b]. */
  public double kernelMean(double t, double a, double b) {
    return integral(t - a) + integral(b - t);
  }
}
