package io.ope4j.continuous;

import io.ope4j.data.UsageException;
import io.ope4j.internal.spec.KeyValueSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The registry of continuous-action estimator specs (docs/continuous.md): {@code kernel-ipw},
 * {@code kernel-snipw} and {@code kernel-dr}, each with {@code kernel=gaussian|epanechnikov|
 * triangular|cosine} (default gaussian) and {@code bandwidth=H} (H > 0) or {@code bandwidth=slope}
 * (with optional {@code bandwidths=H1|H2|...} and {@code delta=D}); {@code kernel-dr} also takes
 * {@code compat=obp}. On a log that gives the evaluation policy's density, the specs take no kernel
 * and no bandwidth. Every problem is a {@link UsageException} naming the spec.
 */
public final class ContinuousEstimators {

  /** Every id, in the order listed to users. */
  public static final List<String> IDS = List.of("kernel-ipw", "kernel-snipw", "kernel-dr");

  /**
   * The default SLOPE bandwidth grid, in the action's units: a geometric grid from fine to coarse
   * smoothing (ope4j's own; Open Bandit Pipeline has no bandwidth selection).
   */
  static final double[] DEFAULT_BANDWIDTHS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2};

  /** SLOPE's confidence parameter, as for the bandit families. */
  static final double DEFAULT_DELTA = 0.1;

  private ContinuousEstimators() {}

  /** Parses a comma-separated list of specs. */
  public static List<ContinuousEstimator> parseList(String specs) {
    List<ContinuousEstimator> estimators = new ArrayList<>();
    for (String spec : specs.split(",")) {
      if (spec.isBlank()) {
        throw new UsageException("empty estimator spec in '" + specs + "'");
      }
      ContinuousEstimator estimator = parse(spec);
      for (ContinuousEstimator earlier : estimators) {
        if (earlier.spec().equals(estimator.spec())) {
          throw new UsageException("estimator '" + estimator.spec() + "' is listed twice in '" + specs + "'");
        }
      }
      estimators.add(estimator);
    }
    return estimators;
  }

  /**
   * Parses one spec, e.g. {@code kernel-dr:kernel=epanechnikov:bandwidth=0.5}.
   *
   * @throws UsageException naming the spec and what is wrong with it
   */
  public static ContinuousEstimator parse(String spec) {
    KeyValueSpec parsed = KeyValueSpec.parse(spec, "estimator", "hyperparameter");
    String id = parsed.id();
    if (!IDS.contains(id)) {
      throw parsed.error("unknown continuous-action estimator id '" + id + "'; known: " + String.join(", ", IDS));
    }
    boolean obp = compat(parsed, id);
    String kernelText = parsed.take("kernel");
    Kernel kernel = kernelText == null ? Kernel.GAUSSIAN : Kernel.byId(kernelText);
    if (kernel == null) {
      throw parsed.error("unknown kernel '" + kernelText + "'; known: gaussian, epanechnikov, triangular, cosine");
    }
    String bandwidth = parsed.take("bandwidth");
    ContinuousEstimator estimator;
    if (bandwidth == null) {
      if (kernelText != null || parsed.has("bandwidths") || parsed.has("delta")) {
        throw parsed.error("needs bandwidth=H (H > 0) or bandwidth=slope");
      }
      estimator = single(id, Smoothing.GIVEN_DENSITY, obp);
    } else if (bandwidth.equalsIgnoreCase("slope")) {
      estimator = slope(parsed, id, kernel, obp);
    } else {
      for (String tuningOnly : List.of("bandwidths", "delta")) {
        if (parsed.has(tuningOnly)) {
          throw parsed.error(tuningOnly + " is used only with bandwidth=slope");
        }
      }
      estimator = single(id, new Smoothing(kernel, bandwidth(parsed, "bandwidth", bandwidth)), obp);
    }
    parsed.requireNoneLeft();
    return estimator;
  }

  /** Kernel IPW with a kernel and a bandwidth, spec {@code kernel-ipw:kernel=K:bandwidth=H}. */
  public static ContinuousEstimator kernelIpw(Kernel kernel, double bandwidth) {
    return new KernelIpw(checked(kernel, bandwidth));
  }

  /** Self-normalised kernel IPW, spec {@code kernel-snipw:kernel=K:bandwidth=H}. */
  public static ContinuousEstimator kernelSnipw(Kernel kernel, double bandwidth) {
    return new KernelSnipw(checked(kernel, bandwidth));
  }

  /** Kernel DR (Kallus & Zhou's form), spec {@code kernel-dr:kernel=K:bandwidth=H}. */
  public static ContinuousEstimator kernelDr(Kernel kernel, double bandwidth) {
    return new KernelDr(checked(kernel, bandwidth), false);
  }

  private static Smoothing checked(Kernel kernel, double bandwidth) {
    if (!(bandwidth > 0 && bandwidth < Double.POSITIVE_INFINITY)) {
      throw new UsageException("the bandwidth must be finite and > 0, got " + format(bandwidth));
    }
    return new Smoothing(kernel, bandwidth);
  }

  private static boolean compat(KeyValueSpec spec, String id) {
    String compat = spec.take("compat");
    if (compat == null || compat.equalsIgnoreCase("none")) {
      return false;
    }
    if (!id.equals("kernel-dr")) {
      throw spec.error("compat is for kernel-dr only");
    }
    if (!compat.equalsIgnoreCase("obp")) {
      throw spec.error("compat must be none or obp, got '" + compat + "'");
    }
    return true;
  }

  private static ContinuousEstimator single(String id, Smoothing smoothing, boolean obp) {
    return switch (id) {
      case "kernel-ipw" -> new KernelIpw(smoothing);
      case "kernel-snipw" -> new KernelSnipw(smoothing);
      default -> new KernelDr(smoothing, obp);
    };
  }

  private static ContinuousEstimator slope(KeyValueSpec spec, String id, Kernel kernel, boolean obp) {
    double[] bandwidths = DEFAULT_BANDWIDTHS.clone();
    StringBuilder written = new StringBuilder(id).append(":kernel=").append(kernel.id()).append(":bandwidth=slope");
    if (spec.has("bandwidths")) {
      String[] parts = spec.take("bandwidths").split("\\|", -1);
      bandwidths = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        bandwidths[i] = bandwidth(spec, "bandwidths", parts[i].trim());
      }
      Arrays.sort(bandwidths);
      for (int i = 0; i < bandwidths.length; i++) {
        written.append(i == 0 ? ":bandwidths=" : "|").append(format(bandwidths[i]));
      }
    }
    double delta = spec.number("delta", "delta", DEFAULT_DELTA);
    if (!(delta > 0 && delta < 1)) {
      throw spec.error("delta must be in (0, 1), got " + format(delta));
    }
    if (delta != DEFAULT_DELTA) {
      written.append(":delta=").append(format(delta));
    }
    if (obp) {
      written.append(":compat=obp");
    }
    List<ContinuousEstimator> candidates = new ArrayList<>();
    for (double h : bandwidths) {
      ContinuousEstimator candidate = single(id, new Smoothing(kernel, h), obp);
      if (!candidates.isEmpty() && candidates.get(candidates.size() - 1).spec().equals(candidate.spec())) {
        throw spec.error("bandwidth " + format(h) + " is listed twice");
      }
      candidates.add(candidate);
    }
    return new BandwidthSlope(written.toString(), id, candidates, delta);
  }

  private static double bandwidth(KeyValueSpec spec, String name, String text) {
    double h = spec.toNumber(name, text);
    if (!(h > 0 && h < Double.POSITIVE_INFINITY)) {
      throw spec.error("every bandwidth must be finite and > 0, got " + text);
    }
    return h;
  }

  /** A hyperparameter as written in specs: integers without a decimal point. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
