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
  BERNSTEIN("bernstein"),
  /**
   * Empirical-likelihood interval of the Cressie-Read (power -2) divergence, F(1, n) calibrated,
   * for rewards in a known range (Karampatziakis, Langford &amp; Mineiro 2020; vw-estimators {@code
   * cressieread.Interval}).
   */
  CRESSIE_READ("cressie-read"),
  /**
   * Clopper-Pearson interval on weighted fractional successes, for rewards in a known range
   * (Clopper &amp; Pearson 1934; vw-estimators {@code clopper_pearson}).
   */
  CLOPPER_PEARSON("clopper-pearson"),
  /**
   * One-sided high-confidence lower bound on importance-weighted returns truncated at a threshold
   * chosen on a held-out split (Thomas, Theocharous &amp; Ghavamzadeh 2015, AAAI, Theorem 1); for
   * trajectory logs (tis, pdis) with a stated reward range. Its upper end is the range's bound.
   */
  HCOPE("hcope");

  private final String id;

  IntervalMethod(String id) {
    this.id = id;
  }

  /**
   * Whether the interval comes from the likelihood of the weights and rewards alone, so that it
   * applies only to estimators of the value from them (ipw, snipw, cressie-read, mle).
   */
  public boolean fromLikelihood() {
    return this == CRESSIE_READ || this == CLOPPER_PEARSON;
  }

  /** Whether the interval is a one-sided lower bound (its upper end is only the range's). */
  public boolean oneSided() {
    return this == HCOPE;
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
        "unknown interval method '" + text + "'; known: " + known());
  }

  /** Every id, comma-separated. */
  static String known() {
    StringBuilder ids = new StringBuilder();
    for (IntervalMethod method : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(method.id);
    }
    return ids.toString();
  }
}
