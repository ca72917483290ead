package io.ope4j.decision;

import io.ope4j.data.UsageException;
import java.util.Locale;

/** Which one-sided bound on the paired difference decides the gate. */
public enum GateBound {
  /** {@code estimate - t_{n-1}(1 - alpha) * stderr}: the Student t bound (asymptotically valid). */
  T,
  /** The alpha-quantile of Poisson-bootstrap replicates of the difference (Efron & Tibshirani 1993, §13.3). */
  BOOTSTRAP,
  /**
   * Empirical Bernstein (Maurer & Pontil 2009, Thm 4; the bound of Thomas, Theocharous &
   * Ghavamzadeh 2015, HCOPE): valid at any n without normality, for terms within their range.
   */
  BERNSTEIN;

  /** The lower-case id: t, bootstrap, bernstein. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws UsageException for anything but t, bootstrap or bernstein */
  public static GateBound parse(String text) {
    for (GateBound bound : values()) {
      if (bound.id().equalsIgnoreCase(text.trim())) {
        return bound;
      }
    }
    throw new UsageException("--bound must be t, bootstrap or bernstein, got '" + text + "'");
  }
}
