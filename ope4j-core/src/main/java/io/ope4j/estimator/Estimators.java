package io.ope4j.estimator;

import io.ope4j.data.UsageException;
import io.ope4j.internal.spec.KeyValueSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry from the estimator ids of formats.md to estimators. A spec is an id optionally
 * followed by {@code :name=value} hyperparameters separated by {@code :} or {@code ;}, e.g.
 * {@code ipw}, {@code ipw:clip=100}, {@code switch-dr:lambda=5}, {@code dr-os:lambda=inf}.
 */
public final class Estimators {

  /** Every id, in the order they are listed to users. */
  public static final List<String> IDS =
      List.of("dm", "ipw", "snipw", "dr", "sndr", "switch-dr", "dr-os", "ipw-sg", "dr-sg",
          "ipw-balanced", "ipw-weighted", "dr-balanced", "dr-weighted", "mips", "snmips", "cressie-read", "mle");

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
    KeyValueSpec parsed = KeyValueSpec.parse(spec, "estimator", "hyperparameter");
    String id = parsed.id();
    Estimator estimator =
        switch (id) {
          case "dm" -> new Dm();
          case "ipw" -> new Ipw(clip(parsed));
          case "snipw" -> new Snipw();
          case "dr" -> new Dr(clip(parsed));
          case "sndr" -> new Sndr();
          case "switch-dr", "dr-os", "ipw-sg", "dr-sg" -> lambdaFamily(parsed);
          case "ipw-balanced", "ipw-weighted", "dr-balanced", "dr-weighted" ->
              new MultiLogger(id.startsWith("dr"), id.endsWith("weighted"), clip(parsed));
          case "mips", "snmips" -> MipsSpecs.parse(parsed);
          case "cressie-read" -> new CressieReadEstimator();
          case "mle" -> new MleEstimator();
          default -> throw parsed.error("unknown estimator id '" + id + "'; known: " + String.join(", ", IDS));
        };
    parsed.requireNoneLeft();
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

  /**
   * {@code estimators} with a known action-embedding distribution bound to those that read one
   * ({@code mips}, {@code snmips}); the others unchanged.
   */
  public static List<Estimator> withEmbeddingTable(List<Estimator> estimators, io.ope4j.data.EmbeddingTable table) {
    List<Estimator> bound = new ArrayList<>();
    for (Estimator estimator : estimators) {
      bound.add(estimator.withEmbeddingTable(table));
    }
    return bound;
  }

  /**
   * {@code estimators} with a fitted action model bound to those that read one ({@code
   * mips:pae=fitted}); the others unchanged.
   */
  public static List<Estimator> withActionPosterior(List<Estimator> estimators, io.ope4j.data.ActionPosterior posterior) {
    List<Estimator> bound = new ArrayList<>();
    for (Estimator estimator : estimators) {
      bound.add(estimator.withActionPosterior(posterior));
    }
    return bound;
  }

