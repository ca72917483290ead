package io.ope4j.ct.intrl;

/**
 * Example 2 of Cao &amp; Pan (ICLR 2024, §5; from Vrabie &amp; Lewis 2009): ẋ₁ = -x₁ + x₂, ẋ₂ =
 * -½(x₁ + x₂) + ½x₂ sin²x₁ + sin(x₁)u, Q = I₂, R = 1. Its optimal value is x₁²/2 + x₂², i.e. w* =
 * [0.5, 0, 1] on φ = [x₁², x₁x₂, x₂²], with u* = -sin(x₁)x₂ (continuous_time.md §6 IntRL).
 */
public final class SinSystem implements ControlAffineSystem {

  private static final double[][] Q = {{1, 0}, {0, 1}};

  @Override
  public int dim() {
    return 2;
  }

  @Override
  public void drift(double[] x, double[] out) {
    double s = Math.sin(x[0]);
    out[0] = -x[0] + x[1];
    out[1] = -0.5 * (x[0] + x[1]) + 0.5 * x[1] * s * s;
  }

  @Override
  public void inputGain(double[] x, double[] out) {
    out[0] = 0;
    out[1] = Math.sin(x[0]);
  }

  @Override
  public double[][] stateCost() {
    return Q;
  }

  @Override
  public double inputCost() {
    return 1;
  }
}
