package io.ope4j.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.selection.Criterion;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.PolicySelector;
import io.ope4j.selection.Selection;
import io.ope4j.selection.TieBreak;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionReportTest {

  /** Three candidates on a two-action log where action 0 always pays 1 and action 1 never pays. */
  private static EvaluationResult result() throws IOException {
    int n = 200;
    int[] actions = new int[n];
    double[] rewards = new double[n];
    double[] pscores = new double[n];
    double[][] pi = new double[3][n];
    double[] probabilityOfZero = {0.9, 0.5, 0.1};
    for (int i = 0; i < n; i++) {
      actions[i] = i % 2;
      rewards[i] = actions[i] == 0 ? 1 : 0;
      pscores[i] = 0.5;
      for (int p = 0; p < 3; p++) {
        pi[p][i] = actions[i] == 0 ? probabilityOfZero[p] : 1 - probabilityOfZero[p];
      }
    }
    ColumnarLog log = ColumnarLog.builder(actions, rewards, pscores).nActions(2)
        .policy("mostly-zero", pi[0]).policy("even", pi[1]).policy("mostly-one", pi[2]).build();
    return new Evaluator(EvaluationConfig.of(List.of(Estimators.snipw())).withThreads(1)).evaluate(log.source());
  }

  @Test
  void jsonRanksTheCandidates_andWithTruthJudgesTheSelection() throws IOException {
    EvaluationResult result = result();
    Selection selection = PolicySelector.select(result, "snipw", Criterion.ESTIMATE, 1, TieBreak.FIRST_LISTED);
    SelectionReport report = SelectionReport.of(selection, result);

    JsonNode plain = new ObjectMapper().readTree(report.toString("json"));
    assertThat(plain.get("selected").get(0).asText()).isEqualTo("mostly-zero");
    assertThat(plain.get("ci_method").asText()).isEqualTo("t");
    assertThat(plain.has("quality")).isFalse();

    KnownValues truth = new KnownValues(List.of("mostly-zero", "even", "mostly-one"), new double[] {0.9, 0.5, 0.1},
        0.5, 0.5);
    JsonNode judged = new ObjectMapper().readTree(report.withTruth(truth, "exact").toString("json"));
    assertThat(judged.get("quality").get("regret_at_k").asDouble()).isZero();
    assertThat(judged.get("candidates").get(0).get("true_rank").asInt()).isEqualTo(1);
    assertThat(report.withTruth(truth, "exact").toString("table")).contains("Against the true values of exact");
  }
}
