package io.ope4j.ct.sim;

/** Argument checks shared by the simulators. */
final class Checks {

  /** Counter of the first start-state draw: far above any step counter. */
  static final long START_COUNTER = 1L << 40;

  private Checks() {}

  static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
    }
  }

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  static void grid(double stepSize, int steps) {
    positive("dt", stepSize);
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
  }
}
