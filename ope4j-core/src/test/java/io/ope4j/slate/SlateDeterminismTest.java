package io.ope4j.slate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** One pass on any thread count gives the same bits; any split, merged, the same to 1e-12. */
class SlateDeterminismTest {

  private static final SlateSimulator SIMULATOR = new SlateSimulator(
      new SlateSimulator.Config(6, 4, 30, ClickModel.CASCADE, 0.5, 0.3, 0.1, 3));
  private static final SlateConfig BOOTSTRAP = SlateConfig.of(List.of(SlateEstimator.values()))
      .withInterval(IntervalMethod.BOOTSTRAP, 50, 9);

  @Test
  void anyThreadCount_givesTheSameBits() throws IOException {
    SlateResult one = SlateEvaluator.evaluate(SIMULATOR.source(5000), BOOTSTRAP, 1);
    SlateResult three = SlateEvaluator.evaluate(SIMULATOR.source(5000), BOOTSTRAP, 3);
    for (int e = 0; e < one.estimates().size(); e++) {
      SlateEstimate a = one.estimates().get(e);
      SlateEstimate b = three.estimates().get(e);
      assertThat(b.value()).isEqualTo(a.value());
      assertThat(b.stderr()).isEqualTo(a.stderr());
      assertThat(b.interval()).isEqualTo(a.interval());
      assertThat(b.positionValues()).containsExactly(a.positionValues());
    }
  }

  @RepeatedTest(5)
  void anySplit_mergedInAnyOrder_matchesOnePass(RepetitionInfo repetition) throws IOException {
    long seed = repetition.getCurrentRepetition();
    long slates = 700 + 300 * seed;
    long cut = slates * seed / 7;
    SlateState whole = SlateEvaluator.fold(SIMULATOR.source(slates), BOOTSTRAP, 1);
    SlateState first = SlateEvaluator.fold(range(0, cut), BOOTSTRAP, 1);
    SlateState second = SlateEvaluator.fold(range(cut, slates), BOOTSTRAP, 1);
    second.merge(first);
    SlateResult expected = SlateEvaluator.finish(whole, BOOTSTRAP);
    SlateResult merged = SlateEvaluator.finish(second, BOOTSTRAP);
    for (int e = 0; e < expected.estimates().size(); e++) {
      SlateEstimate a = expected.estimates().get(e);
      SlateEstimate b = merged.estimates().get(e);
      String what = "seed " + seed + " " + a.estimator();
      assertThat(b.value()).as(what).isCloseTo(a.value(), within(1e-12 * Math.abs(a.value())));
      assertThat(b.stderr()).as(what).isCloseTo(a.stderr(), within(1e-12 * a.stderr()));
      assertThat(b.interval().lower()).as(what)
          .isCloseTo(a.interval().lower(), within(1e-12 * Math.abs(a.interval().lower())));
    }
  }

  /** Slates {@code from..to-1} of the simulator. */
  private static SlateSource range(long from, long to) {
    SlateSource all = SIMULATOR.source(to);
    return new SlateSource() {
      private boolean skipped;

      @Override
      public String name() {
        return all.name();
      }

      @Override
      public int slateLength() throws IOException {
        return all.slateLength();
      }

      @Override
      public boolean supports(SlateEstimator estimator) {
        return true;
      }

      @Override
      public int next(SlateBatch batch) throws IOException {
        if (!skipped) {
          skipped = true;
          SlateBatch skip = new SlateBatch(all.slateLength(), 1);
          for (long i = 0; i < from; i++) {
            all.next(skip);
          }
        }
        return all.next(batch);
      }

      @Override
      public void close() {}
    };
  }
}
