package io.ope4j.internal.stats;

/** Running smallest and largest values of components kept in two arrays. Not part of the public API. */
public final class Extremes {

  private Extremes() {}

  /** Widens {@code min[component]} and {@code max[component]} to cover {@code values[0, length)}. */
  public static void widen(double[] min, double[] max, int component, double[] values, int length) {
    double lo = min[component];
    double hi = max[component];
    for (int i = 0; i < length; i++) {
      double v = values[i];
      if (v < lo) {
        lo = v;
      }
      if (v > hi) {
        hi = v;
      }
    }
    min[component] = lo;
    max[component] = hi;
  }
}
