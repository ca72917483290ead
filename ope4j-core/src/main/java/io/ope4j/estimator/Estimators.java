package io.ope4j.estimator;

import io.ope4j.data.UsageException;
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

  /** What to run when the user names no estimator: the model-based ones only with a model. */
  public static final String DEFAULT_WITH_MODEL = "dm,ipw,snipw,dr,sndr";

  /** The default without reward-model predictions. */
  public static final String DEFAULT_WITHOUT_MODEL = "ipw,snipw";

  private Estimators() {}

  /** {@code specs} parsed, or the defaults for a log with or without a reward model when null. */
  public static List<Estimator> parseListOrDefault(String specs, boolean withModel) {
    return parseList(specs != null ? specs : withModel ? DEFAULT_WITH_MODEL : DEFAULT_WITHOUT_MODEL);
  }

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
          case "switch-dr", "dr-os", "ipw-sg", "dr-sg" -> lambdaFamily(spec, id, params);
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
        throw new UsageException("empty estimator spec in '" + specs + "'");
      }
      Estimator estimator = parse(spec);
      for (Estimator earlier : estimators) {
        if (earlier.spec().equals(estimator.spec())) {
          throw new UsageException("estimator '" + estimator.spec() + "' is listed twice in '" + specs + "'");
        }
      }
      estimators.add(estimator);
    }
    return estimators;
  }

  // Typed factories: each returns an estimator equal to the one its spec parses to.

  /** The direct method, spec {@code dm}. */
  public static Estimator dm() {
    return new Dm();
  }

  /** Inverse propensity weighting, spec {@code ipw}; {@code ipw().clipped(100)} is {@code ipw:clip=100}. */
  public static ClippableEstimator ipw() {
    return new Ipw(Double.POSITIVE_INFINITY);
  }

  /** Self-normalised IPW, spec {@code snipw}. */
  public static Estimator snipw() {
    return new Snipw();
  }

  /** Doubly robust, spec {@code dr}; {@code dr().clipped(100)} is {@code dr:clip=100}. */
  public static ClippableEstimator dr() {
    return new Dr(Double.POSITIVE_INFINITY);
  }

  /** Self-normalised doubly robust, spec {@code sndr}. */
  public static Estimator sndr() {
    return new Sndr();
  }

  /** Switch-DR with threshold {@code lambda} in [0, inf], spec {@code switch-dr:lambda=VALUE}. */
  public static Estimator switchDr(double lambda) {
    return new SwitchDr(checkedLambda("switch-dr", lambda, Double.POSITIVE_INFINITY));
  }

  /** DR with optimistic shrinkage {@code lambda} in [0, inf], spec {@code dr-os:lambda=VALUE}. */
  public static Estimator drOs(double lambda) {
    return new DrOs(checkedLambda("dr-os", lambda, Double.POSITIVE_INFINITY));
  }

  /** IPW with sub-Gaussian weights, {@code lambda} in [0, 1], spec {@code ipw-sg:lambda=VALUE}. */
  public static Estimator ipwSg(double lambda) {
    return new IpwSg(checkedLambda("ipw-sg", lambda, 1.0));
  }

  /** DR with sub-Gaussian weights, {@code lambda} in [0, 1], spec {@code dr-sg:lambda=VALUE}. */
  public static Estimator drSg(double lambda) {
    return new DrSg(checkedLambda("dr-sg", lambda, 1.0));
  }

  /** Switch-DR with lambda chosen by SLOPE from the default candidates, spec {@code switch-dr:lambda=slope}. */
  public static Estimator switchDrSlope() {
    return parse("switch-dr:lambda=slope");
  }

  /** DRos with lambda chosen by SLOPE from the default candidates, spec {@code dr-os:lambda=slope}. */
  public static Estimator drOsSlope() {
    return parse("dr-os:lambda=slope");
  }

  /** IPW-SG with lambda chosen by SLOPE from the default candidates, spec {@code ipw-sg:lambda=slope}. */
  public static Estimator ipwSgSlope() {
    return parse("ipw-sg:lambda=slope");
  }

  /** DR-SG with lambda chosen by SLOPE from the default candidates, spec {@code dr-sg:lambda=slope}. */
  public static Estimator drSgSlope() {
    return parse("dr-sg:lambda=slope");
  }

  private static double checkedLambda(String id, double lambda, double max) {
    if (!(lambda >= 0 && lambda <= max)) {
      throw new UsageException("estimator '" + id + "': lambda must be in [0, " + Specs.format(max)
          + "], got " + Specs.format(lambda));
    }
    return lambda;
  }

  /**
   * Default SLOPE candidates for Switch-DR and DRos. OBP's tuners have no default list; this is
   * the one of OBP 0.5.5 examples/obd/evaluate_off_policy_estimators.py ({@code ope_estimators}).
   */
  static final double[] DEFAULT_LAMBDAS = {10, 50, 100, 500, 1000, 5000, 10000, Double.POSITIVE_INFINITY};

  /**
   * Default SLOPE candidates for the sub-Gaussian family, whose lambda lies in [0, 1]: ope4j's own
   * grid (OBP has none), from no shrinkage to plain IPW.
   */
  static final double[] DEFAULT_SG_LAMBDAS = {0.0, 0.001, 0.01, 0.05, 0.1, 0.5, 1.0};

  /**
   * SLOPE's default confidence parameter for every tuned family, as OBP 0.5.5
   * obp/ope/estimators_tuning.py BaseOffPolicyEstimatorTuning.delta (its docstrings' 0.05 for
   * the sub-Gaussian tuners is not what the code uses).
   */
  static final double DEFAULT_DELTA = 0.1;

  private static Estimator lambdaFamily(String spec, String id, Map<String, String> params) {
    boolean subGaussian = id.endsWith("-sg");
    double max = subGaussian ? 1.0 : Double.POSITIVE_INFINITY;
    if (!"slope".equalsIgnoreCase(params.get("lambda"))) {
      for (String tuningOnly : List.of("lambdas", "delta")) {
        if (params.containsKey(tuningOnly)) {
          throw bad(spec, tuningOnly + " is used only with lambda=slope");
        }
      }
      return single(id, lambda(spec, params, max));
    }
    params.remove("lambda");
    StringBuilder written = new StringBuilder(id).append(":lambda=slope");
    boolean defaultLambdas = !params.containsKey("lambdas");
    boolean defaultDelta = !params.containsKey("delta");
    double[] lambdas = params.containsKey("lambdas")
        ? lambdaList(spec, params.remove("lambdas"), max)
        : (subGaussian ? DEFAULT_SG_LAMBDAS : DEFAULT_LAMBDAS).clone();
    double delta = params.containsKey("delta")
        ? number(spec, "delta", params.remove("delta"))
        : DEFAULT_DELTA;
    if (!(delta > 0 && delta < 1)) {
      throw bad(spec, "delta must be in (0, 1), got " + Specs.format(delta));
    }
    // OBP 0.5.5 obp/ope/estimators_tuning.py, each *Tuning.__post_init__: lambdas.sort(reverse=True)
    // for Switch-DR, lambdas.sort() for DRos and the sub-Gaussian pair.
    java.util.Arrays.sort(lambdas);
    if (id.equals("switch-dr")) {
      for (int i = 0, j = lambdas.length - 1; i < j; i++, j--) {
        double swap = lambdas[i];
        lambdas[i] = lambdas[j];
        lambdas[j] = swap;
      }
    }
    List<Estimator> candidates = new ArrayList<>();
    for (int i = 0; i < lambdas.length; i++) {
      candidates.add(single(id, lambdas[i]));
      if (!defaultLambdas) {
        written.append(i == 0 ? ":lambdas=" : "|").append(Specs.format(lambdas[i]));
      }
    }
    if (!defaultDelta) {
      written.append(":delta=").append(Specs.format(delta));
    }
    return new SlopeTuned(written.toString(), id, candidates, delta);
  }

  private static Estimator single(String id, double lambda) {
    return switch (id) {
      case "switch-dr" -> new SwitchDr(lambda);
      case "dr-os" -> new DrOs(lambda);
      case "ipw-sg" -> new IpwSg(lambda);
      default -> new DrSg(lambda);
    };
  }

  private static double[] lambdaList(String spec, String text, double max) {
    // One candidate is allowed, as in OBP (BaseOffPolicyEstimatorTuning._check_lambdas): it is
    // then the choice.
    String[] parts = text.split("\\|", -1);
    double[] lambdas = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      lambdas[i] = number(spec, "lambdas", parts[i].trim());
      if (!(lambdas[i] >= 0 && lambdas[i] <= max)) {
        throw bad(spec, "every lambda must be in [0, " + Specs.format(max) + "], got " + parts[i].trim());
      }
    }
    return lambdas;
  }

  private static double clip(String spec, Map<String, String> params) {
    String text = params.remove("clip");
    if (text == null) {
      // no clipping: OBP 0.5.5 obp/ope/estimators.py InverseProbabilityWeighting and
      // DoublyRobust, lambda_ = np.inf
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

  private static UsageException bad(String spec, String problem) {
    return new UsageException("estimator '" + spec.trim() + "': " + problem);
  }
}
