package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import io.ope4j.data.ColumnarLog;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.TermRange;
import io.ope4j.likelihood.VwStreams;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The likelihood estimators and intervals through the engine, on the vw-estimators simulated stream
 * (testdata/vw_cs): its final checkpoint reproduced on any number of threads, and the usage errors.
 */
class LikelihoodEvaluationTest {

  private static final double RELATIVE_PERCENT = 1e-10; // 1e-12 relative

  private static EvaluationResult evaluate(IntervalMethod method, int threads) throws IOException {
    VwStreams stream = VwStreams.load("vw_sim_shared");
    int n = stream.weights().length;
    double[] pscore = new double[n];
    double[] pi = new double[n];
    java.util.List<String> lines = java.nio.file.Files.readAllLines(
        java.nio.file.Path.of("..", "testdata", "vw_cs", "vw_sim_shared.csv"));
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      pscore[i] = Double.parseDouble(f[1]);
      pi[i] = Double.parseDouble(f[3]);
    }
    ColumnarLog log = ColumnarLog.builder(new int[n], stream.rewards(), pscore).policy("p", pi).nActions(2).build();
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw,cressie-read,mle"))
        .withInterval(method).withRewardRange(new TermRange(0, 1)).withThreads(threads);
    return new Evaluator(config).evaluate(log.source());
  }

  private static JsonNode last() {
    JsonNode last = null;
    for (JsonNode snapshot : VwStreams.load("vw_sim_shared").snapshots()) {
      last = snapshot;
    }
    return last;
  }

  @Test
  void estimatesAndIntervals_matchTheReference_onAnyThreadCount() throws IOException {
    JsonNode expected = last();
    for (int threads : new int[] {1, 2}) {
      EvaluationResult cressieRead = evaluate(IntervalMethod.CRESSIE_READ, threads);
      assertThat(cressieRead.estimate("p", "ipw").value()).isCloseTo(expected.get("ips").asDouble(), withinPercentage(RELATIVE_PERCENT));
      assertThat(cressieRead.estimate("p", "snipw").value()).isCloseTo(expected.get("snips").asDouble(), withinPercentage(RELATIVE_PERCENT));
      assertThat(cressieRead.estimate("p", "cressie-read").value())
          .isCloseTo(expected.get("cressieread").asDouble(), withinPercentage(RELATIVE_PERCENT));
      assertThat(cressieRead.estimate("p", "mle").value()).isCloseTo(expected.get("mle").asDouble(), withinPercentage(RELATIVE_PERCENT));
      var interval = cressieRead.estimate("p", "cressie-read").interval();
      assertThat(interval.label()).isEqualTo("cressie-read");
      assertThat(interval.lower()).isCloseTo(expected.get("cressieread_interval").get("0.05").get(0).asDouble(),
          withinPercentage(RELATIVE_PERCENT));
      assertThat(interval.upper()).isCloseTo(expected.get("cressieread_interval").get("0.05").get(1).asDouble(),
          withinPercentage(RELATIVE_PERCENT));
      var cp = evaluate(IntervalMethod.CLOPPER_PEARSON, threads).estimate("p", "ipw").interval();
      assertThat(cp.lower()).isCloseTo(expected.get("clopper_pearson_interval").get("0.05").get(0).asDouble(),
          withinPercentage(RELATIVE_PERCENT));
      assertThat(cp.upper()).isCloseTo(expected.get("clopper_pearson_interval").get("0.05").get(1).asDouble(),
          withinPercentage(RELATIVE_PERCENT));
    }
  }

  @Test
  void likelihoodEstimators_haveTheRegressionStandardError() throws IOException {
    EvaluationResult result = evaluate(IntervalMethod.T, 1);
    double cr = result.estimate("p", "cressie-read").stderr();
    // the control variate can only remove variance from the plain IPW terms
    assertThat(cr).isPositive().isLessThan(result.estimate("p", "ipw").stderr());
    assertThat(result.estimate("p", "mle").stderr()).isEqualTo(cr);
  }

  @Test
  void likelihoodIntervals_refuseEstimatorsWithAModel() {
    assertThatThrownBy(() -> EvaluationConfig.of(Estimators.parseList("ipw,dr")).withInterval(IntervalMethod.CRESSIE_READ))
        .isInstanceOf(UsageException.class).hasMessageContaining("not to dr");
    assertThatThrownBy(() -> EvaluationConfig.of(Estimators.parseList("ipw:clip=10"))
        .withInterval(IntervalMethod.CLOPPER_PEARSON)).isInstanceOf(UsageException.class).hasMessageContaining("ipw:clip=10");
  }

  @Test
  void likelihoodIntervals_needARewardRange() {
    ColumnarLog log = ColumnarLog.builder(new int[] {0, 1, 0}, new double[] {0.5, 2, 1}, new double[] {0.5, 0.5, 0.5})
        .policy("p", new double[] {1, 0, 1}).build();
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw")).withInterval(IntervalMethod.CLOPPER_PEARSON);
    assertThatThrownBy(() -> new Evaluator(config).evaluate(log.source()))
        .isInstanceOf(UsageException.class).hasMessageContaining("--reward-range");
  }
}
