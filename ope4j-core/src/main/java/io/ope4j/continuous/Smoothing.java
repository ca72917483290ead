package io.ope4j.continuous;

/**
 * How a continuous-action estimator weights a row: the numerator of the weight {@code
 * numerator_i / p_b(a_i | x_i)}. For a deterministic evaluation policy it is {@code K((pi_e(x_i) -
 * a_i) / h) / h}, a kernel and a bandwidth (Kallus & Zhou 2018, eq. 3); for a policy given by its
 * density it is that density at the logged action, with no kernel.
 *
 * @param kernel the kernel, or null for {@link #GIVEN_DENSITY}
 * @param bandwidth h > 0, or NaN for {@link #GIVEN_DENSITY}
 */
public record Smoothing(Kernel kernel, double bandwidth) implements java.io.Serializable {

  /** The evaluation policy's own density: no kernel. */
  public static final Smoothing GIVEN_DENSITY = new Smoothing(null, Double.NaN);

  public Smoothing {
    if (kernel != null && !(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("the bandwidth must be finite and > 0, got " + bandwidth);
    }
  }

  /** Whether the weight is the policy's given density rather than a kernel's. */
  public boolean givenDensity() {
    return kernel == null;
  }

  /**
   * The numerators of rows {@code [from, to)} of {@code batch}: written into {@code buffer} at the
   * same indices and returned, or, for a given density, the batch's own column.
   */
  double[] numerators(ContinuousBatch batch, int from, int to, double[] buffer) {
    if (givenDensity()) {
      return batch.target();
    }
    kernel.smooth(batch.target(), batch.action(), bandwidth, from, to, buffer);
    return buffer;
  }

  /** The spec's part, e.g. {@code :kernel=gaussian:bandwidth=0.25}; empty for a given density. */
  String specPart() {
    return givenDensity() ? "" : ":kernel=" + kernel.id() + ":bandwidth=" + ContinuousEstimators.format(bandwidth);
  }

  /** How messages name it, e.g. {@code gaussian kernel, bandwidth 0.25}. */
  String label() {
    return givenDensity() ? "the policy's density"
        : kernel.id() + " kernel, bandwidth " + ContinuousEstimators.format(bandwidth);
  }
}
