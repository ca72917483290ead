package io.ope4j.decision;

import io.ope4j.diagnostics.WeightDiagnostics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The gate's decision over k candidates: each candidate's {@link CandidateVerdict} and the
 * overall verdict. Overall: {@link Verdict#DEPLOY} when some candidate passes (the recommended
 * one has the largest estimated improvement among those that pass), {@link
 * Verdict#DO_NOT_DEPLOY} when every candidate is shown not good enough, else {@link
 * Verdict#INCONCLUSIVE} (with the reasons).
 *
 * @param rule the rule applied
 * @param rows logged rows
 * @param baselineWeights the baseline's importance-weight diagnostics
 * @param baselineRefusal why the baseline is too thinly supported, or null
 * @param candidates the verdicts, in the log's order of policies
 * @param verdict the overall verdict (never refused: a refusal is inconclusive overall)
 * @param recommended the candidate to deploy, or null
 */
public record GateDecision(GateRule rule, long rows, WeightDiagnostics baselineWeights, String baselineRefusal,
    List<CandidateVerdict> candidates, Verdict verdict, String recommended) {

  public GateDecision {
    candidates = List.copyOf(candidates);
  }

  /**
   * Applies the rule: support checks, then Holm's step-down procedure (Holm 1979) over the k
   * candidates' p-values of "improvement at most the minimum" (refused candidates count in k and
   * come last), then, for those not deployed, the upper bound at the unadjusted level.
   */
  static GateDecision decide(GateRule rule, long rows, WeightDiagnostics baselineWeights, List<String> names,
      List<PairedDifference> differences, List<WeightDiagnostics> weights) {
    int k = names.size();
    double alpha = rule.alpha();
    String baselineRefusal = rule.support().refusal(rule.baseline(), baselineWeights);
    String[] refusal = new String[k];
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      String own = rule.support().refusal(names.get(j), weights.get(j));
      refusal[j] = baselineRefusal != null ? baselineRefusal : own;
      p[j] = refusal[j] != null ? Double.NaN : differences.get(j).pValue(rule.bound(), rule.minImprovement());
    }
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    // Refused (NaN) last; ties keep the log's order.
    Arrays.sort(order, Comparator.comparingDouble(j -> Double.isNaN(p[j]) ? 2.0 : p[j]));
    Verdict[] verdicts = new Verdict[k];
    int[] rank = new int[k];
    double[] holmAlpha = new double[k];
    boolean rejecting = true;
    for (int r = 0; r < k; r++) {
      int j = order[r];
      rank[j] = r + 1;
      holmAlpha[j] = alpha / (k - r);
      rejecting = rejecting && refusal[j] == null && p[j] <= holmAlpha[j];
      if (rejecting) {
        verdicts[j] = Verdict.DEPLOY;
      }
    }
    List<CandidateVerdict> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      out.add(verdictOf(rule, names.get(j), differences.get(j), weights.get(j), refusal[j], verdicts[j], p[j],
          rank[j], holmAlpha[j], k));
    }
    return new GateDecision(rule, rows, baselineWeights, baselineRefusal, out, overall(out), recommended(out));
  }

  private static CandidateVerdict verdictOf(GateRule rule, String name, PairedDifference d, WeightDiagnostics w,
      String refusal, Verdict deployed, double p, int rank, double holmAlpha, int k) {
    double alpha = rule.alpha();
    double m = rule.minImprovement();
    GateBound bound = rule.bound();
    double lowerAtHolm = d.lower(bound, holmAlpha);
    double upper = d.upper(bound, alpha);
    Verdict verdict;
    String reason;
    if (refusal != null) {
      verdict = Verdict.REFUSED;
      reason = "thin support: " + refusal;
    } else if (deployed == Verdict.DEPLOY) {
      verdict = Verdict.DEPLOY;
      reason = String.format(Locale.ROOT, "the %s lower bound %s at level %s (Holm, rank %d of %d) exceeds the"
          + " minimum improvement %s", bound.id(), num(lowerAtHolm), num(1 - holmAlpha), rank, k, num(m));
    } else if (upper < m) {
      verdict = Verdict.DO_NOT_DEPLOY;
      reason = String.format(Locale.ROOT, "the %s upper bound %s at level %s is below the minimum improvement %s",
          bound.id(), num(upper), num(rule.confidence()), num(m));
    } else {
      verdict = Verdict.INCONCLUSIVE;
      reason = !(d.stderr() > 0)
          ? "the paired differences have no spread, which says nothing about their spread"
          : String.format(Locale.ROOT, "the interval [%s, %s] of the improvement contains the minimum %s (or Holm"
              + " stopped earlier)", num(lowerAtHolm), num(upper), num(m));
    }
    return new CandidateVerdict(name, verdict, reason, d, p, rank, holmAlpha, lowerAtHolm,
        d.lower(GateBound.T, alpha), d.lower(GateBound.BERNSTEIN, alpha),
        d.hasBootstrap() ? d.lower(GateBound.BOOTSTRAP, alpha) : Double.NaN, upper, w);
  }

  private static Verdict overall(List<CandidateVerdict> verdicts) {
    boolean allNo = true;
    for (CandidateVerdict v : verdicts) {
      if (v.verdict() == Verdict.DEPLOY) {
        return Verdict.DEPLOY;
      }
      allNo &= v.verdict() == Verdict.DO_NOT_DEPLOY;
    }
    return allNo ? Verdict.DO_NOT_DEPLOY : Verdict.INCONCLUSIVE;
  }

  private static String recommended(List<CandidateVerdict> verdicts) {
    CandidateVerdict best = null;
    for (CandidateVerdict v : verdicts) {
      if (v.verdict() == Verdict.DEPLOY && (best == null || v.difference().value() > best.difference().value())) {
        best = v;
      }
    }
    return best == null ? null : best.policy();
  }

  /** Four significant digits without trailing zeros, e.g. 0.0125, 0, 1.5e-07. */
  static String num(double x) {
    if (!Double.isFinite(x)) {
      return Double.toString(x);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", x)).stripTrailingZeros().toString();
  }

  /** A paragraph for people who decide: what the gate says and why, without formulas. */
  public String summary() {
    return GateSummary.of(this);
  }
}
