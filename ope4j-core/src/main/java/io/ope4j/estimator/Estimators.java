package io.ope4j.estimator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry from the estimator ids of formats.md to estimators. A spec is an id optionally
 * followed by {@code :name=value} hyperparameters separated by {@code :} or {@code ;}, e.g.
 * {@code ipw}, {@code ipw:clip=100}, {@code switch-dr:lambda=5}, {@code dr-os:lambda=inf}.
 */
public final class Estimators {

  /** Every id, in the order they are listed to users. */
  public static final List<String> IDS =
      List.of("dm", "ipw", "snipw", "dr", "sndr", "switch-dr", "dr-os", "ipw-sg", "dr-sg");

  private Estimators() {}

  /**
   * Parses one spec.
   *
   * @throws IllegalArgumentException naming the spec and what is wrong with it: an unknown id,
   *     an unknown or missing hyperparameter, or a value out of range
   */
  public static Estimator parse(String spec) {
    String trimmed = spec.trim();
    String[] parts = trimmed.split("[:;]");
    String id = parts[0].trim().toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].split("=", 2);
      if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
        throw bad(spec, "hyperparameters are written name=value, got '" + parts[i] + "'");
      }
      if (params.put(pair[0].trim().toLowerCase(Locale.ROOT), pair[1].trim()) != null) {
        throw bad(spec, "hyperparameter '" + pair[0].trim() + "' given twice");
      }
    }
    Estimator estimator =
        switch (id) {
          case "dm" -> new Dm();
          case "ipw" -> new Ipw(clip(spec, params));
          case "snipw" -> new Snipw();
          case "dr" -> new Dr(clip(spec, params));
          case "sndr" -> new Sndr();
          case "switch-dr" -> new SwitchDr(lambda(spec, params, Double.POSITIVE_INFINITY));
          case "dr-os" -> new DrOs(lambda(spec, params, Double.POSITIVE_INFINITY));
          case "ipw-sg" -> new IpwSg(lambda(spec, params, 1.0));
          case "dr-sg" -> new DrSg(lambda(spec, params, 1.0));
          default -> throw bad(spec, "unknown estimator id '" + id + "'; known: " + String.join(", ", IDS));
        };
    if (!params.isEmpty()) {
      throw bad(spec, "unknown hyperparameter '" + params.keySet().iterator().next() + "' for " + id);
    }
    return estimator;
  }

  /** Parses a comma-separated list of specs, e.g. {@code ipw,snipw,dr:clip=100}. */
  public static List<Estimator> parseList(String specs) {
    List<Estimator> estimators = new ArrayList<>();
    for (String spec : specs.split(",")) {
      if (spec.isBlank()) {
        throw new IllegalArgumentException("empty estimator spec in '" + specs + "'");
      }
      estimators.add(parse(spec));
    }
    return estimators;
  }

  private static double clip(String spec, Map<String, String> params) {
    String text = params.remove("clip");
    if (text == null) {
      return Double.POSITIVE_INFINITY;
    }
    double clip = number(spec, "clip", text);
    if (!(clip > 0)) {
      throw bad(spec, "clip must be > 0, got " + text);
    }
    return clip;
  }

  private static double lambda(String spec, Map<String, String> params, double max) {
    String text = params.remove("lambda");
    if (text == null) {
      throw bad(spec, "needs lambda=VALUE (e.g. " + spec.trim() + ":lambda=" + (max == 1.0 ? "0.1" : "100") + ")");
    }
    double lambda = number(spec, "lambda", text);
    if (!(lambda >= 0 && lambda <= max)) {
      throw bad(spec, "lambda must be in [0, " + Specs.format(max) + "], got " + text);
    }
    return lambda;
  }

  private static double number(String spec, String name, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("inf") || lower.equals("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      double value = Double.parseDouble(text);
      if (Double.isNaN(value)) {
        throw bad(spec, name + " must be a number, got " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw bad(spec, name + " must be a number, got '" + text + "'");
    }
  }

  private static IllegalArgumentException bad(String spec, String problem) {
    return new IllegalArgumentException("estimator '" + spec.trim() + "': " + problem);
  }
}
