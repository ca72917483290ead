package io.ope4j.ct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gaussian radial basis functions exp(-‖x - c‖²/(2w²)) of the state, with centres on a regular
 * grid of {@code perAxis} points per coordinate over [lo, hi] (perAxis^d features). Immutable.
 */
final class RbfFeatures implements Features {

  private final int dim;
  private final double[] centres;
  private final double inverseTwoWidthSquared;
  private final List<String> names;

  public RbfFeatures(int dim, int perAxis, double width, double lo, double hi) {
    if (dim < 1 || perAxis < 1 || !(width > 0) || !(hi >= lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("rbf needs centres per axis >= 1, width > 0 and lo <= hi, got "
          + perAxis + ", " + width + ", [" + lo + ", " + hi + "]");
    }
    int count = (int) Math.pow(perAxis, dim);
    if (count > 10_000) {
      throw new IllegalArgumentException("rbf grid of " + perAxis + "^" + dim + " centres is too large");
    }
    this.dim = dim;
    this.centres = new double[count * dim];
    List<String> all = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int rest = k;
      StringBuilder name = new StringBuilder("rbf(");
      for (int i = 0; i < dim; i++) {
        int index = rest % perAxis;
        rest /= perAxis;
        double c = perAxis == 1 ? (lo + hi) / 2 : lo + (hi - lo) * index / (perAxis - 1);
        centres[k * dim + i] = c;
        name.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "%.4g", c));
      }
      all.add(name.append(')').toString());
    }
    this.names = List.copyOf(all);
    this.inverseTwoWidthSquared = 1 / (2 * width * width);
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public boolean dependsOnTime() {
    return false;
  }

  @Override
  public void values(double t, double tau, double[] x, int xOffset, double[] out, int outOffset) {
    int count = names.size();
    for (int k = 0; k < count; k++) {
      double squared = 0;
      for (int i = 0; i < dim; i++) {
        double d = x[xOffset + i] - centres[k * dim + i];
        squared += d * d;
      }
      out[outOffset + k] = Math.exp(-squared * inverseTwoWidthSquared);
    }
  }
}
