package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.data.ColumnarLog;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * With a handful of rows, some Poisson-bootstrap replicates draw no row (IPW) or no row the
 * policy weights (SNIPW): their estimate is undefined. The interval comes from the others, and a
 * warning says how many were left out, instead of a silent NaN interval.
 */
class BootstrapSmallSampleTest {

  @Test
  void undefinedReplicatesAreLeftOutAndCounted() throws IOException {
    int[] action = {0, 1, 0, 1, 0, 0};
    double[] reward = {0.7, 0.2, 0.3, 1, 0.1, 0.4};
    double[] pscore = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    double[] pi = {1, 0, 1, 0, 1, 1};
    ColumnarLog log = ColumnarLog.builder(action, reward, pscore).policy("p", pi).nActions(2).build();
    EvaluationConfig config = EvaluationConfig.of(Estimators.parseList("ipw,snipw"))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(1000, 3).withoutIntervalFloors();
    EvaluationResult result = new Evaluator(config).evaluate(log.source(6));
    for (String estimator : new String[] {"ipw", "snipw"}) {
      var interval = result.estimate("p", estimator).interval();
      assertThat(interval.lower()).as(estimator).isFinite();
      assertThat(interval.upper()).as(estimator).isFinite().isGreaterThan(interval.lower());
    }
    assertThat(result.warnings()).anyMatch(w -> w.startsWith("estimator snipw on policy p: ")
        && w.matches(".*: [1-9][0-9]* of 1000 bootstrap replicates drew no row.*"));
  }
}
