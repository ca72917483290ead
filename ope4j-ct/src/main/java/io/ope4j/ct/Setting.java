package io.ope4j.ct;

import io.ope4j.data.UsageException;
import java.util.Locale;

/**
 * The three continuous-time objectives of continuous_time.md §1 (Jia &amp; Zhou, JMLR 2022, §2).
 */
public enum Setting {
  /** J(t,x) = E[∫_t^T e^{-β(s-t)} r ds + e^{-β(T-t)} h(X_T)]: needs a payoff on each path's last row. */
  FINITE,
  /** β &gt; 0, T = ∞: J(x) = E[∫_t^∞ e^{-β(s-t)} r ds]. */
  DISCOUNTED,
  /** (J, V) with LJ + r - V = 0: V is the average reward, J is unique up to a constant. */
  ERGODIC;

  /** Parses {@code finite}, {@code discounted} or {@code ergodic}. */
  public static Setting parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new UsageException("setting must be finite, discounted or ergodic, got '" + text + "'");
    }
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
