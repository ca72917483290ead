package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.report.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit codes of {@code ope4j gate}, its decision record and its report, on a simulated log. */
class GateCommandTest {

  @TempDir static Path dir;
  static Path log;

  /** The logging policy is softmax at temperature 1, so "base" is the policy that logged the data. */
  @BeforeAll
  static void simulate() {
    log = dir.resolve("sim.csv");
    CliRun run = CliRun.of("simulate", "--rows", "5000", "--output", log.toString(),
        "--eval-policy", "base=softmax:1", "--eval-policy", "better=softmax:0.5", "--eval-policy", "worse=uniform");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static CliRun gate(String... more) {
    String[] args = new String[more.length + 5];
    System.arraycopy(new String[] {"gate", "--data", log.toString(), "--baseline", "base"}, 0, args, 0, 5);
    System.arraycopy(more, 0, args, 5, more.length);
    return CliRun.of(args);
  }

  @Test
  void aBetterCandidate_isDeployedWithExitCode0() {
    CliRun run = gate("--policy", "base=pi_base_", "--policy", "better=pi_better_", "--estimators", "ipw");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Ope4j.OK);
    assertThat(run.out()).contains("Gate: DEPLOY (exit 0), recommended: better").contains("Deploy 'better'")
        .contains("- (no --term-range)").doesNotContain("NaN");
  }

  @Test
  void aWorseCandidate_isNotDeployedWithExitCode3() {
    CliRun run = gate("--policy", "base=pi_base_", "--policy", "worse=pi_worse_");
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(Ope4j.DO_NOT_DEPLOY);
    assertThat(run.out()).contains("Gate: DO-NOT-DEPLOY (exit 3)");
  }

