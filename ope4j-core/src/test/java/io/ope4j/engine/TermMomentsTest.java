package io.ope4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class TermMomentsTest {

  private static TermMoments block(SplittableRandom random, int length) {
    double[] y = new double[length];
    double[] x = new double[length];
    double[] d = new double[length];
    for (int i = 0; i < length; i++) {
      y[i] = random.nextDouble();
      x[i] = random.nextGaussian();
      d[i] = random.nextDouble() * 3;
    }
    TermMoments moments = new TermMoments(true, true);
    moments.addBlock(y, x, d, length, 0);
    return moments;
  }

  @RepeatedTest(5)
  void mergeIsAssociativeAndCommutative(RepetitionInfo repetition) {
    long seed = repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    TermMoments a = block(random, 500);
    TermMoments b = block(random, 700);
    TermMoments c = block(random, 300);
    SplittableRandom again = new SplittableRandom(seed);
    TermMoments a2 = block(again, 500);
    TermMoments b2 = block(again, 700);
    TermMoments c2 = block(again, 300);
    a.merge(b);
    a.merge(c);
    c2.merge(b2);
    c2.merge(a2);
    assertThat(c2.count()).isEqualTo(a.count());
    assertThat(c2.value()).as("seed %d", seed).isCloseTo(a.value(), within(1e-12));
    assertThat(c2.standardError()).as("seed %d", seed).isCloseTo(a.standardError(), within(1e-12));
  }

  @Test
  void compensatedBlockSumsKeepPrecisionOverManyBlocks() {
    // 10^4 blocks of 1000 copies of 0.1: a plain running sum over all 10^7 drifts; ours keeps the
    // error of one block's plain sum (1.4e-15 relative), however many blocks follow.
    TermMoments moments = new TermMoments(false, false);
    double[] x = new double[1000];
    java.util.Arrays.fill(x, 0.1);
    for (int b = 0; b < 10_000; b++) {
      moments.addBlock(null, x, null, x.length, 0);
    }
    double plain = 0;
    for (int i = 0; i < 10_000_000; i++) {
      plain += 0.1;
    }
    assertThat(Math.abs(plain / 1e7 - 0.1)).isGreaterThan(1e-12);
    assertThat(moments.value()).isCloseTo(0.1, within(2e-15));
  }

  @Test
  void standardErrorIsNaNWithOneRow() {
    TermMoments moments = new TermMoments(false, false);
    moments.addBlock(null, new double[] {3.0}, null, 1, 0);
    assertThat(moments.value()).isEqualTo(3.0);
    assertThat(moments.standardError()).isNaN();
  }
}
