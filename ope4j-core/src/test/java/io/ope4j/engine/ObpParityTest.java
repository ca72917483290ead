package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every point estimate of Open Bandit Pipeline 0.5.5 on the OBD men oracle, to 1e-12 relative. */
class ObpParityTest {

  /** Oracle entry name to our spec. */
  private static final Map<String, String> SPECS = new LinkedHashMap<>();

  static {
    SPECS.put("ipw", "ipw");
    SPECS.put("ipw_clip5", "ipw:clip=5");
    SPECS.put("snipw", "snipw");
    SPECS.put("dm", "dm");
    SPECS.put("dr", "dr");
    SPECS.put("dr_clip5", "dr:clip=5");
    SPECS.put("sndr", "sndr");
    SPECS.put("switch-dr_5", "switch-dr:lambda=5");
    SPECS.put("switch-dr_100", "switch-dr:lambda=100");
    SPECS.put("dr-os_1", "dr-os:lambda=1");
    SPECS.put("dr-os_100", "dr-os:lambda=100");
    SPECS.put("sg-ipw_0.1", "ipw-sg:lambda=0.1");
    SPECS.put("sg-dr_0.1", "dr-sg:lambda=0.1");
    SPECS.put("switch-dr_slope", "switch-dr:lambda=slope");
    SPECS.put("dr-os_slope", "dr-os:lambda=slope");
  }

  private static ColumnarLog log;
  private static JsonNode expected;

  @BeforeAll
  static void load() throws IOException {
    log = ObpFixture.load();
    expected = new ObjectMapper().readTree(ObpFixture.EXPECTED.toFile());
  }

  @Test
  void everyPointEstimateMatchesOpenBanditPipeline() throws IOException {
    List<String> specs = new ArrayList<>(SPECS.values());
    assertThat(Estimators.parse("switch-dr:lambda=slope").spec())
        .isEqualTo("switch-dr:lambda=slope");
    assertThat(Estimators.parse("switch-dr:lambda=slope").candidates()).extracting(e -> e.spec())
        .containsExactly("switch-dr:lambda=inf", "switch-dr:lambda=10000", "switch-dr:lambda=5000",
            "switch-dr:lambda=1000", "switch-dr:lambda=500", "switch-dr:lambda=100", "switch-dr:lambda=50",
            "switch-dr:lambda=10");
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList(String.join(",", specs))))
        .evaluate(log.source());
    int checked = 0;
    for (JsonNode entry : expected.get("estimators")) {
      String spec = SPECS.get(entry.get("name").asText());
      if (spec == null) {
        continue;
      }
      double oracle = entry.get("estimate").asDouble();
      Estimate ours = result.estimate("bts", Estimators.parse(spec).spec());
      assertThat(ours.value()).as(spec).isCloseTo(oracle, within(1e-12 * Math.abs(oracle)));
      if (entry.has("selected_lambda")) {
        double lambda = entry.get("selected_lambda").asDouble();
        assertThat(ours.selected()).as(spec).endsWith(":lambda=" + (long) lambda);
      }
      checked++;
    }
    assertThat(checked).isEqualTo(SPECS.size());
  }

  @Test
  void weightDiagnosticsMatchTheOracle() throws IOException {
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw")))
        .evaluate(log.source());
    JsonNode diagnostics = expected.get("diagnostics");
    var weights = result.diagnostics().get("bts");
    assertThat(result.rows()).isEqualTo(10_000);
    assertThat(weights.meanWeight()).isCloseTo(diagnostics.get("mean_iw").asDouble(), within(1e-12));
    assertThat(weights.maxWeight()).isCloseTo(diagnostics.get("max_iw").asDouble(), within(1e-12));
    assertThat(weights.minWeight()).isCloseTo(diagnostics.get("min_iw").asDouble(), within(1e-15));
    // A correct log of a uniform-random logger: the mean weight is within its error of 1.
    assertThat(result.warnings()).isEmpty();
  }

  // OBP resamples rows with numpy's MT19937 and normalises SNIPW by the full-sample mean weight;
  // ope4j uses a Poisson bootstrap, so bounds agree only to Monte Carlo error (a few percent of
  // the width at B = 1000).

  @Test
  void rawBootstrapIntervalsMatchOpenBanditPipelinesToMonteCarloError() throws IOException {
    // OBP has no floor, so the floor is off here.
    checkBootstrapAgainstObp(true, "bootstrap");
  }

  @Test
  void flooredBootstrapIntervalsOnlyWidenOpenBanditPipelines() throws IOException {
    // The rewards are clicks (0 or 1), so each interval is also joined with the Wilson score floor
    // (IntervalFloors), which can only widen it: for rare clicks it raises the upper end (the
    // binomial's right skew), so the upper end must only not be below OBP's.
    checkBootstrapAgainstObp(false, "bootstrap+wilson");
  }

  private void checkBootstrapAgainstObp(boolean raw, String label) throws IOException {
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
        .withInterval(io.ope4j.interval.IntervalMethod.BOOTSTRAP);
    EvaluationResult result = new Evaluator(raw ? config.withoutIntervalFloors() : config).evaluate(log.source());
    for (JsonNode entry : expected.get("estimators")) {
      String name = entry.get("name").asText();
      if (!List.of("ipw", "snipw", "dr").contains(name)) {
        continue;
      }
      JsonNode ci = entry.get("ci");
      double width = ci.get("upper").asDouble() - ci.get("lower").asDouble();
      var interval = result.estimate("bts", name).interval();
      assertThat(interval.lower()).as(name).isCloseTo(ci.get("lower").asDouble(), within(0.1 * width));
      if (raw) {
        assertThat(interval.upper()).as(name).isCloseTo(ci.get("upper").asDouble(), within(0.1 * width));
      } else {
        assertThat(interval.upper()).as(name).isGreaterThan(ci.get("upper").asDouble() - 0.1 * width);
      }
      assertThat(interval.label()).as(name).isEqualTo(label);
    }
  }
}
