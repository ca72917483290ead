package io.ope4j.models.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.BatchSource;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.BatchContent;
import io.ope4j.io.CsvLogReader;
import io.ope4j.io.LogReadOptions;
import io.ope4j.models.LogisticRegression;
import io.ope4j.models.SoftmaxRegression;
import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.FitWeighting;
import io.ope4j.rewardmodel.ModelledLog;
import io.ope4j.rewardmodel.RewardData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fit, then evaluate, over a log read twice: the same numbers as the in-memory ModelledLog. */
class FittedEvaluationTest {

  static final int N = 6_000;
  static final int K = 3;
  static final int DIM = 2;
  static final double[] X = new double[N * DIM];
  static final int[] ACTIONS = new int[N];
  static final double[] REWARDS = new double[N];
  static final double[] PSCORE = new double[N];
  static final double[][] PI = new double[2][N * K];
  static final EvaluationConfig CONFIG = EvaluationConfig.of(Estimators.parseList("dm,ipw,dr,sndr")).withThreads(2);
  static final LogReadOptions OPTIONS = LogReadOptions.defaults().withContent(BatchContent.ESTIMATOR_COLUMNS
      .withContexts().withWideColumns().withModelSupplied()).withPscoreOptional(true);

  @TempDir static Path dir;
  static Path log;

  @BeforeAll
  static void writeLog() throws IOException {
    SplittableRandom random = new SplittableRandom(8);
    StringBuilder text = new StringBuilder("action,reward,pscore,x_0,x_1,pi_a_0,pi_a_1,pi_a_2,pi_b_0,pi_b_1,pi_b_2\n");
    for (int i = 0; i < N; i++) {
      X[i * DIM] = random.nextGaussian();
      X[i * DIM + 1] = random.nextDouble();
      ACTIONS[i] = random.nextInt(K);
      PSCORE[i] = 1.0 / K;
      REWARDS[i] = random.nextDouble() < 0.2 + 0.2 * ACTIONS[i] * X[i * DIM + 1] ? 1 : 0;
      int greedy = X[i * DIM] > 0 ? 2 : 0;
      for (int a = 0; a < K; a++) {
        PI[0][i * K + a] = a == greedy ? 1 : 0;
        PI[1][i * K + a] = a == 1 ? 0.5 : 0.25;
      }
      text.append(ACTIONS[i]).append(',').append(REWARDS[i]).append(',').append(PSCORE[i]).append(',')
          .append(X[i * DIM]).append(',').append(X[i * DIM + 1]);
      for (double[] pi : PI) {
        for (int a = 0; a < K; a++) {
          text.append(',').append(pi[i * K + a]);
        }
      }
      text.append('\n');
    }
    log = Files.writeString(dir.resolve("log.csv"), text);
  }

  /** Opens the log and counts how often it was opened. */
  private static LogSupplier counting(AtomicInteger opens) {
    return () -> {
      opens.incrementAndGet();
      return CsvLogReader.open(log, OPTIONS);
    };
  }

  private static ModelledLog.Builder inMemory(double[] pscore) {
    return ModelledLog.builder(X, DIM, ACTIONS, null, REWARDS, pscore).policy("a", PI[0]).policy("b", PI[1]);
  }

  @Test
  void plainFit_readsTwiceAndEqualsTheInMemoryLog() throws IOException {
    LogisticRegression fitter = LogisticRegression.withC(1).threads(1);
    CrossFitting folds = CrossFitting.folds(3, 5);
    AtomicInteger opens = new AtomicInteger();
    FittedEvaluation.Outcome outcome = FittedEvaluation.of(fitter, folds, FitWeighting.PLAIN)
        .evaluate(counting(opens), CONFIG);
    assertThat(opens).hasValue(2);

    CrossFittedModel model = CrossFittedModel.fit(fitter, new RewardData(X, DIM, ACTIONS, null, REWARDS, null, K),
        folds);
    EvaluationResult reference = new Evaluator(CONFIG).evaluate(inMemory(PSCORE).model(model).build().source());
    assertThat(outcome.result().estimates()).isEqualTo(reference.estimates());
    assertThat(outcome.description()).containsExactly(
        "reward model: logistic(C=1), cross-fitted (3 folds, seed 5), weights plain", "propensities: logged");
  }

  /** One model per fold, per policy with weights that depend on it, and per fold of the propensities. */
  @Test
  void fitProgress_isToldTheModelsToFit_thenEachOneMade() throws IOException {
    java.util.List<Long> totals = new java.util.ArrayList<>();
    java.util.List<Long> made = new java.util.ArrayList<>();
    FittedEvaluation.Outcome outcome = FittedEvaluation.of(LogisticRegression.withC(1).threads(1),
            CrossFitting.folds(3, 5), FitWeighting.IMPORTANCE)
        .withPropensities(SoftmaxRegression.withC(1).threads(1))
        .withFitProgress(total -> {
          totals.add(total);
          return made::add;
        }).evaluate(counting(new AtomicInteger()), CONFIG);
    assertThat(totals).containsExactly(3L * 2 + 3);
    assertThat(made).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
    FittedEvaluation.Outcome quiet = FittedEvaluation.of(LogisticRegression.withC(1).threads(1),
            CrossFitting.folds(3, 5), FitWeighting.IMPORTANCE)
        .withPropensities(SoftmaxRegression.withC(1).threads(1)).evaluate(counting(new AtomicInteger()), CONFIG);
    assertThat(outcome.result().estimates()).isEqualTo(quiet.result().estimates());
  }

