package io.ope4j.likelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/** Any split of a stream, merged, gives the one-pass estimates and intervals (to 1e-12; the MLE to the bit). */
class LikelihoodMergeTest {

  @RepeatedTest(10)
  void anySplitMerged_isOnePass(RepetitionInfo repetition) {
    long seed = 700 + repetition.getCurrentRepetition();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 + random.nextInt(3000);
    int split = random.nextInt(n + 1);
    CressieRead[] cr = {new CressieRead(), new CressieRead(), new CressieRead()};
    ClopperPearson[] cp = {new ClopperPearson(), new ClopperPearson(), new ClopperPearson()};
    EmpiricalLikelihood[] el = {new EmpiricalLikelihood(), new EmpiricalLikelihood(), new EmpiricalLikelihood()};
    for (int i = 0; i < n; i++) {
      double w = random.nextInt(4) * 0.5 + random.nextDouble() * 0.1;
      double r = random.nextDouble();
      int part = i < split ? 1 : 2;
      cr[0].add(w, r);
      cr[part].add(w, r);
      cp[0].add(w, r);
      cp[part].add(w, r);
      el[0].add(w, r);
      el[part].add(w, r);
    }
    cr[1].merge(cr[2]);
    cp[1].merge(cp[2]);
    el[1].merge(el[2]);
    String at = "seed " + seed;
    assertThat(cr[1].estimate()).as(at).isCloseTo(cr[0].estimate(), within(1e-12));
    assertThat(cr[1].interval(0.95, 0, 1)).as(at).containsExactly(cr[0].interval(0.95, 0, 1), within(1e-12));
    assertThat(cp[1].interval(0.9, 0, 1)).as(at).containsExactly(cp[0].interval(0.9, 0, 1), within(1e-12));
    assertThat(el[1].estimate()).as(at).isEqualTo(el[0].estimate());
  }
}
