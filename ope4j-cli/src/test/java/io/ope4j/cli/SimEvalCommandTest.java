package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ope4j sim-eval}: simulator evaluation, its stopping rule, thread independence and sim-vs-log agreement. */
class SimEvalCommandTest {

  @TempDir Path dir;

  private static final String[] BANDIT = {"--env", "bandit", "--contexts", "20", "--actions", "5",
      "--eval-policy", "cold=softmax:0.3", "--eval-policy", "warm=softmax:2", "--eval-policy", "random=uniform"};
  private static final String[] TABULAR = {"--env", "tabular", "--states", "5", "--actions", "3", "--gamma", "0.9",
      "--target", "sharp=softmax:0.1", "--target", "random=uniform", "--target", "greedy=greedy"};

  private static JsonNode json(CliRun run) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static String[] args(String[] env, String... more) {
    String[] all = new String[1 + env.length + more.length];
    all[0] = "sim-eval";
    System.arraycopy(env, 0, all, 1, env.length);
    System.arraycopy(more, 0, all, 1 + env.length, more.length);
    return all;
  }

  @Test
  void bandit_estimatesEveryPolicyNearItsExactValue() throws IOException {
    JsonNode root = json(CliRun.of(args(BANDIT, "--budget", "8192", "--format", "json")));
    assertThat(root.get("policies")).hasSize(3);
    for (JsonNode p : root.get("policies")) {
      assertThat(p.get("episodes").asLong()).isEqualTo(8192);
      double halfWidth = (p.get("ci_upper").asDouble() - p.get("ci_lower").asDouble()) / 2;
      // 3 policies at 95%: a miss is possible, but not by twice the half-width
      assertThat(Math.abs(p.get("value").asDouble() - p.get("exact_value").asDouble())).isLessThan(2 * halfWidth);
    }
  }

  @Test
  void outputDoesNotDependOnThreads_withProps() {
    CliRun one = CliRun.of(args(TABULAR, "--sampling", "props", "--budget", "3000", "--threads", "1", "--format", "csv"));
    CliRun three = CliRun.of(args(TABULAR, "--sampling", "props", "--budget", "3000", "--threads", "3", "--format", "csv"));
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(three.out()).isEqualTo(one.out());
  }

  @Test
  void stopsAtTheTargetWidth() throws IOException {
    JsonNode root = json(CliRun.of(args(TABULAR, "--target-width", "0.1", "--budget", "1000000", "--format", "json")));
    for (JsonNode p : root.get("policies")) {
      assertThat(p.get("stopped").asText()).isEqualTo("target-width");
      assertThat(p.get("ci_upper").asDouble() - p.get("ci_lower").asDouble()).isLessThan(0.1);
      assertThat(p.get("episodes").asLong()).isLessThan(1000000);
    }
  }

  @Test
  void agreement_withABanditLogOfTheSamePolicies() throws IOException {
    Path log = dir.resolve("bandit.csv");
    String[] simulate = {"simulate", "--rows", "20000", "--output", log.toString(), "--contexts", "20", "--actions", "5",
        "--eval-policy", "cold=softmax:0.3", "--eval-policy", "warm=softmax:2", "--eval-policy", "random=uniform"};
    assertThat(CliRun.of(simulate).exitCode()).isZero();
    JsonNode root = json(CliRun.of(args(BANDIT, "--budget", "20000", "--logs", log.toString(), "--format", "json")));
    JsonNode agreement = root.get("agreement");
    System.out.println("sim-vs-logs | bandit | " + agreement);
    assertThat(agreement.get("spearman").asDouble()).isEqualTo(1.0);
    assertThat(agreement.get("mean_absolute_difference").asDouble()).isLessThan(0.05);
    assertThat(agreement.get("log").asText()).startsWith("snipw on ");
  }

  @Test
  void simulatedValues_feedSelectAsATruthFile_andTheReport() throws IOException {
    Path log = dir.resolve("bandit.csv");
    Path values = dir.resolve("values.json");
    Path html = dir.resolve("sim.html");
    assertThat(CliRun.of("simulate", "--rows", "5000", "--output", log.toString(), "--contexts", "20", "--actions",
        "5", "--eval-policy", "cold=softmax:0.3", "--eval-policy", "warm=softmax:2", "--eval-policy",
        "random=uniform").exitCode()).isZero();
    CliRun sim = CliRun.of(args(BANDIT, "--budget", "4096", "--values-out", values.toString(), "--report",
        html.toString(), "--logs", log.toString()));
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    assertThat(java.nio.file.Files.readString(html)).contains("Simulated values").contains("Spearman");
    JsonNode selection = json(CliRun.of("select", "--data", log.toString(), "--truth", values.toString(),
        "--format", "json"));
    assertThat(selection.get("candidates")).hasSize(3);
    assertThat(selection.toString()).contains("true_value");
  }

  @Test
  void agreement_withATrajectoryLogOfTheSameMdp() throws IOException {
    Path log = dir.resolve("mdp.csv");
    String[] simulate = {"simulate", "--env", "tabular", "--states", "5", "--actions", "3", "--gamma", "0.9",
        "--episodes", "5000", "--target", "sharp=softmax:0.1", "--target", "random=uniform", "--target", "greedy=greedy",
        "--output", log.toString()};
    CliRun simulated = CliRun.of(simulate);
    assertThat(simulated.exitCode()).as(simulated.err()).isZero();
    JsonNode root = json(CliRun.of(args(TABULAR, "--budget", "5000", "--logs", log.toString(), "--format", "json")));
    JsonNode agreement = root.get("agreement");
    System.out.println("sim-vs-logs | tabular | " + agreement);
    assertThat(agreement.get("log").asText()).startsWith("pdis on ");
    assertThat(agreement.get("spearman").isNumber()).isTrue();
  }

  @Test
  void badInput_exitsWith2() {
    assertThat(CliRun.of(args(BANDIT, "--sampling", "greedy")).exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(CliRun.of(args(BANDIT, "--round", "100")).exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(CliRun.of(args(BANDIT, "--env", "gridworld")).exitCode()).isEqualTo(Ope4j.BAD_INPUT);
  }
}
