package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Any split of the episodes equals one pass; variable lengths equal hand-padded episodes. */
class SequentialMergeTest {

  private static final List<SequentialEstimator> ALL = List.copyOf(java.util.EnumSet.complementOf(
      java.util.EnumSet.of(SequentialEstimator.MIS_AVG, SequentialEstimator.MDR_AVG)));
  private static final SequentialConfig CONFIG =
      SequentialConfig.of(ALL, 0.9).withInterval(IntervalMethod.BOOTSTRAP, 50, 3);

  @RepeatedTest(5)
  void anySplit_equalsOnePass(RepetitionInfo info) throws IOException {
    long seed = info.getCurrentRepetition();
    List<EpisodeSteps> episodes = new TabularMdp(0.9).collect(200, seed, 100);
    SequentialResult once = SequentialEvaluator.evaluate(TabularMdp.source(episodes), CONFIG);
    double[][] normalisers = normalisers(episodes);
    int cut1 = (int) (seed * 37 % 200);
    int cut2 = Math.min(199, cut1 + 50);
    SequentialState a = fold(episodes.subList(0, cut1), normalisers);
    SequentialState b = fold(episodes.subList(cut1, cut2), normalisers);
    SequentialState c = fold(episodes.subList(cut2, 200), normalisers);
    c.merge(a); // (c + a) + b: another order and grouping than the single pass
    c.merge(b);
    SequentialResult split = SequentialEvaluator.finish(c, List.of("target"), CONFIG);
    assertSame(once, split, "seed " + seed);
  }

  @Test
  void variableLengths_equalPaddedEpisodes() throws IOException {
    List<EpisodeSteps> episodes = new TabularMdp(0.9).collect(300, 11, 0);
    int horizon = 0;
    for (EpisodeSteps episode : episodes) {
      horizon = Math.max(horizon, episode.length());
    }
    List<EpisodeSteps> padded = new java.util.ArrayList<>();
    for (EpisodeSteps episode : episodes) {
      EpisodeSteps copy = new EpisodeSteps(1);
      copy.copyFrom(episode);
      while (copy.length() < horizon) {
        int t = copy.append();
        copy.set(t, 0.0, 1.0, 0.0); // absorbing state: reward 0, both policies sure, model 0
        copy.setPolicy(0, t, 1.0, 0.0);
        copy.setMarginalRatio(0, t, 1.0); // any finite ratio: the absorbing state's terms are 0
      }
      padded.add(copy);
    }
    SequentialConfig t = SequentialConfig.of(ALL, 0.9);
    assertSame(SequentialEvaluator.evaluate(TabularMdp.source(episodes), t),
        SequentialEvaluator.evaluate(TabularMdp.source(padded), t), "padded");
  }

  private static double[][] normalisers(List<EpisodeSteps> episodes) throws IOException {
    SequentialState first = fold(episodes, null);
    return new double[][] {first.stepWeights(0).meanWeights()};
  }

  private static SequentialState fold(List<EpisodeSteps> episodes, double[][] normalisers)
      throws IOException {
    SequentialState state = new SequentialState(CONFIG, 1, normalisers, normalisers != null);
    for (EpisodeSteps episode : episodes) {
      state.add(episode);
    }
    return state;
  }

  private static void assertSame(SequentialResult expected, SequentialResult actual, String why) {
    for (int i = 0; i < expected.estimates().size(); i++) {
      SequentialEstimate e = expected.estimates().get(i);
      SequentialEstimate a = actual.estimates().get(i);
      String label = why + " " + e.estimator();
      assertThat(a.value()).as(label).isCloseTo(e.value(), within(1e-12 * Math.abs(e.value())));
      assertThat(a.interval().lower()).as(label)
          .isCloseTo(e.interval().lower(), within(1e-12 * Math.abs(e.value())));
      assertThat(a.interval().upper()).as(label)
          .isCloseTo(e.interval().upper(), within(1e-12 * Math.abs(e.value())));
    }
  }
}
