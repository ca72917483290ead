package io.ope4j.models;

/** Formatting of hyperparameters for descriptions. */
final class Numbers {

  private Numbers() {}

  /** {@code 100} rather than {@code 100.0}; otherwise {@link Double#toString}. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
