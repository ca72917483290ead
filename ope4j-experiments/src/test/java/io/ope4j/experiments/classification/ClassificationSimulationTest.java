package io.ope4j.experiments.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.LogReaders;
import io.ope4j.io.TruthFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationSimulationTest {

  private static final Path WINE = Path.of("..", "testdata", "uci", "wine_data.csv");

  @TempDir Path dir;

  @Test
  void writesALogWhoseEstimatesMeetTheTruthItWrites() throws IOException {
    Path log = dir.resolve("wine.csv");
    Path truthPath = dir.resolve("wine.truth.json");
    String summary = ClassificationSimulation.run(
        new ClassificationSimulation.Options(WINE, 0.5, 0.1, 0.1, 7), log, truthPath);
    assertThat(summary).contains("178 rows").contains("3 classes").contains("13 features");

    TruthFile truth = TruthFile.read(truthPath);
    assertThat(truth.policies().keySet()).containsExactly("softmax", "argmax", "egreedy");
    assertThat(truth.behaviourValue()).isBetween(0.0, 1.0);
    EvaluationResult result;
    try (BatchSource source = LogReaders.open(log, LogReadOptions.defaults())) {
      result = new Evaluator(EvaluationConfig.of(List.of(Estimators.snipw())).withThreads(1)).evaluate(source);
    }
    for (String policy : truth.policies().keySet()) {
      // 178 rows: the self-normalised estimate is within a few standard errors of the exact value.
      var estimate = result.estimate(policy, "snipw");
      assertThat(estimate.value()).as(policy)
          .isCloseTo(truth.policies().get(policy), within(4 * estimate.stderr() + 1e-9));
    }
  }

  @Test
  void theSameSeedWritesTheSameLog() throws IOException {
    ClassificationSimulation.Options options = new ClassificationSimulation.Options(WINE, 0.5, 0.1, 0.1, 3);
    ClassificationSimulation.run(options, dir.resolve("a.csv"), dir.resolve("a.json"));
    ClassificationSimulation.run(options, dir.resolve("b.csv"), dir.resolve("b.json"));
    assertThat(dir.resolve("a.csv")).hasSameBinaryContentAs(dir.resolve("b.csv"));
    assertThat(dir.resolve("a.json")).hasSameBinaryContentAs(dir.resolve("b.json"));
  }
}
