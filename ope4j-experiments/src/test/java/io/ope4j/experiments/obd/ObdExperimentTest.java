package io.ope4j.experiments.obd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.engine.EvaluationConfig;
import io.ope4j.io.ObdLoader;
import io.ope4j.io.ObdLog;
import io.ope4j.rewardmodel.RewardData;
import io.ope4j.rewardmodel.RewardModelFitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObdExperimentTest {

  private static final Path DATA = Path.of("..", "data", "obd");

  /** Model-free only: asking for a model fails the test. */
  private static final ObdExperiment.Models NO_MODELS = new ObdExperiment.Models() {
    @Override
    public List<String> names() {
      return List.of("logistic");
    }

    @Override
    public RewardModelFitter fitter(String name, ObdLog log) {
      throw new AssertionError("no model was asked for");
    }

    @Override
    public double[] crossFit(RewardModelFitter fitter, RewardData data, int folds, long seed) {
      throw new AssertionError("no model was asked for");
    }
  };

  @TempDir Path dir;

  private static ObdExperiment.Settings settings(String campaign, String rewardModel, List<Path> specs) {
    return new ObdExperiment.Settings(DATA, campaign, null, rewardModel, 3, 1L, 2_000, 5L, 1, specs);
  }

  private static EvaluationConfig config(List<io.ope4j.estimator.Estimator> estimators) {
    return EvaluationConfig.of(estimators).withThreads(1);
  }

  @Test
  void withoutModel_estimatesBtsAndTheSpecPolicies_besideTheOnPolicyTruth() throws IOException {
    Path spec = dir.resolve("uniform.json");
    Files.writeString(spec, "{\"name\": \"uniform\", \"type\": \"uniform\"}");
    ObdExperiment.Outcome outcome = ObdExperiment.run(settings("men", ObdExperiment.NO_MODEL, List.of(spec)),
        ObdExperimentTest::config, NO_MODELS);

    assertThat(outcome.result().estimates()).extracting(e -> e.policy() + "/" + e.estimator())
        .containsExactly("bts/ipw", "bts/snipw", "uniform/ipw", "uniform/snipw");
    double onPolicy = ObdLoader.loadCampaign(DATA, "bts", "men").meanReward();
    assertThat(outcome.truths()).containsExactly(java.util.Map.entry(ObdExperiment.POLICY, onPolicy));
    // The logging policy is uniform: IPW of the uniform policy is the mean logged reward.
    double logged = ObdLoader.loadCampaign(DATA, "random", "men").meanReward();
    assertThat(outcome.result().estimate("uniform", "ipw").value()).isCloseTo(logged,
        org.assertj.core.api.Assertions.within(1e-12));
    String json = outcome.report().toString("json");
    assertThat(json).startsWith("{\n  \"dataset\" : {\n    \"name\" : \"open-bandit-dataset\"")
        .contains("\"extra_policies\" : [ \"uniform\" ]").contains("\"true_value\" : " + onPolicy);
  }

  @Test
  void badSettingsAreRefusedBeforeAnyDataIsRead() {
    Path missing = dir.resolve("nowhere");
    ObdExperiment.Settings women = new ObdExperiment.Settings(missing, "kids", null, "none", 3, 1L, 10, 5L, 1,
        List.of());
    assertThatThrownBy(() -> ObdExperiment.run(women, ObdExperimentTest::config, NO_MODELS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("men or women, got 'kids'");
    ObdExperiment.Settings unknownModel = new ObdExperiment.Settings(missing, "men", null, "forest", 3, 1L, 10, 5L,
        1, List.of());
    assertThatThrownBy(() -> ObdExperiment.run(unknownModel, ObdExperimentTest::config, NO_MODELS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be one of none, logistic, got 'forest'");
  }
}
