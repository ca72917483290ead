package io.ope4j.selection;

import io.ope4j.data.UsageException;
import java.util.Locale;

/**
 * What candidate policies of a trajectory log are ranked by: the mean's point estimate or the
 * lower end of its interval ({@link Criterion}), or a risk function of the estimated return
 * distribution: {@code cvar:A}, the mean of the worst A share of returns (Rockafellar &amp; Uryasev
 * 2002), or {@code lower-quantile:A}, the A quantile (SCOPE-RL's OPS by CVaR and by lower quartile,
 * Kiyohara et al. 2023).
 *
 * @param kind which number ranks
 * @param alpha the level of {@code cvar} (in (0, 1]) or {@code lower-quantile} (in (0, 0.5]); NaN
 *     for the others
 */
public record TrajectoryCriterion(Kind kind, double alpha) {

  /** The four criteria. */
  public enum Kind {
    ESTIMATE, LOWER_BOUND, CVAR, LOWER_QUANTILE
  }

  /** Whether the criterion ranks by a risk function of the return distribution. */
  public boolean usesDistribution() {
    return kind == Kind.CVAR || kind == Kind.LOWER_QUANTILE;
  }

  /** As typed: {@code estimate}, {@code lower-bound}, {@code cvar:0.1}, {@code lower-quantile:0.1}. */
  public String id() {
    return switch (kind) {
      case ESTIMATE -> "estimate";
      case LOWER_BOUND -> "lower-bound";
      case CVAR -> "cvar:" + alpha;
      case LOWER_QUANTILE -> "lower-quantile:" + alpha;
    };
  }

  /**
   * Parses {@code estimate}, {@code lower-bound}, {@code cvar:A} or {@code lower-quantile:A}.
   *
   * @throws UsageException naming the text otherwise, or for A out of range
   */
  public static TrajectoryCriterion parse(String text) {
    String lower = text.trim().toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    String name = colon < 0 ? lower : lower.substring(0, colon);
    if (name.equals("estimate") || name.equals("lower-bound")) {
      if (colon >= 0) {
        throw new UsageException("criterion '" + text + "' takes no level");
      }
      return new TrajectoryCriterion(name.equals("estimate") ? Kind.ESTIMATE : Kind.LOWER_BOUND,
          Double.NaN);
    }
    if (!name.equals("cvar") && !name.equals("lower-quantile")) {
      throw new UsageException("unknown criterion '" + text
          + "'; known: estimate, lower-bound, cvar:A, lower-quantile:A");
    }
    double alpha;
    try {
      alpha = colon < 0 ? Double.NaN : Double.parseDouble(lower.substring(colon + 1));
    } catch (NumberFormatException e) {
      alpha = Double.NaN;
    }
    double most = name.equals("cvar") ? 1.0 : 0.5;
    if (!(alpha > 0 && alpha <= most)) {
      throw new UsageException("criterion '" + text + "': " + name + ":A needs A in (0, " + most + "]");
    }
    return new TrajectoryCriterion(name.equals("cvar") ? Kind.CVAR : Kind.LOWER_QUANTILE, alpha);
  }
}
