package io.ope4j.interval;

import io.ope4j.data.UsageException;
import java.util.Locale;

/** How a confidence interval is computed. */
public enum IntervalMethod {
  /** Student-t interval from the per-round terms (delta method for self-normalised estimators). */
  T("t"),
  /** Percentile interval of a Poisson bootstrap keyed by (seed, row, replicate). */
  BOOTSTRAP("bootstrap"),
  /** Hoeffding's inequality for per-round terms in a known range (Hoeffding 1963). */
  HOEFFDING("hoeffding"),
  /** Empirical Bernstein bound (Maurer & Pontil 2009, Thm 4; Thomas et al. 2015). */
  BERNSTEIN("bernstein");

  private final String id;

  IntervalMethod(String id) {
    this.id = id;
  }

  /** The name used on the command line and in JSON output. */
  public String id() {
    return id;
  }

  /** Parses an id such as {@code bootstrap}; throws IllegalArgumentException listing the ids. */
  public static IntervalMethod parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (IntervalMethod method : values()) {
      if (method.id.equals(lower)) {
        return method;
      }
    }
    throw new UsageException(
        "unknown interval method '" + text + "'; known: t, bootstrap, hoeffding, bernstein");
  }
}
