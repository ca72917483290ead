package io.ope4j.interval;

import io.ope4j.data.UsageException;

/**
 * A range known to hold every per-round term of a plain estimator, for Hoeffding and Bernstein
 * bounds (e.g. [0, 1] for clipped-at-1 binary rewards, or [0, clip * max reward] for clipped
 * IPW).
 */
public record TermRange(double lower, double upper) implements java.io.Serializable {

  public TermRange {
    if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
      throw new UsageException(
          "a term range needs finite lower < upper, got [" + lower + ", " + upper + "]");
    }
  }

  /** Parses {@code lo,hi}. */
  public static TermRange parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new UsageException("a term range is written LO,HI, got '" + text + "'");
    }
    try {
      return new TermRange(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new UsageException("a term range is written LO,HI, got '" + text + "'");
    }
  }
}
