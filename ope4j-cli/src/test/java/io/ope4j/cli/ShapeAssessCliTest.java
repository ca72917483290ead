package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code assess} on continuous actions, slates, pooled loggers and action embeddings: each grid
 * point's summaries hold the metrics of a bandit assessment, judged against the exact values of the
 * shape's simulator, and they do not depend on the thread count.
 */
class ShapeAssessCliTest {

  /** The summary keys of every estimator in a bandit assessment's JSON. */
  private static final List<String> SUMMARY_KEYS = List.of("relative_error_mean", "relative_error_quantiles",
      "squared_bias", "variance", "mse", "spearman", "kendall_tau", "regret_at_k", "best_at_k", "std_at_k",
      "sharpe_ratio_at_k");

  private static JsonNode assess(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("assess", "--format", "json"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** Every estimator's summary has the bandit keys, and MSE = bias² + variance. */
  private static void hasBanditSummaries(JsonNode root, int estimators, int candidates) {
    for (JsonNode point : root.get("grid")) {
      assertThat(point.get("true_values")).hasSize(candidates);
      assertThat(point.has("behavior_value")).isTrue();
      assertThat(point.get("estimators")).hasSize(estimators);
      for (JsonNode summary : point.get("estimators")) {
        for (String key : SUMMARY_KEYS) {
          assertThat(summary.has(key)).as(key + " in " + summary).isTrue();
        }
        assertThat(summary.get("regret_at_k")).hasSize(candidates);
        double mse = summary.get("mse").asDouble();
        assertThat(mse).isCloseTo(summary.get("squared_bias").asDouble() + summary.get("variance").asDouble(),
            org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, mse)));
      }
    }
  }

  private static JsonNode summary(JsonNode point, String estimator) {
    for (JsonNode summary : point.get("estimators")) {
      if (summary.get("estimator").asText().equals(estimator)) {
        return summary;
      }
    }
    throw new AssertionError("no " + estimator + " in " + point);
  }

  @Test
  void continuousActions() throws IOException {
    String[] args = {"--schema", "continuous", "--rows", "500,2000", "--replications", "20", "--candidate", "good=1:0.1",
        "--candidate", "fair=1:0.6", "--candidate", "poor=0:1.2", "--estimators",
        "kernel-ipw:kernel=epanechnikov:bandwidth=0.3,kernel-dr:bandwidth=slope"};
    JsonNode root = assess(args);
    hasBanditSummaries(root, 2, 3);
    JsonNode first = root.get("grid").get(0);
    assertThat(first.get("true_values").get("good").asDouble()).isCloseTo(1.99,
        org.assertj.core.api.Assertions.within(1e-12));
    assertThat(first.get("setting").asText()).contains("schema=continuous");
    // the larger log estimates better
    JsonNode second = root.get("grid").get(1);
    assertThat(summary(second, "kernel-dr:kernel=gaussian:bandwidth=slope").get("mse").asDouble())
        .isLessThan(summary(first, "kernel-dr:kernel=gaussian:bandwidth=slope").get("mse").asDouble());
    List<String> threaded = new ArrayList<>(List.of(args));
    threaded.addAll(List.of("--threads", "2"));
    assertThat(assess(threaded.toArray(String[]::new))).isEqualTo(assess(args));
  }

  @Test
  void slates() throws IOException {
    JsonNode root = assess("--slate-length", "3", "--actions", "6", "--rows", "1000", "--replications", "20",
        "--candidate", "flat=5", "--candidate", "sharp=0.1", "--candidate", "mild=0.7");
    hasBanditSummaries(root, 7, 3);
    assertThat(root.get("grid").get(0).get("setting").asText()).contains("slate-length=3");
  }

  @Test
  void pooledLoggersAndEmbeddings() throws IOException {
    JsonNode loggers = assess("--logger", "old=0.3:1", "--logger", "new=3:2", "--rows", "1000", "--replications", "20");
    hasBanditSummaries(loggers, 6, 4);
    JsonNode embedded = assess("--embedding-dims", "2", "--actions", "50", "--rows", "1000", "--replications", "30",
        "--reward-type", "binary");
    hasBanditSummaries(embedded, 4, 4);
    JsonNode point = embedded.get("grid").get(0);
    // 50 actions sharing 25 embeddings: MIPS's weights are far smaller than the action weights
    assertThat(summary(point, "mips").get("mse").asDouble()).isLessThan(summary(point, "ipw").get("mse").asDouble());
  }

  @Test
  void misuseIsAUsageError() {
    CliRun one = CliRun.of("assess", "--schema", "continuous", "--candidate", "a=1:0");
    assertThat(one.exitCode()).isEqualTo(2);
    assertThat(one.err()).contains("at least two --candidate");
    CliRun wrong = CliRun.of("assess", "--schema", "continuous", "--candidate", "a=1:0", "--candidate", "b=1:1",
        "--pool", "default");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("--pool does not apply");
    CliRun bandit = CliRun.of("assess", "--candidate", "a=1:0", "--candidate", "b=1:1");
    assertThat(bandit.exitCode()).isEqualTo(2);
    CliRun mips = CliRun.of("assess", "--rows", "100", "--replications", "2", "--estimators", "mips");
    assertThat(mips.exitCode()).isEqualTo(2);
  }
}
