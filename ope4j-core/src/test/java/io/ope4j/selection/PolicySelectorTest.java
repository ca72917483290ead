package io.ope4j.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.ColumnarLog;
import io.ope4j.diagnostics.WeightDiagnostics;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.Interval;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicySelectorTest {

  private static final WeightDiagnostics WEIGHTS =
      new WeightDiagnostics(100, 50, 1, 0.1, 0, 3, new double[7], 0);

  /** Three policies: "steady" is good and sure, "lucky" looks best but is unsure, "poor" is poor. */
  private static EvaluationResult result() {
    return result(new String[] {"poor", "lucky", "steady"}, new double[] {0.2, 0.9, 0.7},
        new double[] {0.1, 0.2, 0.6});
  }

  private static EvaluationResult result(String[] policies, double[] values, double[] lowers) {
    List<Estimate> estimates = new ArrayList<>();
    Map<String, WeightDiagnostics> diagnostics = new LinkedHashMap<>();
    for (int p = 0; p < policies.length; p++) {
      Interval interval = new Interval(lowers[p], 2 * values[p] - lowers[p], 0.95, IntervalMethod.T,
          Double.NaN, Double.NaN, null, 0);
      estimates.add(new Estimate(policies[p], "dr", values[p], 0.05, interval, 0, WEIGHTS, null));
      diagnostics.put(policies[p], WEIGHTS);
    }
    return new EvaluationResult(100, estimates, diagnostics, List.of());
  }

  @Test
  void rankingByEstimate_putsTheHighestEstimateFirst() {
    Selection selection = PolicySelector.select(result(), "dr", Criterion.ESTIMATE, 2, TieBreak.FIRST_LISTED);
    assertThat(selection.selected()).containsExactly("lucky", "steady");
    assertThat(selection.ranking()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
    assertThat(selection.ranking()).extracting(RankedCandidate::selected).containsExactly(true, true, false);
    assertThat(selection.candidates()).containsExactly("poor", "lucky", "steady");
    assertThat(selection.estimates()).containsExactly(0.2, 0.9, 0.7);
  }

  @Test
  void rankingByLowerBound_prefersTheWellSupportedPolicy() {
    Selection selection = PolicySelector.select(result(), "dr", Criterion.LOWER_BOUND, 1, TieBreak.FIRST_LISTED);
    assertThat(selection.selected()).containsExactly("steady");
    assertThat(selection.ranking().get(0).score()).isEqualTo(0.6);
    assertThat(selection.scores()).containsExactly(0.1, 0.2, 0.6);
  }

  @Test
  void tiedScores_followTheTieRule() {
    EvaluationResult tied = result(new String[] {"a", "b"}, new double[] {0.5, 0.5}, new double[] {0.1, 0.1});
    assertThat(PolicySelector.select(tied, "dr", Criterion.ESTIMATE, 1, TieBreak.FIRST_LISTED).selected())
        .containsExactly("a");
    assertThat(PolicySelector.select(tied, "dr", Criterion.ESTIMATE, 1, TieBreak.LAST_LISTED).selected())
        .containsExactly("b");
  }

  @Test
  void oneCandidate_isRejected() {
    EvaluationResult single = result(new String[] {"only"}, new double[] {0.5}, new double[] {0.1});
    assertThatThrownBy(() -> PolicySelector.select(single, "dr", Criterion.ESTIMATE, 1, TieBreak.FIRST_LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("select needs at least two candidate policies, got 1 [only]");
  }

  @Test
  void topKLargerThanTheCandidates_isRejected() {
    assertThatThrownBy(() -> PolicySelector.select(result(), "dr", Criterion.ESTIMATE, 4, TieBreak.FIRST_LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("top k must be between 1 and the number of candidates (3), got 4");
  }

  @Test
  void unknownEstimator_isRejected() {
    assertThatThrownBy(() -> PolicySelector.select(result(), "ipw", Criterion.ESTIMATE, 1, TieBreak.FIRST_LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no estimate of poor by ipw");
  }

  @Test
  void nanEstimate_isRejectedNamingThePolicy() throws IOException {
    // SNIPW of a policy that never takes a logged action is 0 / 0.
    int[] action = {0, 1, 0, 1};
    double[] reward = {1, 0, 1, 1};
    double[] pscore = {0.5, 0.5, 0.5, 0.5};
    ColumnarLog log = ColumnarLog.builder(action, reward, pscore)
        .policy("sometimes", new double[] {1, 0, 1, 0})
        .policy("never", new double[] {0, 0, 0, 0})
        .build();
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("snipw")).withThreads(1);
    EvaluationResult evaluated = new Evaluator(config).evaluate(log.source());
    assertThatThrownBy(() -> PolicySelector.select(evaluated, "snipw", Criterion.ESTIMATE, 1, TieBreak.FIRST_LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy never: the snipw estimate is NaN");
  }

  @Test
  void nanLowerBound_isRejectedNamingTheInterval() {
    EvaluationResult nanBound = result(new String[] {"a", "b"}, new double[] {0.5, 0.4}, new double[] {Double.NaN, 0.1});
    assertThatThrownBy(() -> PolicySelector.select(nanBound, "dr", Criterion.LOWER_BOUND, 1, TieBreak.FIRST_LISTED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy a: the lower bound of the 95% t interval of the dr estimate is NaN");
  }

  @Test
  void criterion_parsesItsIds() {
    assertThat(Criterion.parse("Lower-Bound")).isEqualTo(Criterion.LOWER_BOUND);
    assertThatThrownBy(() -> Criterion.parse("upper"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown criterion 'upper'; known: estimate, lower-bound");
  }
}
