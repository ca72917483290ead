package io.ope4j.sequence;

import io.ope4j.data.UsageException;
import java.util.Locale;

/**
 * Confidence sequences for the mean of a stream of per-row terms, by method: the entry point for
 * code that watches a stream (the {@code monitor} command, a deployment gate's per-row difference
 * of two policies' terms). Each sequence holds at every row at once with probability at least
 * {@code 1 - alpha}; its lower end alone is a one-sided lower bound at the same level.
 *
 * <pre>{@code
 * ConfidenceSequence sequence = ConfidenceSequences.create(Method.BETTING, -1, 1, 0.05, 10_000);
 * for (double difference : differences) {
 *   sequence.add(difference);
 *   if (sequence.interval().lower() > 0) break; // settled: the mean is positive
 * }
 * }</pre>
 */
public final class ConfidenceSequences {

  private ConfidenceSequences() {}

  /** How the sequence is built. */
  public enum Method {
    /** Empirical-Bernstein betting with a gamma mixture (Karampatziakis, Mineiro &amp; Ramdas 2021); needs a range. */
    BETTING("betting"),
    /** Hedged capital (Waudby-Smith &amp; Ramdas 2024); needs a range. */
    HEDGED("hedged"),
    /** Asymptotic, Gaussian mixture (Waudby-Smith et al. 2024); no range, valid as the rows grow. */
    ASYMPTOTIC("asymptotic");

    private final String id;

    Method(String id) {
      this.id = id;
    }

    /** The name used on the command line and in output. */
    public String id() {
      return id;
    }

    /** Whether the method needs a known range of the terms. */
    public boolean needsRange() {
      return this != ASYMPTOTIC;
    }

    /** Parses an id such as {@code betting}; a usage error listing the ids otherwise. */
    public static Method parse(String text) {
      String lower = text.trim().toLowerCase(Locale.ROOT);
      for (Method method : values()) {
        if (method.id.equals(lower)) {
          return method;
        }
      }
      throw new UsageException("unknown confidence sequence '" + text + "'; known: betting, hedged, asymptotic");
    }
  }

  /**
   * A sequence for terms in [lo, hi] (ignored by {@link Method#ASYMPTOTIC}) at error {@code alpha}.
   *
   * @param targetRows for {@link Method#ASYMPTOTIC}, the number of rows at which it is narrowest
   */
  public static ConfidenceSequence create(Method method, double lo, double hi, double alpha, double targetRows) {
    return switch (method) {
      case BETTING -> new BoundedBettingSequence(lo, hi, alpha);
      case HEDGED -> new HedgedCapitalSequence(lo, hi, alpha, HedgedCapitalSequence.DEFAULT_GRID);
      case ASYMPTOTIC -> new AsymptoticSequence(alpha, targetRows);
    };
  }

  static void checkAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
  }

  static void checkRange(double lo, double hi) {
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("the range needs finite lo < hi, got [" + lo + ", " + hi + "]");
    }
  }
}
