package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.estimator.Estimator;
import io.ope4j.experiments.obd.ObdExperiment;
import io.ope4j.io.ObdLoader;
import io.ope4j.io.ObdLog;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModel;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObdCommandTest {

  static final String DATA = Path.of("..", "data", "obd").toString();
  /** OBP's IPW estimate of bts on the men log (shared/oracles/obp). */
  private static final double OBP_IPW = 0.004542678800000009;

  static ObdLog men;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    men = ObdLoader.loadCampaign(Path.of(DATA), "random", "men");
  }

  @Test
  void quickstart_isTheObdExperimentOnMen_fastAndCloseToOpenBanditPipeline() throws IOException {
    long start = System.nanoTime();
    CliRun run = CliRun.of("quickstart", "--data-dir", DATA, "--format", "json");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(seconds).as("seconds").isLessThan(30);
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode dataset = json.get("dataset");
    assertThat(dataset.get("campaign").asText()).isEqualTo("men");
    assertThat(dataset.get("evaluation_policy").get("simulations").asLong()).isEqualTo(1_000_000);
    assertThat(dataset.get("ground_truth").get("value").asDouble()).isEqualTo(0.0069);
    JsonNode ipw = json.get("estimates").get(1);
    assertThat(ipw.get("estimator").asText()).isEqualTo("ipw");
    assertThat(json.get("estimates").get(0).get("estimator").asText()).isEqualTo("dm");
    assertThat(dataset.get("reward_model").asText()).startsWith("logistic(C=100");
    assertThat(ipw.get("value").asDouble()).isCloseTo(OBP_IPW, within(0.01 * OBP_IPW));
    assertThat(ipw.get("true_value").asDouble()).isEqualTo(0.0069);
    assertThat(ipw.get("relative_error").asDouble()).isCloseTo(
        Math.abs(ipw.get("value").asDouble() - 0.0069) / 0.0069, within(1e-15));
    assertThat(ipw.get("diagnostics").get("max_weight").asDouble()).isBetween(10.0, 11.0);
    assertThat(run.err()).contains("quickstart synthetic");
  }

  @Test
  void obdTable_showsTheSetupTheTruthAndTheRelativeError() {
    CliRun run = CliRun.of("obd", "--campaign", "women", "--data-dir", DATA, "--n-sim", "100000", "--threads", "2",
        "--reward-model", "none");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("campaign women").contains("46 items, 3 slots").contains("100,000 simulations")
        .contains("0.00460000").contains("rel. error").contains("snipw").contains("ESS");
  }

  @Test
  void uniformSpec_onTheUniformLog_hasWeightOneAndIpwEqualToTheMeanClick() throws IOException {
    // pi = 1/34 = pscore, so every weight is 1 and IPW = SNIPW = mean click = 46 / 10,000.
    Path spec = write("uniform.json", "{\"name\": \"uni\", \"type\": \"uniform\"}");
    CliRun run = CliRun.of("obd", "--data-dir", DATA, "--n-sim", "20000", "--policy-spec", spec.toString(),
        "--reward-model", "none", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode uniform = json.get("estimates").get(2);
    assertThat(uniform.get("policy").asText()).isEqualTo("uni");
    assertThat(uniform.get("value").asDouble()).isCloseTo(0.0046, within(1e-15));
    assertThat(uniform.get("diagnostics").get("max_weight").asDouble()).isCloseTo(1.0, within(1e-15));
    assertThat(json.get("dataset").get("extra_policies").get(0).asText()).isEqualTo("uni");
  }

  @Test
  void everySpecKind_runsOnTheContextOfTheLog() throws IOException {
    int d = men.contextDim();
    StringBuilder weights = new StringBuilder("[");
    for (int a = 0; a < 34; a++) {
      weights.append(a == 0 ? "[" : ",[");
      for (int j = 0; j < d; j++) {
        weights.append(j == 0 ? "" : ",").append((a * 7 + j * 3) % 5 - 2);
      }
      weights.append("]");
    }
    weights.append("]");
    String bias = "[" + "0.1,".repeat(33) + "0.2]";
    Path spec = write("all.json", "{\"policies\": ["
        + "{\"name\": \"greedy\", \"type\": \"argmax\", \"weights\": " + weights + ", \"bias\": " + bias + "},"
        + "{\"name\": \"eps\", \"type\": \"epsilon-greedy\", \"epsilon\": 0.1, \"weights\": " + weights + "},"
        + "{\"name\": \"soft\", \"type\": \"softmax\", \"temperature\": 0.5, \"weights\": " + weights + "},"
        + "{\"name\": \"ts\", \"type\": \"bernoulli-ts\", \"prior\": \"" + Path.of(DATA, "prior_bts.yaml").toAbsolutePath()
        + "\", \"campaign\": \"men\", \"simulations\": 20000, \"seed\": 1}]}");
    CliRun run = CliRun.of("obd", "--data-dir", DATA, "--n-sim", "20000", "--policy-spec", spec.toString(),
        "--estimators", "ipw", "--reward-model", "none", "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().skip(1).map(line -> line.split(",")[0]))
        .containsExactly("bts", "greedy", "eps", "soft", "ts");
  }

  @Test
  void aRewardModel_givesDmAndDrThroughTheCrossFitter() throws IOException {
    // A stand-in for ope4j-models: the mean reward of each action on the training rows.
    RewardModelFitter meanPerAction = new RewardModelFitter() {
      @Override
      public RewardModel fit(RewardData data) {
        double[] sums = new double[data.nActions()];
        double[] counts = new double[data.nActions()];
        for (int i = 0; i < data.rows(); i++) {
          sums[data.actions()[i]] += data.rewards()[i];
          counts[data.actions()[i]]++;
        }
        return new RewardModel() {
          @Override
          public int nActions() {
            return sums.length;
          }

          @Override
          public void predict(double[] contexts, int dim, int[] positions, int rows, double[] out) {
            for (int i = 0; i < rows; i++) {
              for (int a = 0; a < sums.length; a++) {
                out[i * sums.length + a] = counts[a] == 0 ? 0 : sums[a] / counts[a];
              }
            }
          }
        };
      }

      @Override
      public String describe() {
        return "mean-per-action";
      }
    };
    ObdExperiment.Models models = new ObdExperiment.Models() {
      @Override
      public List<String> names() {
        return List.of("logistic");
      }

      @Override
      public RewardModelFitter fitter(String name, ObdLog log) {
        return meanPerAction;
      }

      @Override
      public double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed) {
        return twoHalves(fitter, data, folds);
      }
    };
    ObdExperiment.Settings settings = new ObdExperiment.Settings(Path.of(DATA), "men", null, "logistic", 2, 1L,
        50_000, 12345L, 2, List.of());
    ObdExperiment.Outcome outcome = ObdExperiment.run(settings, ObdCommandTest::config, models);
    assertThat(outcome.result().estimates()).extracting(e -> e.estimator())
        .containsExactly("dm", "ipw", "snipw", "dr", "sndr");
    double dm = outcome.result().estimate("bts", "dm").value();
    assertThat(dm).isBetween(0.001, 0.02);
    assertThat(outcome.preamble().get(3)).contains("mean-per-action, cross-fitted (2 folds, seed 1)");
  }

  @Test
  void quickstartSynthetic_isTheSimulatedDemo() {
    CliRun run = CliRun.of("quickstart", "synthetic", "--dir", dir.toString(), "--rows", "2000", "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("policy,estimator").contains("true_value");
    assertThat(dir.resolve("log.csv.gz")).exists();
  }

  /** Predicts fold f's rows (i mod folds = f) by the mean reward per action of the other rows. */
  private static double[] twoHalves(RewardModelFitter fitter, RewardData data, int folds) {
    int k = data.nActions();
    double[] q = new double[data.rows() * k];
    for (int fold = 0; fold < folds; fold++) {
      int f = fold;
      int[] train = java.util.stream.IntStream.range(0, data.rows()).filter(i -> i % folds != f).toArray();
      RewardData part = new RewardData(new double[0], 0, pick(data.actions(), train), null,
          java.util.Arrays.stream(train).mapToDouble(i -> data.rewards()[i]).toArray(), null, k);
      double[] row = new double[k];
      RewardModel model = fitter.fit(part);
      model.predict(new double[0], 0, null, 1, row);
      for (int i = f; i < data.rows(); i += folds) {
        System.arraycopy(row, 0, q, i * k, k);
      }
    }
    return q;
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return out;
  }

  private static EvaluationConfig config(List<Estimator> estimators) {
    return EvaluationConfig.of(estimators).withThreads(2);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
