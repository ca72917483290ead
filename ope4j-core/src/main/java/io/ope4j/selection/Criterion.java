package io.ope4j.selection;

import io.ope4j.data.UsageException;
import io.ope4j.engine.Estimate;
import java.util.Locale;

/** What candidate policies are ranked by when they are selected for an online test. */
public enum Criterion {
  /** The point estimate: the best guess of each policy's value. */
  ESTIMATE("estimate"),
  /**
   * The lower end of the confidence interval: the value each policy is, with the interval's
   * confidence, at least worth. Prefers policies that are both good and well supported by the log
   * (a high-confidence, conservative choice; Thomas et al. 2015, "High-confidence off-policy
   * evaluation").
   */
  LOWER_BOUND("lower-bound");

  private final String id;

  Criterion(String id) {
    this.id = id;
  }

  /** The name used on the command line and in JSON output. */
  public String id() {
    return id;
  }

  /** The number this criterion ranks {@code estimate} by; may be NaN or infinite. */
  public double score(Estimate estimate) {
    return this == ESTIMATE ? estimate.value() : estimate.interval().lower();
  }

  /** Parses {@code estimate} or {@code lower-bound}; throws IllegalArgumentException otherwise. */
  public static Criterion parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    for (Criterion criterion : values()) {
      if (criterion.id.equals(lower)) {
        return criterion;
      }
    }
    throw new UsageException("unknown criterion '" + text + "'; known: estimate, lower-bound");
  }
}
