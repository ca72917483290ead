package io.ope4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.internal.stats.Mt19937;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.slate.SlateCompatibility;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateDiagnostics.WeightSummary;
import io.ope4j.slate.SlateEstimate;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with Open Bandit Pipeline 0.5.5's slate estimators on every {@code *_expected.json} of
 * testdata/obp_slate (see its README): every point estimate with ope4j's defaults, every
 * bootstrap interval and bootstrap mean with the OBP compatibility switch, and every weight and
 * reward diagnostic, to 1e-12 relative.
 */
class ObpSlateOracleTest {

  private static final Path DIR = Path.of("..", "testdata", "obp_slate");
  private static final double TOLERANCE = 1e-12;

  static Stream<Path> oracles() throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, "*_expected.json")) {
      files.forEach(found::add);
    }
    assertThat(found).isNotEmpty();
    return found.stream().sorted();
  }

  private static JsonNode read(Path expected) throws IOException {
    return new ObjectMapper().readTree(expected.toFile());
  }

  private static SlateResult run(JsonNode oracle, SlateConfig config) throws IOException {
    LogInput input = LogInput.of(DIR.resolve(oracle.get("csv").asText()).toString());
    try (SlateLogReader reader = SlateLogReader.open(input, 1e-6)) {
      return SlateEvaluator.evaluate(reader, config, 2);
    }
  }

  private static List<SlateEstimator> estimators(JsonNode oracle) {
    List<SlateEstimator> chosen = new ArrayList<>();
    for (JsonNode estimator : oracle.get("estimators")) {
      chosen.add(SlateEstimator.parse(estimator.get("name").asText().replace('_', '-')));
    }
    return chosen;
  }

  private static void close(double actual, JsonNode expected, String what) {
    double value = expected.asDouble();
    assertThat(actual).as(what).isCloseTo(value, within(TOLERANCE * Math.abs(value)));
  }

  @ParameterizedTest
  @MethodSource("oracles")
  void pointEstimates_matchObp(Path expected) throws IOException {
    JsonNode oracle = read(expected);
    SlateResult result = run(oracle, SlateConfig.of(estimators(oracle)));
    assertThat(result.slates()).isEqualTo(oracle.get("n_rounds").asLong());
    assertThat(result.length()).isEqualTo(oracle.get("len_list").asInt());
    for (JsonNode node : oracle.get("estimators")) {
      SlateEstimate estimate = result.estimates().get(indexOf(oracle, node));
      close(estimate.value(), node.get("estimate"), expected + " " + estimate.estimator());
    }
  }

  @ParameterizedTest
  @MethodSource("oracles")
  void obpBootstrap_matchesObp(Path expected) throws IOException {
    JsonNode oracle = read(expected);
    JsonNode ci = oracle.get("estimators").get(0).get("ci");
    SlateConfig config = SlateConfig.of(estimators(oracle))
        .withInterval(IntervalMethod.BOOTSTRAP, ci.get("n_bootstrap_samples").asInt(),
            ci.get("random_state").asLong())
        .withLevel(1 - ci.get("alpha").asDouble())
        .withCompatibility(SlateCompatibility.OBP);
    SlateResult result = run(oracle, config);
    for (JsonNode node : oracle.get("estimators")) {
      SlateEstimate estimate = result.estimates().get(indexOf(oracle, node));
      String what = expected + " " + estimate.estimator();
      JsonNode interval = node.get("ci");
      assertThat(interval.get("n_bootstrap_samples").asInt()).isEqualTo(config.replicates());
      close(estimate.value(), node.get("estimate"), what);
      close(estimate.interval().lower(), interval.get("lower"), what + " lower");
      close(estimate.interval().upper(), interval.get("upper"), what + " upper");
      close(estimate.replicateMean(), interval.get("bootstrap_mean"), what + " bootstrap mean");
    }
  }

  @ParameterizedTest
  @MethodSource("oracles")
  void diagnostics_matchObp(Path expected) throws IOException {
    JsonNode oracle = read(expected);
    SlateResult result = run(oracle, SlateConfig.of(List.of(SlateEstimator.values())));
    JsonNode diagnostics = oracle.get("diagnostics");
    int length = result.length();
    double[] rewards = result.diagnostics().rewardSums();
    double total = 0.0;
    for (int l = 0; l < length; l++) {
      close(rewards[l], diagnostics.get("reward_sum_by_position").get(l), "reward sum " + l);
      total += rewards[l];
    }
    close(total, diagnostics.get("sum_reward"), "reward sum");
    close(total / result.slates(), diagnostics.get("on_policy_value_of_behavior_policy"),
        "behaviour value");
    String[][] kinds = {{"sips", "slate"}, {"iips", "item_position"}, {"rips", "cascade"}};
    for (String[] kind : kinds) {
      WeightSummary summary = summary(result, kind[1]);
      JsonNode byPosition = diagnostics.get("mean_iw_by_position").get(kind[0]);
      double mean = 0.0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int l = 0; l < length; l++) {
        int p = summary.mean().length == 1 ? 0 : l;
        close(summary.mean()[p], byPosition.get(l), kind[0] + " mean weight at " + l);
        mean += summary.mean()[p] / length;
        min = Math.min(min, summary.min()[p]);
        max = Math.max(max, summary.max()[p]);
      }
      close(mean, diagnostics.get(kind[0]).get("mean"), kind[0] + " mean weight");
      close(min, diagnostics.get(kind[0]).get("min"), kind[0] + " min weight");
      close(max, diagnostics.get(kind[0]).get("max"), kind[0] + " max weight");
    }
    Mt19937 random = new Mt19937(oracle.get("estimators").get(0).get("ci").get("random_state")
        .asLong());
    for (JsonNode index : diagnostics.get("first_10_bootstrap_indices")) {
      assertThat(random.nextIndex((int) result.slates())).isEqualTo(index.asInt());
    }
  }

  private static WeightSummary summary(SlateResult result, String kind) {
    return result.diagnostics().weights().stream().filter(w -> w.kind().equals(kind))
        .findFirst().orElseThrow();
  }

  private static int indexOf(JsonNode oracle, JsonNode estimator) {
    int i = 0;
    for (JsonNode node : oracle.get("estimators")) {
      if (node == estimator) {
        return i;
      }
      i++;
    }
    throw new IllegalStateException("not in the oracle");
  }
}
