package io.ope4j.slate;

import java.util.Locale;

/** How a simulated user clicks down a slate (docs/slates.md, "Simulating"). */
public enum ClickModel {
  /**
   * Each position is examined with probability {@code 1 / (l + 1)} and clicked when examined with
   * the item's attractiveness, independently of the other items (the position-based model,
   * Richardson et al. 2007): IIPS is unbiased.
   */
  INDEPENDENT,
  /**
   * The user scans from the top, clicks an item with its attractiveness and stops after the first
   * click (Craswell et al. 2008): a position's reward depends on the items above it, and RIPS is
   * unbiased where IIPS is not.
   */
  CASCADE;

  /** The model named {@code text}. */
  public static ClickModel parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "independent" -> INDEPENDENT;
      case "cascade" -> CASCADE;
      default -> throw new IllegalArgumentException(
          "click model must be independent or cascade, got '" + text + "'");
    };
  }

  /** The id written in truth files. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
