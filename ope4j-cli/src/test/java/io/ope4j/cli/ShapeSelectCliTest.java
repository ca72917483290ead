package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code select} on the log shapes beyond one discrete action, on simulated logs whose candidates'
 * true values are known: it picks the best candidate, and with {@code --truth} reports the same
 * metrics as for a bandit log.
 */
class ShapeSelectCliTest {

  @TempDir Path dir;

  private static JsonNode json(CliRun run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** The JSON keys of the quality block every select --truth writes. */
  private static void hasBanditMetrics(JsonNode quality) {
    for (String key : new String[] {"regret_at_k", "sharpe_ratio_at_k", "spearman", "kendall_tau", "mse",
        "relative_error", "type_i_error_rate", "type_ii_error_rate", "top_k_curve", "behavior_value"}) {
      assertThat(quality.has(key)).as(key + " in " + quality).isTrue();
    }
  }

  @Test
  void continuousCandidatesAreRankedAndTheBestIsPicked() throws IOException {
    Path log = dir.resolve("cont.csv");
    // true values 2 - (slope - 1)^2 / 5 - shift^2: good 1.99, fair 1.64, poor 2 - 0.2 - 1.44 = 0.36
    CliRun simulate = CliRun.of("simulate", "--schema", "continuous", "--rows", "20000", "--seed", "4",
        "--candidate", "fair=1:0.6", "--candidate", "poor=0:1.2", "--candidate", "good=1:0.1", "--output", log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("cont.truth.json").toFile()).get("policies");
    assertThat(truth.get("good").asDouble()).isEqualTo(1.99, org.assertj.core.api.Assertions.within(1e-12));
    JsonNode selection = json(CliRun.of("select", "--schema", "continuous", "--data", log.toString(), "--top-k", "1",
        "--truth", dir.resolve("cont.truth.json").toString(), "--format", "json"));
    assertThat(selection.get("estimator").asText()).isEqualTo("kernel-dr:kernel=gaussian:bandwidth=slope");
    assertThat(selection.get("selected").get(0).asText()).isEqualTo("good");
    assertThat(selection.get("candidates")).hasSize(3);
    assertThat(selection.get("candidates").get(2).get("policy").asText()).isEqualTo("poor");
    hasBanditMetrics(selection.get("quality"));
    assertThat(selection.get("quality").get("regret_at_k").asDouble()).isZero();
    assertThat(selection.get("quality").get("spearman").asDouble()).isEqualTo(1.0);
    // ranking by the lower bound of another estimator works the same way
    JsonNode byBound = json(CliRun.of("select", "--schema", "continuous", "--data", log.toString(), "--estimators",
        "kernel-ipw:kernel=epanechnikov:bandwidth=0.3", "--criterion", "lower-bound", "--format", "json"));
    assertThat(byBound.get("selected").get(0).asText()).isEqualTo("good");
  }

  /** The candidate with the largest true value. */
  private static String best(JsonNode policies) {
    String best = null;
    for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) policies::fields) {
      if (best == null || field.getValue().asDouble() > policies.get(best).asDouble()) {
        best = field.getKey();
      }
    }
    return best;
  }

  @Test
  void slateCandidatesAreRankedAndTheBestIsPicked() throws IOException {
    Path log = dir.resolve("slates.csv");
    CliRun simulate = CliRun.of("simulate", "--slate-length", "3", "--actions", "6", "--slates", "8000", "--seed", "2",
        "--candidate", "flat=5", "--candidate", "sharp=0.1", "--candidate", "mild=0.7", "--output", log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    Path truthFile = dir.resolve("slates.truth.json");
    JsonNode truth = new ObjectMapper().readTree(truthFile.toFile()).get("policies");
    assertThat(truth.size()).isEqualTo(3);
    JsonNode selection = json(CliRun.of("select", "--data", log.toString(), "--top-k", "1", "--truth",
        truthFile.toString(), "--format", "json"));
    assertThat(selection.get("estimator").asText()).isEqualTo("cascade-dr");
    assertThat(selection.get("selected").get(0).asText()).isEqualTo(best(truth));
    hasBanditMetrics(selection.get("quality"));
    assertThat(selection.get("quality").get("regret_at_k").asDouble()).isZero();
    for (JsonNode candidate : selection.get("candidates")) {
      double error = candidate.get("value").asDouble() - candidate.get("true_value").asDouble();
      assertThat(Math.abs(error)).as(candidate.toString()).isLessThan(4.5 * candidate.get("stderr").asDouble());
    }
    // the same log evaluated by another estimator, by lower bound
    JsonNode byBound = json(CliRun.of("select", "--data", log.toString(), "--estimators", "snrips", "--criterion",
        "lower-bound", "--format", "json"));
    assertThat(byBound.get("estimator").asText()).isEqualTo("snrips");
    assertThat(byBound.get("candidates")).hasSize(3);
  }

  @Test
  void pooledLoggerAndEmbeddingLogsAreRankedByTheirEstimators() throws IOException {
    String[] candidates = {"--eval-policy", "warm=softmax:2", "--eval-policy", "greedy=argmax", "--eval-policy",
        "random=uniform"};
    Path pooled = dir.resolve("pooled.csv");
    List<String> simulate = new java.util.ArrayList<>(List.of("simulate", "--rows", "20000", "--seed", "6", "--logger",
        "old=0.3:1", "--logger", "new=3:2", "--output", pooled.toString()));
    simulate.addAll(List.of(candidates));
    CliRun run = CliRun.of(simulate.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path pooledTruth = dir.resolve("pooled.truth.json");
    JsonNode byLoggers = json(CliRun.of("select", "--data", pooled.toString(), "--estimators", "ipw-balanced",
        "--top-k", "1", "--truth", pooledTruth.toString(), "--format", "json"));
    assertThat(byLoggers.get("selected").get(0).asText())
        .isEqualTo(best(new ObjectMapper().readTree(pooledTruth.toFile()).get("policies")));
    hasBanditMetrics(byLoggers.get("quality"));

    Path embedded = dir.resolve("embedded.csv");
    simulate = new java.util.ArrayList<>(List.of("simulate", "--rows", "20000", "--seed", "6", "--embedding-dims", "2",
        "--actions", "30", "--reward-type", "binary", "--output", embedded.toString()));
    simulate.addAll(List.of(candidates));
    run = CliRun.of(simulate.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path embeddedTruth = dir.resolve("embedded.truth.json");
    JsonNode byMips = json(CliRun.of("select", "--data", embedded.toString(), "--embedding-table",
        dir.resolve("embedded.embedding.csv").toString(), "--estimators", "snmips", "--top-k", "1", "--truth",
        embeddedTruth.toString(), "--format", "json"));
    assertThat(byMips.get("selected").get(0).asText())
        .isEqualTo(best(new ObjectMapper().readTree(embeddedTruth.toFile()).get("policies")));
    hasBanditMetrics(byMips.get("quality"));
  }

  @Test
  void slateMisuseIsAUsageError() throws IOException {
    Path single = dir.resolve("one.csv");
    assertThat(CliRun.of("simulate", "--slate-length", "2", "--slates", "50", "--output", single.toString())
        .exitCode()).isZero();
    CliRun one = CliRun.of("select", "--data", single.toString());
    assertThat(one.exitCode()).isEqualTo(2);
    assertThat(one.err()).contains("at least two candidate policies");
    CliRun both = CliRun.of("simulate", "--slate-length", "2", "--slates", "5", "--candidate", "a=1",
        "--eval-temperature", "2", "--output", dir.resolve("x.csv").toString());
    assertThat(both.exitCode()).isEqualTo(2);
    CliRun bandit = CliRun.of("simulate", "--rows", "5", "--candidate", "a=1", "--output",
        dir.resolve("y.csv").toString());
    assertThat(bandit.exitCode()).isEqualTo(2);
    assertThat(bandit.err()).contains("--eval-policy");
  }

  @Test
  void continuousMisuseIsAUsageError() throws IOException {
    Path single = dir.resolve("single.csv");
    assertThat(CliRun.of("simulate", "--schema", "continuous", "--rows", "100", "--output", single.toString())
        .exitCode()).isZero();
    CliRun one = CliRun.of("select", "--schema", "continuous", "--data", single.toString());
    assertThat(one.exitCode()).isEqualTo(2);
    assertThat(one.err()).contains("at least two candidate policies");
    CliRun mixed = CliRun.of("simulate", "--schema", "continuous", "--rows", "10", "--candidate", "a=1:0",
        "--policy-shift", "1", "--output", dir.resolve("x.csv").toString());
    assertThat(mixed.exitCode()).isEqualTo(2);
    CliRun bad = CliRun.of("simulate", "--schema", "continuous", "--rows", "10", "--candidate", "a=1",
        "--output", dir.resolve("x.csv").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("NAME=SLOPE:SHIFT[:NOISE]");
  }
}
