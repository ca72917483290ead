package io.ope4j.estimator;

/** Formatting of hyperparameters in estimator specs. */
final class Specs {

  private Specs() {}

  /** {@code id:name=value}, or the bare id when the value is the default (infinite). */
  static String withParam(String id, String name, double value) {
    if (value == Double.POSITIVE_INFINITY && name.equals("clip")) {
      return id;
    }
    return id + ":" + name + "=" + format(value);
  }

  static String format(double value) {
    if (value == Double.POSITIVE_INFINITY) {
      return "inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
