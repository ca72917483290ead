package io.ope4j.io.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Number formatting shared by every report: tables, CSV and JSON. */
public final class Formats {

  private Formats() {}

  /** Six significant digits for tables; NaN and inf spelled out. */
  public static String num(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%.6g", value);
  }

  /** Shortest round-trip form for CSV; empty when not finite. */
  public static String csv(double value) {
    return Double.isFinite(value) ? Double.toString(value) : "";
  }

  /** A confidence level as a percentage, e.g. {@code 95%} or {@code 99.5%}. */
  public static String percent(double level) {
    double p = 100 * level;
    return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%s%%", p);
  }

  /** Puts a number, or null when it is not finite. */
  public static void put(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  /** Puts an array of numbers, null where not finite. */
  public static void putArray(ObjectNode node, String key, double[] values) {
    ArrayNode array = node.putArray(key);
    for (double value : values) {
      if (Double.isFinite(value)) {
        array.add(value);
      } else {
        array.addNull();
      }
    }
  }
}
