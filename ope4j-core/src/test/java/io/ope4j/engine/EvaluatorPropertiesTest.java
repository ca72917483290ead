package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** One-pass properties: any batching gives the same numbers; any thread count the same bits. */
class EvaluatorPropertiesTest {

  private static final String ALL =
      "dm,ipw,snipw,dr,sndr,ipw:clip=2,switch-dr:lambda=3,dr-os:lambda=5,ipw-sg:lambda=0.3,dr-sg:lambda=0.3";

  @RepeatedTest(5)
  void anyBatchingGivesTheSameEstimatesTo1e12(RepetitionInfo repetition) throws IOException {
    long seed = 1000 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int rows = 1 + random.nextInt(30_000);
    ColumnarLog log = RandomLogs.of(seed, rows);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(ALL)).withThreads(1);
    EvaluationResult oneBatch = new Evaluator(config).evaluate(log.source(Evaluator.BATCH_ROWS));
    EvaluationResult smallBatches = new Evaluator(config).evaluate(log.source(1 + random.nextInt(999)));
    for (Estimate expected : oneBatch.estimates()) {
      Estimate actual = smallBatches.estimate(expected.policy(), expected.estimator());
      assertThat(actual.value()).as("seed %d %s", seed, expected.estimator())
          .isCloseTo(expected.value(), within(1e-12 * Math.max(1, Math.abs(expected.value()))));
      if (rows > 1) {
        assertThat(actual.stderr()).as("seed %d %s", seed, expected.estimator())
            .isCloseTo(expected.stderr(), within(1e-9 * expected.stderr()));
      }
    }
  }

  @Test
  void threadCountDoesNotChangeASingleBit() throws IOException {
    // 200,000 rows are 49 batches: several chunks, so the threads really split the work.
    ColumnarLog log = RandomLogs.of(7, 200_000);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList(ALL))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(50, 99);
    EvaluationResult one = new Evaluator(config.withThreads(1)).evaluate(log.source());
    EvaluationResult two = new Evaluator(config.withThreads(2)).evaluate(log.source());
    EvaluationResult three = new Evaluator(config.withThreads(3)).evaluate(log.source());
    assertThat(two).isEqualTo(one);
    assertThat(three).isEqualTo(one);
  }

  @RepeatedTest(5)
  void snipwStaysWithinTheRewardRange(RepetitionInfo repetition) throws IOException {
    long seed = 2000 + repetition.getCurrentRepetition();
    ColumnarLog log = RandomLogs.of(seed, 500);
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("snipw")))
        .evaluate(log.source());
    for (Estimate estimate : result.estimates()) {
      assertThat(estimate.value()).as("seed %d", seed).isBetween(0.0, 1.0);
    }
  }

  @Test
  void bootstrapIntervalDoesNotDependOnBatching() throws IOException {
    ColumnarLog log = RandomLogs.of(11, 20_000);
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw"))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(200, 5);
    EvaluationResult a = new Evaluator(config).evaluate(log.source(4096));
    EvaluationResult b = new Evaluator(config).evaluate(log.source(333));
    for (Estimate expected : a.estimates()) {
      Estimate actual = b.estimate(expected.policy(), expected.estimator());
      // Same multiplicities per row; sums differ only by rounding.
      assertThat(actual.interval().lower()).isCloseTo(expected.interval().lower(), within(1e-12));
      assertThat(actual.interval().upper()).isCloseTo(expected.interval().upper(), within(1e-12));
    }
  }
}
