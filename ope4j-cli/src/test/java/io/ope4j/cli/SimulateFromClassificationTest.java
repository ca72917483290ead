package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateFromClassificationTest {

  static final Path IRIS = Path.of("..", "testdata", "uci", "iris.csv");

  @TempDir Path dir;

  @Test
  void iris_writesLogAndTruth_thatEvaluateReads() throws IOException {
    Path log = dir.resolve("iris.csv.gz");
    CliRun run = CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output", log.toString(),
        "--behaviour-accuracy-mix", "0.3", "--seed", "7");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("wrote 150 rows").contains("3 classes, 4 features");
    Path truth = dir.resolve("iris.truth.json");
    JsonNode root = new ObjectMapper().readTree(truth.toFile());
    assertThat(root.get("policies").fieldNames()).toIterable().containsExactly("softmax", "argmax", "egreedy");
    assertThat(root.get("config").get("behavior_accuracy_mix").asDouble()).isEqualTo(0.3);
    assertThat(root.get("config").get("seed").asLong()).isEqualTo(7);

    CliRun evaluate = CliRun.of("evaluate", "--data", log.toString(), "--truth", truth.toString(),
        "--estimators", "ipw,snipw", "--format", "json");
    assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(evaluate.out()).get("estimates");
    assertThat(estimates).hasSize(6);
    assertThat(evaluate.out()).contains("\"softmax\"").contains("\"egreedy\"");
  }

  @Test
  void header_hasActionRewardPscoreContextsAndPolicies_noModelColumns() throws IOException {
    Path log = dir.resolve("iris.csv");
    assertThat(CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output", log.toString()).exitCode())
        .isZero();
    List<String> header = List.of(Files.readAllLines(log).get(0).split(","));
    assertThat(header.subList(0, 7)).containsExactly("action", "reward", "pscore", "x_0", "x_1", "x_2", "x_3");
    assertThat(header).contains("pi_softmax_0", "pi_argmax_2", "pi_egreedy_1").noneMatch(c -> c.startsWith("q"));
    assertThat(header).hasSize(3 + 4 + 3 * 3);
  }

  @Test
  void sameSeed_sameLog() throws IOException {
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output", a.toString(), "--seed", "3");
    CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output", b.toString(), "--seed", "3");
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void missingLabel_exitsTwoWithOneMessage() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "3,2,a,b\n1.0,2.0,0\n1.5,2.5,\n2.0,1.0,1\n");
    CliRun run = CliRun.of("simulate", "--from-classification", bad.toString(), "--output",
        dir.resolve("out.csv").toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip()).isEqualTo("ope4j: error: " + bad + " row 2, label: missing label (empty last field)");
  }

  @Test
  void syntheticOption_isRejected() {
    CliRun run = CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output",
        dir.resolve("out.csv").toString(), "--actions", "5");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--actions does not apply with --from-classification");
  }

  @Test
  void mixOutOfRange_isRejected() {
    CliRun run = CliRun.of("simulate", "--from-classification", IRIS.toString(), "--output",
        dir.resolve("out.csv").toString(), "--behaviour-accuracy-mix", "1.5");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("behaviour mix must be in [0, 1]");
  }
}
