package io.ope4j.selection;

import io.ope4j.continuous.ContinuousEstimate;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.slate.SlateDiagnostics;
import io.ope4j.slate.SlateEstimate;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimates of log shapes whose evaluators handle one policy at a time (continuous actions, slates),
 * gathered per candidate into one {@link EvaluationResult}, so that {@link PolicySelector}, the
 * truth metrics and the selection reports serve every shape alike.
 */
public final class CandidateResults {

  private CandidateResults() {}

  /**
   * Candidate {@code names.get(p)}'s estimate by {@code estimatorSpec} from {@code results.get(p)};
   * its weight diagnostics are those of that estimator's weights; warnings are prefixed with the
   * candidate's name.
   *
   * @throws IllegalArgumentException when the lists differ in size or a result has no estimate by the spec
   */
  public static EvaluationResult ofContinuous(List<String> names, List<ContinuousResult> results, String estimatorSpec) {
    if (names.size() != results.size() || names.isEmpty()) {
      throw new IllegalArgumentException("one result per candidate is needed, got " + results.size() + " for "
          + names.size() + " candidates");
    }
    List<Estimate> estimates = new ArrayList<>();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      String name = names.get(p);
      ContinuousEstimate estimate = results.get(p).estimate(estimatorSpec);
      estimates.add(new Estimate(name, estimatorSpec, estimate.value(), estimate.stderr(), estimate.interval(), 0,
          estimate.weights(), estimate.selected()));
      diagnostics.put(name, estimate.weights());
      for (String warning : results.get(p).warnings()) {
        warnings.add("[" + name + "] " + warning);
      }
    }
    return new EvaluationResult(results.get(0).rows(), estimates, diagnostics, warnings);
  }

  /**
   * Candidate {@code names.get(p)}'s estimate of the slate reward by {@code estimator} from {@code
   * results.get(p)}. Its weight diagnostics are those of the kind of weight the estimator reads, at
   * the position whose effective sample size is smallest (the joint weight has one); the slate
   * weights carry no quantiles, so those are NaN.
   *
   * @throws IllegalArgumentException when the lists differ in size or a result lacks the estimator
   */
  public static EvaluationResult ofSlates(List<String> names, List<SlateResult> results, SlateEstimator estimator) {
    if (names.size() != results.size() || names.isEmpty()) {
      throw new IllegalArgumentException("one result per candidate is needed, got " + results.size() + " for "
          + names.size() + " candidates");
    }
    String kind = estimator.usesSlateWeight() ? "slate" : estimator.usesPositionWeight() ? "item_position" : "cascade";
    List<Estimate> estimates = new ArrayList<>();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (int p = 0; p < names.size(); p++) {
      String name = names.get(p);
      SlateResult result = results.get(p);
      SlateEstimate estimate = result.estimate(estimator);
      if (estimate == null) {
        throw new IllegalArgumentException("candidate " + name + " has no " + estimator.id() + " estimate");
      }
      WeightDiagnostics weights = weightsOf(result, kind);
      estimates.add(new Estimate(name, estimator.id(), estimate.value(), estimate.stderr(), estimate.interval(), 0,
          weights, null));
      diagnostics.put(name, weights);
      for (String warning : result.warnings()) {
        warnings.add("[" + name + "] " + warning);
      }
    }
    return new EvaluationResult(results.get(0).slates(), estimates, diagnostics, warnings);
  }

  private static WeightDiagnostics weightsOf(SlateResult result, String kind) {
    for (SlateDiagnostics.WeightSummary summary : result.diagnostics().weights()) {
      if (summary.kind().equals(kind)) {
        int worst = 0;
        for (int l = 1; l < summary.ess().length; l++) {
          if (summary.ess()[l] < summary.ess()[worst]) {
            worst = l;
          }
        }
        double[] quantiles = new double[WeightDiagnostics.QUANTILE_LEVELS.length];
        java.util.Arrays.fill(quantiles, Double.NaN);
        return new WeightDiagnostics(result.slates(), summary.ess()[worst], summary.mean()[worst], Double.NaN,
            summary.min()[worst], summary.max()[worst], quantiles, summary.zeroShare()[worst]);
      }
    }
    return WeightDiagnostics.unknown(result.slates());
  }
}
