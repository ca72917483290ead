package io.ope4j.ct;

import java.util.List;

/**
 * Feature functions φ(t, x) of a linear value family J^θ = θᵀφ (Jia &amp; Zhou, JMLR 2022, §4.1).
 * Features see the time t, the time-to-go τ = T - t (finite horizon; 0 otherwise) and the state.
 * Implementations are immutable and thread-safe; {@link #values} allocates nothing.
 *
 * @see Bases#parse(String, List)
 */
public interface Features {

  /** Number of features p. */
  int size();

  /** One name per feature, e.g. {@code x^2*tau}. */
  List<String> names();

  /** Whether any feature depends on t or τ (not allowed in the stationary settings). */
  boolean dependsOnTime();

  /** Writes φ(t, τ, x) into {@code out[outOffset, outOffset + size())}; x is {@code x[xOffset..]}. */
  void values(double t, double tau, double[] x, int xOffset, double[] out, int outOffset);

  /** The features of {@code parts}, one after the other. */
  static Features concat(List<Features> parts) {
    return new ConcatFeatures(parts);
  }
}
