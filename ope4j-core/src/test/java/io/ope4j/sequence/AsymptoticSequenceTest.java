package io.ope4j.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class AsymptoticSequenceTest {

  @RepeatedTest(10)
  void anySplitMerged_isOnePass(RepetitionInfo repetition) {
    long seed = 300 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1 + random.nextInt(5000);
    int split = random.nextInt(n + 1);
    AsymptoticSequence whole = new AsymptoticSequence(0.05, 1000);
    AsymptoticSequence first = new AsymptoticSequence(0.05, 1000);
    AsymptoticSequence second = new AsymptoticSequence(0.05, 1000);
    for (int i = 0; i < n; i++) {
      double w = random.nextDouble() * 3;
      double x = w * random.nextDouble();
      whole.add(x, w);
      (i < split ? first : second).add(x, w);
    }
    first.merge(second);
    SequenceInterval a = whole.interval();
    SequenceInterval b = first.interval();
    assertThat(b.lower()).as("seed %d", seed).isCloseTo(a.lower(), within(1e-12));
    assertThat(b.upper()).as("seed %d", seed).isCloseTo(a.upper(), within(1e-12));
  }

  @Test
  void plainMean_handComputed() {
    // terms 0 and 1: mean 1/2, variance (divisor n) 1/4; rho^2 for target 1 row
    AsymptoticSequence sequence = new AsymptoticSequence(0.05, 1);
    sequence.add(0);
    sequence.add(1);
    double log = -2 * Math.log(0.05);
    double rho2 = log + Math.log(log + 1);
    double spread = 2 * 0.25 * rho2 + 1;
    double half = Math.sqrt(2 * spread / (4 * rho2) * Math.log(Math.sqrt(spread) / 0.05));
    assertThat(sequence.interval().lower()).isCloseTo(0.5 - half, within(1e-15));
    assertThat(sequence.interval().upper()).isCloseTo(0.5 + half, within(1e-15));
  }
}
