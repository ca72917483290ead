package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --q-model}: a simulated tabular log without q columns, and refused inputs. */
class EvaluateFittedQTest {

  @TempDir Path dir;

  private Path simulate(int episodes) {
    Path log = dir.resolve("tabular.csv");
    CliRun simulate = CliRun.of("simulate", "--env", "tabular", "--states", "4", "--actions", "2",
        "--episodes", Integer.toString(episodes), "--gamma", "0.9", "--seed", "3", "--output",
        log.toString());
    assertThat(simulate.exitCode()).as(simulate.err()).isZero();
    return log;
  }

  @Test
  void fittedQ_feedsEveryModelEstimator_nearTheExactValues() throws IOException {
    Path log = simulate(8000);
    for (String model : new String[] {"fqe-tabular", "fqe-linear:solve=lstdq"}) {
      CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--q-model",
          model, "--truth", dir.resolve("tabular.truth.json").toString(), "--format", "json",
          "--estimators", "dm,dr,wdr,magic,mis,mdr");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("ope4j: Q model: fqe-").contains("cross-fitted (3 folds");
      JsonNode estimates = new ObjectMapper().readTree(run.out()).get("estimates");
      assertThat(estimates).hasSize(12);
      for (JsonNode estimate : estimates) {
        // the tabular state column is one-hot for fqe-linear, so both fit the table: within 4
        // standard errors, plus 3% for the model's own sampling error (dm's stderr ignores it)
        double error = Math.abs(estimate.get("value").asDouble()
            - estimate.get("true_value").asDouble());
        assertThat(error).as(model + " " + estimate).isLessThan(
            4 * estimate.get("stderr").asDouble() + 0.03 * estimate.get("true_value").asDouble());
      }
    }
  }

  @Test
  void averageReward_withUndiscountedRatios() throws IOException {
    Path log = simulate(4000);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "1", "--q-model",
        "fqe-tabular", "--estimators", "mis,mis-avg,mdr-avg", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode estimates = new ObjectMapper().readTree(run.out()).get("estimates");
    // mean rewards lie in [0, 1], so does a reward per step; an episode's total is larger
    double perStep = estimates.get(1).get("value").asDouble();
    assertThat(perStep).isBetween(0.0, 1.0).isLessThan(estimates.get(0).get("value").asDouble());
    JsonNode doublyRobust = estimates.get(2);
    assertThat(doublyRobust.get("estimator").asText()).isEqualTo("mdr-avg");
    // both estimate the same reward per step; their difference is far below either's error
    assertThat(doublyRobust.get("value").asDouble())
        .isCloseTo(perStep, org.assertj.core.data.Offset.offset(
            4 * estimates.get(1).get("stderr").asDouble()));
  }

  @Test
  void threadsDoNotChangeTheOutput() {
    Path log = simulate(3000);
    String[] outputs = new String[2];
    for (int threads = 1; threads <= 2; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--gamma", "0.9", "--q-model",
          "fqe-tabular", "--ci", "bootstrap", "--bootstrap", "30", "--format", "json",
          "--estimators", "dm,dr,magic,mdr", "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).as(run.err()).isZero();
      outputs[threads - 1] = run.out();
    }
    assertThat(outputs[1]).isEqualTo(outputs[0]);
  }

  @Test
  void refusedInputs_exitTwoWithOneMessage() throws IOException {
    Path log = simulate(50);
    String data = log.toString();
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-forest"}, "unknown Q model");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-tabular", "--horizon-cap", "2"},
        "--horizon-cap");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-trees", "--estimators", "mis"},
        "gives no marginal ratios");
    assertRefused(new String[] {"--data", data, "--estimators", "mis"}, "--q-model");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-tabular", "--gamma", "0.9",
        "--estimators", "mis-avg"}, "needs gamma 1");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-tabular", "--gamma", "0.9",
        "--estimators", "mdr-avg"}, "needs gamma 1");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-linear", "--gamma", "1",
        "--estimators", "mdr-avg"}, "mdr-avg needs fqe-tabular");
    assertRefused(new String[] {"--data", data, "--q-model", "fqe-tabular", "--ci", "hoeffding",
        "--estimators", "magic"}, "t and bootstrap intervals only");
    Path cut = dir.resolve("cut.csv");
    Files.write(cut, Files.readAllLines(log).subList(0, 2)); // episode 0's first row, done 0
    assertRefused(new String[] {"--data", cut.toString(), "--q-model", "fqe-tabular"},
        "episode 0 is cut");
    Path noState = dir.resolve("nostate.csv");
    Files.writeString(noState, Files.readString(log).replace("state,", "other,"));
    assertRefused(new String[] {"--data", noState.toString(), "--q-model", "fqe-linear"},
        "s_* feature columns");
  }

  private static void assertRefused(String[] args, String message) {
    String[] full = new String[args.length + 1];
    full[0] = "evaluate";
    System.arraycopy(args, 0, full, 1, args.length);
    CliRun run = CliRun.of(full);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(message).doesNotContain("internal error");
    assertThat(run.out()).isEmpty();
  }
}