  @Test
  void thinSupport_isRefusedWithExitCode4AndItsReason() {
    CliRun run = gate("--min-ess", "1e9");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Ope4j.INCONCLUSIVE);
    assertThat(run.out()).contains("refused").contains("effective sample size");
  }

  @Test
  void badInput_exitsWith2() {
    assertThat(gate("--confidence", "1.5").exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    CliRun missing = CliRun.of("gate", "--data", log.toString(), "--baseline", "nobody");
    assertThat(missing.exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(missing.err()).contains("'nobody' is not among");
    assertThat(gate("--estimators", "sndr").exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(gate("--bound", "normal").err()).contains("--bound must be t, bootstrap or bernstein");
  }

  @Test
  void bernsteinWithoutATermRange_isRefusedWithExit2AndWhy() {
    CliRun run = gate("--bound", "bernstein");
    assertThat(run.exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.err()).contains("--bound bernstein needs --term-range LO,HI").contains("observed one can be narrower");
    assertThat(gate("--term-range", "1,0").err()).contains("a term range needs finite lower < upper");
    assertThat(gate("--estimators", "snipw", "--term-range", "-1,1").err()).contains("--term-range:")
        .contains("ratio of means");
  }

  @Test
  void aRowOutsideTheTermRange_isRefusedWithExit2NamingFileRowAndValue() {
    CliRun run = gate("--estimators", "ipw", "--bound", "bernstein", "--term-range", "-0.001,0.001");
    assertThat(run.exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.err()).containsPattern("sim\\.csv row \\d+: the per-row difference of the ipw terms of '\\w+' and"
        + " 'base' is -?[0-9.E]+, outside the stated term range \\[-0\\.001, 0\\.001\\]");
  }

  @Test
  void aStatedTermRange_isUsedByBernsteinAndRecorded() throws IOException {
    CliRun stated = gate("--estimators", "ipw", "--bound", "bernstein", "--term-range", "-1000,1000", "--format", "json");
    JsonNode root = new ObjectMapper().readTree(stated.out());
    assertThat(root.get("rule").get("term_range").get(1).asDouble()).isEqualTo(1000.0);
    JsonNode better = root.get("candidates").get(0);
    assertThat(better.get("lower_bernstein").isNumber()).isTrue();
    assertThat(better.get("lower_at_holm").asDouble()).isLessThan(better.get("lower_t").asDouble());
    CliRun narrower = gate("--estimators", "ipw", "--bound", "bernstein", "--term-range", "-500,500", "--format", "json");
    double narrow = new ObjectMapper().readTree(narrower.out()).get("candidates").get(0).get("lower_bernstein").asDouble();
    assertThat(narrow).isGreaterThan(better.get("lower_bernstein").asDouble());
    // Without a stated range the record has no Bernstein bound.
    JsonNode plain = new ObjectMapper().readTree(gate("--estimators", "ipw", "--format", "json").out());
    assertThat(plain.get("rule").get("term_range").isNull()).isTrue();
    assertThat(plain.get("candidates").get(0).get("lower_bernstein").isNull()).isTrue();
  }

  @Test
  void quiet_isAccepted() {
    CliRun run = gate("--policy", "base=pi_base_", "--policy", "better=pi_better_", "--estimators", "ipw", "--quiet");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(Ope4j.OK);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void decisionRecord_holdsTheInputsHashTheRuleAndEveryNumber() throws IOException {
    Path record = dir.resolve("decision.json");
    Path html = dir.resolve("gate.html");
    CliRun run = gate("--bound", "bootstrap", "--bootstrap", "200", "--format", "json", "--record", record.toString(),
        "--report", html.toString());
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("exit_code").asInt()).isEqualTo(run.exitCode());
    assertThat(root.get("record").asText()).isEqualTo("ope4j-gate/1");
    assertThat(root.get("inputs").get(0).get("sha256").asText()).isEqualTo(InputFile.of(log.toString()).sha256());
    assertThat(root.get("rule").get("bound").asText()).isEqualTo("bootstrap");
    assertThat(root.get("rule").get("family_size").asInt()).isEqualTo(2);
    JsonNode better = root.get("candidates").get(0);
    assertThat(better.get("policy").asText()).isEqualTo("better");
    assertThat(better.get("lower_bootstrap").isNumber()).isTrue();
    assertThat(better.get("difference").asDouble())
        .isEqualTo(better.get("candidate_value").asDouble() - better.get("baseline_value").asDouble());
    assertThat(root.get("summary").asText()).isNotBlank();
    assertThat(new ObjectMapper().readTree(record.toFile())).isEqualTo(root);
    assertThat(Files.readString(html)).contains("Deployment gate");
  }

  @Test
  void policySpecs_areGatedLikeTheirEvaluation() throws IOException {
    Path uniform = dir.resolve("u.json");
    Files.writeString(uniform, "{\"name\": \"u\", \"type\": \"uniform\"}");
    Path greedy = dir.resolve("g.json");
    Files.writeString(greedy, "{\"name\": \"g\", \"type\": \"epsilon-greedy\", \"epsilon\": 0.5,"
        + " \"weights\": [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1],"
        + " [-1, 0, 0, 0, 0], [0, -1, 0, 0, 0], [0, 0, -1, 0, 0], [0, 0, 0, -1, 0], [0, 0, 0, 0, -1]]}");
    CliRun gated = CliRun.of("gate", "--data", log.toString(), "--baseline", "u", "--policy-spec", uniform.toString(),
        "--policy-spec", greedy.toString(), "--estimators", "ipw", "--format", "json");
    assertThat(gated.exitCode()).as(gated.err()).isIn(Ope4j.OK, Ope4j.DO_NOT_DEPLOY, Ope4j.INCONCLUSIVE);
    CliRun evaluated = CliRun.of("evaluate", "--data", log.toString(), "--policy-spec", uniform.toString(),
        "--policy-spec", greedy.toString(), "--estimators", "ipw", "--format", "json");
    JsonNode estimates = new ObjectMapper().readTree(evaluated.out()).get("estimates");
    JsonNode candidate = new ObjectMapper().readTree(gated.out()).get("candidates").get(0);
    assertThat(candidate.get("policy").asText()).isEqualTo("g");
    assertThat(candidate.get("candidate_value").asDouble()).isEqualTo(estimates.get(1).get("value").asDouble());
    assertThat(candidate.get("baseline_value").asDouble()).isEqualTo(estimates.get(0).get("value").asDouble());
    assertThat(new ObjectMapper().readTree(gated.out()).get("inputs")).hasSize(3);
  }
}
