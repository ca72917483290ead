package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ope4j simulate --slate-length} and {@code ope4j evaluate} on slate logs: detection, the
 * JSON contract, the truth, the OBP switch, thread counts, and refusals with exit code 2.
 */
class EvaluateSlateTest {

  private static final Path OBP = Path.of("..", "testdata", "obp_slate",
      "slate_independent_shared.csv.gz");

  @TempDir Path dir;

  private Path simulate(String... extra) {
    Path log = dir.resolve("slates.csv.gz");
    String[] args = {"simulate", "--slate-length", "3", "--slates", "3000", "--actions", "5",
        "--contexts", "20", "--seed", "4", "-o", log.toString()};
    String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    CliRun run = CliRun.of(all);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("wrote 3,000 slates of 3 positions");
    return log;
  }

  @Test
  void simulatedLog_isDetectedAndEvaluatedAgainstItsTruth() throws IOException {
    Path log = simulate("--click-model", "independent");
    Path truth = dir.resolve("slates.truth.json");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--truth", truth.toString(),
        "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("schema").asText()).isEqualTo("slate");
    assertThat(root.get("n_slates").asLong()).isEqualTo(3000);
    assertThat(root.get("slate_length").asInt()).isEqualTo(3);
    // every estimator the log supports but pi-slate, which must be asked for
    assertThat(root.get("estimates")).hasSize(7);
    double truthValue = new ObjectMapper().readTree(truth.toFile()).get("policies").get("pi_e")
        .asDouble();
    for (JsonNode estimate : root.get("estimates")) {
      assertThat(estimate.get("true_value").asDouble()).isEqualTo(truthValue);
      assertThat(estimate.get("position_values")).hasSize(3);
      double sum = 0;
      for (JsonNode value : estimate.get("position_values")) {
        sum += value.asDouble();
      }
      assertThat(estimate.get("value").asDouble()).isCloseTo(sum, within(1e-12));
      // 3000 slates: every estimate within 5 of its standard errors of the exact truth
      assertThat(estimate.get("value").asDouble()).as(estimate.get("estimator").asText())
          .isCloseTo(truthValue, within(5 * estimate.get("stderr").asDouble()));
    }
    assertThat(root.get("diagnostics").get("weights").get("cascade").get("ess")).hasSize(3);
  }

  @Test
  void anyThreadCount_givesTheSameBytes() throws IOException {
    String log = simulate().toString();
    String[] outputs = new String[2];
    for (int threads = 1; threads <= 2; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", log, "--schema", "slate", "--ci", "bootstrap",
          "--bootstrap", "40", "--seed", "5", "--format", "json", "--threads",
          Integer.toString(threads), "--estimators", "sips,snrips,cascade-dr,pi-slate");
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs[threads - 1] = run.out();
    }
    assertThat(outputs[1]).isEqualTo(outputs[0]);
  }

  @Test
  void obpSwitch_reproducesObpsBootstrap() throws IOException {
    CliRun run = CliRun.of("evaluate", "--data", OBP.toString(), "--estimators", "cascade-dr",
        "--ci", "bootstrap", "--bootstrap", "1000", "--seed", "12345", "--slate-compat", "obp",
        "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode estimate = new ObjectMapper().readTree(run.out()).get("estimates").get(0);
    JsonNode expected = new ObjectMapper().readTree(OBP.resolveSibling(
        "slate_independent_shared_expected.json").toFile()).get("estimators").get(6).get("ci");
    assertThat(estimate.get("ci_lower").asDouble())
        .isCloseTo(expected.get("lower").asDouble(), within(1e-12));
    assertThat(estimate.get("ci_upper").asDouble())
        .isCloseTo(expected.get("upper").asDouble(), within(1e-12));
  }

  @Test
  void tableAndCsvAndReport() throws IOException {
    String log = simulate().toString();
    CliRun table = CliRun.of("evaluate", "--data", log);
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).contains("3,000 logged slates of 3 positions").contains("cascade-dr");
    CliRun csv = CliRun.of("evaluate", "--data", log, "--format", "csv", "--estimators", "rips");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .isEqualTo("policy,estimator,value,stderr,ci_lower,ci_upper,ci_level,ci_method,slates,"
            + "value_position_0,value_position_1,value_position_2");
    Path html = dir.resolve("report.html");
    CliRun report = CliRun.of("evaluate", "--data", log, "--report", html.toString());
    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(Files.readString(html)).contains("Slate estimates").contains("Weights by position");
  }

  @Test
  void missingPosition_exitsWith2NamingFileRowAndColumn() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "slate_id,position,action,reward,pscore,evaluation_policy_pscore\n"
        + "1,0,0,1,0.5,0.5\n1,1,1,0,0.5,0.5\n2,1,1,0,0.5,0.5\n");
    CliRun run = CliRun.of("evaluate", "--data", bad.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("bad.csv row 3, position: must be 0");
  }

  @Test
  void estimatorWithoutItsColumns_andOtherShapesOptions_exitWith2() throws IOException {
    Path log = dir.resolve("sips.csv");
    Files.writeString(log, "slate_id,position,action,reward,pscore,evaluation_policy_pscore\n"
        + "1,0,0,1,0.5,0.5\n1,1,1,0,0.5,0.5\n");
    CliRun missing = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "cascade-dr");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("estimator cascade-dr needs the columns");
    CliRun hoeffding = CliRun.of("evaluate", "--data", log.toString(), "--ci", "hoeffding");
    assertThat(hoeffding.exitCode()).isEqualTo(2);
    assertThat(hoeffding.err()).contains("not offered for slate logs");
    CliRun gamma = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9");
    assertThat(gamma.exitCode()).isEqualTo(2);
    CliRun compat = CliRun.of("evaluate", "--data", "../examples/logs.csv.gz", "--slate-compat", "obp");
    assertThat(compat.exitCode()).isEqualTo(2);
    assertThat(compat.err()).contains("--slate-compat is for slate logs");
    CliRun simulateRows = CliRun.of("simulate", "--slate-length", "3", "--rows", "5", "-o",
        dir.resolve("x.csv").toString());
    assertThat(simulateRows.exitCode()).isEqualTo(2);
    assertThat(simulateRows.err()).contains("--rows is not an option of the slate simulator");
  }
}