  @Test
  void aSpec_fitsItsModelWithTheDefaultCrossFitting() throws IOException {
    FittedEvaluation.Outcome outcome = FittedEvaluation.of("logistic:C=1")
        .evaluate(counting(new AtomicInteger()), CONFIG);
    FittedEvaluation.Outcome byHand = FittedEvaluation.of(LogisticRegression.withC(1),
        CrossFitting.folds(3, 12345), FitWeighting.PLAIN).evaluate(counting(new AtomicInteger()), CONFIG);
    assertThat(outcome.result().estimates()).isEqualTo(byHand.result().estimates());
    assertThat(outcome.description()).startsWith(
        "reward model: logistic(C=1), cross-fitted (3 folds, seed 12345), weights plain");
  }

  /** Issue 17: DM reads no pscore, so a log without one is evaluated by DM with a fitted model. */
  @Test
  void dm_needsNoPscoreColumn_butDrDoes() throws IOException {
    String text = Files.readString(log).replaceAll("(?m)^([^,]*,[^,]*),[^,]*", "$1");
    Path noPscore = Files.writeString(dir.resolve("no-pscore.csv"), text);
    LogSupplier source = () -> CsvLogReader.open(noPscore, OPTIONS);
    EvaluationConfig dm = EvaluationConfig.of(Estimators.parseList("dm")).withThreads(2);
    FittedEvaluation.Outcome outcome = FittedEvaluation.of("logistic:C=1").evaluate(source, dm);
    FittedEvaluation.Outcome withPscore = FittedEvaluation.of("logistic:C=1")
        .evaluate(counting(new AtomicInteger()), dm);
    // the same DM; only the weight diagnostics, undefined without pscore, differ
    assertThat(outcome.result().estimates()).extracting(e -> e.policy() + " " + e.value() + " " + e.interval())
        .isEqualTo(withPscore.result().estimates().stream()
            .map(e -> e.policy() + " " + e.value() + " " + e.interval()).toList());
    assertThatThrownBy(() -> FittedEvaluation.of("logistic:C=1").evaluate(source, CONFIG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(noPscore + ": estimator ipw needs the pscore column (behaviour policy's probability of the"
            + " logged action); the log has none");
  }

  @Test
  void policyWeightedFit_readsOncePerPolicyMore() throws IOException {
    AtomicInteger opens = new AtomicInteger();
    FittedEvaluation.Outcome outcome = FittedEvaluation
        .of(LogisticRegression.withC(1).threads(1), CrossFitting.folds(2, 5), FitWeighting.MRDR)
        .evaluate(counting(opens), CONFIG);
    assertThat(opens).hasValue(3);
    assertThat(outcome.description()).anyMatch(line -> line.startsWith("[b] reward model:")
        && line.endsWith("weights mrdr for policy b"));
    assertThat(outcome.result().estimates()).extracting(e -> e.policy()).containsExactly("a", "a", "a", "a",
        "b", "b", "b", "b");
  }

  @Test
  void estimatedPropensities_replaceThePscoreColumnAndAreSaid() throws IOException {
    AtomicInteger opens = new AtomicInteger();
    SoftmaxRegression propensities = SoftmaxRegression.withC(1).threads(1);
    FittedEvaluation.Outcome outcome = FittedEvaluation.of(null, CrossFitting.folds(3, 1), FitWeighting.PLAIN)
        .withPropensities(propensities)
        .evaluate(counting(opens), EvaluationConfig.of(Estimators.parseList("ipw")));
    assertThat(opens).hasValue(2);
    assertThat(outcome.description().get(0)).isEqualTo("note: the pscore column of " + log + " is ignored (estimated"
        + " propensities)");
    assertThat(outcome.result().warnings().get(0)).startsWith("estimated propensities");
    double[] estimated = io.ope4j.models.PropensityEstimator.crossFitted(propensities, X, DIM, ACTIONS, K,
        CrossFitting.folds(3, 1)).pscore();
    EvaluationResult reference = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw")))
        .evaluate(inMemory(estimated).build().source());
    assertThat(outcome.result().estimates()).isEqualTo(reference.estimates());
  }

  @Test
  void badFitData_isNamedWithTheLog() {
    io.ope4j.rewardmodel.RewardModelFitter picky = new io.ope4j.rewardmodel.RewardModelFitter() {
      @Override
      public io.ope4j.rewardmodel.RewardModel fit(RewardData data) {
        throw new AssertionError("validate refuses first");
      }

      @Override
      public String describe() {
        return "picky";
      }

      @Override
      public void validate(RewardData data) {
        throw new IllegalArgumentException("row " + data.rows() + " is not to my taste");
      }
    };
    assertThatThrownBy(() -> FittedEvaluation.of(picky, CrossFitting.folds(2, 1), FitWeighting.PLAIN)
        .evaluate(() -> CsvLogReader.open(log, OPTIONS), CONFIG))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(log + ": row " + N + " is not to my taste");
    LogReadOptions narrow = LogReadOptions.defaults().withContent(BatchContent.ESTIMATOR_COLUMNS.withContexts()
        .withModelSupplied());
    assertThatThrownBy(() -> FittedEvaluation.of(LogisticRegression.withC(1), CrossFitting.folds(2, 1),
        FitWeighting.PLAIN).evaluate(() -> (BatchSource) CsvLogReader.open(log, narrow), CONFIG))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(log + ": a fitted reward model needs");
  }
}