  /** Whether any of {@code estimators} reads a fitted action model. */
  public static boolean needActionPosterior(List<Estimator> estimators) {
    for (Estimator estimator : estimators) {
      if (estimator.needsActionPosterior()) {
        return true;
      }
    }
    return false;
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

  /** The Cressie-Read (power -2) empirical-likelihood estimate, spec {@code cressie-read}. */
  public static Estimator cressieRead() {
    return new CressieReadEstimator();
  }

  /** The empirical-likelihood MLE, spec {@code mle} (its state keeps every row's weight and reward). */
  public static Estimator mle() {
    return new MleEstimator();
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

  /** IPW with the loggers' mixture propensity, spec {@code ipw-balanced}; {@code clipped(C)} is {@code :clip=C}. */
  public static ClippableEstimator ipwBalanced() {
    return new MultiLogger(false, false, Double.POSITIVE_INFINITY);
  }

  /** Precision-weighted IPW over several loggers, spec {@code ipw-weighted}. */
  public static ClippableEstimator ipwWeighted() {
    return new MultiLogger(false, true, Double.POSITIVE_INFINITY);
  }

  /** DR with the loggers' mixture propensity, spec {@code dr-balanced}. */
  public static ClippableEstimator drBalanced() {
    return new MultiLogger(true, false, Double.POSITIVE_INFINITY);
  }

  /** Precision-weighted DR over several loggers, spec {@code dr-weighted}. */
  public static ClippableEstimator drWeighted() {
    return new MultiLogger(true, true, Double.POSITIVE_INFINITY);
  }

  /**
   * MIPS over every embedding dimension with the paper's joint marginal, spec {@code mips}; bind
   * the known table with {@link #withEmbeddingTable} or {@link Estimator#withEmbeddingTable}.
   */
  public static Estimator mips() {
    return new Mips(false, false, null, null);
  }

  /** Self-normalised MIPS, spec {@code snmips}. */
  public static Estimator snmips() {
    return new Mips(true, false, null, null);
  }

  /** MIPS with the embedding dimensions chosen by SLOPE's exact search, spec {@code mips:dims=slope}. */
  public static Estimator mipsSlope() {
    return parse("mips:dims=slope");
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

  private static Estimator lambdaFamily(KeyValueSpec spec) {
    String id = spec.id();
    boolean subGaussian = id.endsWith("-sg");
    double max = subGaussian ? 1.0 : Double.POSITIVE_INFINITY;
    if (!"slope".equalsIgnoreCase(spec.peek("lambda"))) {
      for (String tuningOnly : List.of("lambdas", "delta")) {
        if (spec.has(tuningOnly)) {
          throw spec.error(tuningOnly + " is used only with lambda=slope");
        }
      }
      return single(id, lambda(spec, max));
    }
    spec.take("lambda");
    StringBuilder written = new StringBuilder(id).append(":lambda=slope");
    boolean defaultLambdas = !spec.has("lambdas");
    boolean defaultDelta = !spec.has("delta");
    double[] lambdas = spec.has("lambdas")
        ? lambdaList(spec, spec.take("lambdas"), max)
        : (subGaussian ? DEFAULT_SG_LAMBDAS : DEFAULT_LAMBDAS).clone();
    double delta = spec.number("delta", "delta", DEFAULT_DELTA);
    if (!(delta > 0 && delta < 1)) {
      throw spec.error("delta must be in (0, 1), got " + Specs.format(delta));
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

  private static double[] lambdaList(KeyValueSpec spec, String text, double max) {
    // One candidate is allowed, as in OBP (BaseOffPolicyEstimatorTuning._check_lambdas): it is
    // then the choice.
    String[] parts = text.split("\\|", -1);
    double[] lambdas = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      lambdas[i] = spec.toNumber("lambdas", parts[i].trim());
      if (!(lambdas[i] >= 0 && lambdas[i] <= max)) {
        throw spec.error("every lambda must be in [0, " + Specs.format(max) + "], got " + parts[i].trim());
      }
    }
    return lambdas;
  }

  private static double clip(KeyValueSpec spec) {
    String text = spec.take("clip");
    if (text == null) {
      // no clipping: OBP 0.5.5 obp/ope/estimators.py InverseProbabilityWeighting and
      // DoublyRobust, lambda_ = np.inf
      return Double.POSITIVE_INFINITY;
    }
    double clip = spec.toNumber("clip", text);
    if (!(clip > 0)) {
      throw spec.error("clip must be > 0, got " + text);
    }
    return clip;
  }

  private static double lambda(KeyValueSpec spec, double max) {
    String text = spec.take("lambda");
    if (text == null) {
      throw spec.error("needs lambda=VALUE (e.g. " + spec.text() + ":lambda=" + (max == 1.0 ? "0.1" : "100") + ")");
    }
    double lambda = spec.toNumber("lambda", text);
    if (!(lambda >= 0 && lambda <= max)) {
      throw spec.error("lambda must be in [0, " + Specs.format(max) + "], got " + text);
    }
    return lambda;
  }
}
