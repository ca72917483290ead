package io.ope4j.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ContinuousMergeTest {

  private static final String SPECS = "kernel-ipw:kernel=gaussian:bandwidth=0.3,kernel-snipw:kernel=cosine:bandwidth=0.5,"
      + "kernel-dr:kernel=triangular:bandwidth=slope:bandwidths=0.1|0.3|1";

  @Test
  void anyThreadCountGivesTheSameBits() throws IOException {
    ContinuousSimulation simulation = ContinuousSimulation.defaults(150_000, 3);
    ContinuousConfig config = ContinuousConfig.of(ContinuousEstimators.parseList(SPECS))
        .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(20, 5);
    ContinuousResult one = new ContinuousEvaluator(config.withThreads(1)).evaluate(new ContinuousSimulator(simulation));
    ContinuousResult three = new ContinuousEvaluator(config.withThreads(3)).evaluate(new ContinuousSimulator(simulation));
    assertThat(three.estimates()).isEqualTo(one.estimates());
    assertThat(one.estimates().get(2).selected()).startsWith("kernel-dr:kernel=triangular:bandwidth=");
  }

  @RepeatedTest(5)
  void anySplitMergesToOnePass(RepetitionInfo repetition) {
    long seed = 100 + repetition.getCurrentRepetition();
    ContinuousSimulation simulation = ContinuousSimulation.defaults(5000, seed);
    ContinuousConfig config = ContinuousConfig.of(ContinuousEstimators.parseList(SPECS)).withThreads(1);
    ContinuousSimulator simulator = new ContinuousSimulator(simulation);
    int split = (int) (Math.floorMod(seed * 7919, 4999)) + 1;
    ContinuousBatch all = new ContinuousBatch(simulator.layout(), 5000);
    simulator.next(all);
    ContinuousState whole = new ContinuousState(simulator.layout(), config);
    whole.add(all);
    ContinuousSimulator again = new ContinuousSimulator(simulation);
    ContinuousBatch first = new ContinuousBatch(simulator.layout(), split);
    again.next(first);
    ContinuousBatch second = new ContinuousBatch(simulator.layout(), 5000 - split);
    again.next(second);
    ContinuousState left = new ContinuousState(simulator.layout(), config);
    left.add(first);
    ContinuousState right = new ContinuousState(simulator.layout(), config);
    right.add(second);
    left.merge(right);
    ContinuousResult merged = left.finish();
    ContinuousResult onePass = whole.finish();
    for (int e = 0; e < merged.estimates().size(); e++) {
      double expected = onePass.estimates().get(e).value();
      assertThat(merged.estimates().get(e).value()).as("seed %d split %d", seed, split)
          .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }
  }
}
