package io.ope4j.selection;

import io.ope4j.continuous.ContinuousEstimate;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimates of log shapes whose evaluators handle one policy at a time (continuous actions),
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
}
