package io.ope4j.estimator;

import io.ope4j.internal.spec.KeyValueSpec;

/**
 * The spec grammar of {@code mips} and {@code snmips}: {@code compat=obp} (OBP 0.5.5's product of
 * marginals and SLOPE end rule), {@code dims=0|2} (a fixed subset of the embedding dimensions) or
 * {@code dims=slope} with {@code search=exact|greedy}, {@code delta} and {@code min-dims}; {@code
 * pae=fitted} for the weight through a fitted model of {@code p(a | x, e)} instead of the table.
 */
final class MipsSpecs {

  /** SLOPE's confidence parameter, as OBP 0.5.5's MarginalizedInverseProbabilityWeighting.delta. */
  static final double DEFAULT_DELTA = 0.05;

  private MipsSpecs() {}

  static Estimator parse(KeyValueSpec spec) {
    boolean selfNormalized = spec.id().equals("snmips");
    String pae = spec.take("pae");
    if (pae != null && !pae.equals("table") && !pae.equals("fitted")) {
      throw spec.error("pae must be table (the known p(e|a)) or fitted (a model of p(a|x,e)), got " + pae);
    }
    if ("fitted".equals(pae)) {
      for (String tableOnly : new String[] {"compat", "dims", "search", "delta", "min-dims"}) {
        if (spec.has(tableOnly)) {
          throw spec.error(tableOnly + " is used only with the known embedding table (pae=table)");
        }
      }
      return new MipsFittedPosterior(selfNormalized, null);
    }
    String compat = spec.take("compat");
    if (compat != null && !compat.equals("obp")) {
      throw spec.error("compat must be obp, got " + compat);
    }
    boolean obp = compat != null;
    String dims = spec.take("dims");
    if (!"slope".equals(dims)) {
      for (String tuningOnly : new String[] {"search", "delta", "min-dims"}) {
        if (spec.has(tuningOnly)) {
          throw spec.error(tuningOnly + " is used only with dims=slope");
        }
      }
      return new Mips(selfNormalized, obp, dims == null ? null : subset(spec, dims), null);
    }
    String search = spec.take("search");
    if (search != null && !search.equals("exact") && !search.equals("greedy")) {
      throw spec.error("search must be exact or greedy, got " + search);
    }
    double delta = spec.number("delta", "delta", DEFAULT_DELTA);
    if (!(delta > 0 && delta < 1)) {
      throw spec.error("delta must be in (0, 1), got " + Specs.format(delta));
    }
    double minDims = spec.number("min-dims", "min-dims", 1);
    if (!(minDims >= 1 && minDims == Math.rint(minDims) && minDims <= MipsSubsets.MAX_SLOPE_DIMS)) {
      throw spec.error("min-dims must be an integer in [1, " + MipsSubsets.MAX_SLOPE_DIMS + "], got "
          + Specs.format(minDims));
    }
    StringBuilder written = new StringBuilder(spec.id()).append(":dims=slope");
    written.append(search != null && search.equals("greedy") ? ":search=greedy" : "");
    written.append(delta != DEFAULT_DELTA ? ":delta=" + Specs.format(delta) : "");
    written.append(minDims != 1 ? ":min-dims=" + Specs.format(minDims) : "");
    written.append(obp ? ":compat=obp" : "");
    return new MipsSlope(written.toString(), selfNormalized, obp, "greedy".equals(search), delta, (int) minDims, null);
  }

  /** {@code 0|2} as ascending distinct dimensions. */
  private static int[] subset(KeyValueSpec spec, String text) {
    String[] parts = text.split("\\|", -1);
    java.util.TreeSet<Integer> dims = new java.util.TreeSet<>();
    for (String part : parts) {
      double value = spec.toNumber("dims", part.trim());
      if (!(value >= 0 && value == Math.rint(value) && value < 1 << 20) || !dims.add((int) value)) {
        throw spec.error("dims must be distinct integers >= 0 separated by |, or slope; got " + text);
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }
}
