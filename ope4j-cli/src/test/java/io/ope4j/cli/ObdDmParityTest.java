package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.experiments.obd.ObdExperiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reward-model estimators of the Open Bandit Dataset experiment against Open Bandit
 * Pipeline (shared/oracles/obp): OBP fitted LogisticRegression(C=100) per slot on [context,
 * action context] with scikit-learn's shuffled 3-fold KFold; ope4j fits the same model (exact
 * Newton optimum) with its own seeded folds and its own 10^6-draw BTS table, so the DM estimate
 * agrees within a few percent, not to the bit.
 */
class ObdDmParityTest {

  private static final double OBP_DM = 0.004262946444007614;
  private static final double OBP_DR = 0.004514055941458328;

  @Test
  void dm_withCrossFittedLogisticRegression_isWithinFivePercentOfOpenBanditPipeline() throws IOException {
    ObdExperiment.Settings settings = new ObdExperiment.Settings(Path.of(ObdCommandTest.DATA), "men",
        "dm,dr", "logistic", 3, 12345L, 1_000_000, 12345L, 2, List.of());
    EvaluationResult result = ObdExperiment.run(settings, e -> EvaluationConfig.of(e).withThreads(2)).result();
    double dm = result.estimate("bts", "dm").value();
    assertThat(dm).isCloseTo(OBP_DM, within(0.05 * OBP_DM));
    // DR's correction term absorbs most of the model difference.
    assertThat(result.estimate("bts", "dr").value()).isCloseTo(OBP_DR, within(0.05 * OBP_DR));
  }
}
