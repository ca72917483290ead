package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;

import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The threaded driver: any thread count gives the same result to the bit (chunks fixed by episode
 * count, merged in order), and it equals the one-state pass to 1e-12.
 */
class ChunkedEpisodeFoldTest {

  @Test
  void threadCountDoesNotChangeABitAndMatchesOnePass() throws IOException {
    TabularMdp mdp = new TabularMdp(0.9);
    // 2.5 chunks, so the last one is partial
    EpisodeSource.Opener source =
        TabularMdp.source(mdp.collect(5 * ChunkedEpisodeFold.CHUNK_EPISODES / 2, 11, 0));
    SequentialConfig config = SequentialConfig.of(List.copyOf(java.util.EnumSet.complementOf(
      java.util.EnumSet.of(SequentialEstimator.MIS_AVG, SequentialEstimator.MDR_AVG))), 0.9)
        .withInterval(IntervalMethod.BOOTSTRAP, 40, 3);
    SequentialResult one = SequentialEvaluator.evaluate(source, config, 1);
    for (int threads = 2; threads <= 4; threads++) {
      SequentialResult many = SequentialEvaluator.evaluate(source, config, threads);
      for (int i = 0; i < one.estimates().size(); i++) {
        assertThat(many.estimates().get(i)).isEqualTo(one.estimates().get(i));
      }
    }
    SequentialResult pass = SequentialEvaluator.evaluate(source, config);
    assertThat(pass.episodes()).isEqualTo(one.episodes());
    for (int i = 0; i < one.estimates().size(); i++) {
      SequentialEstimate a = one.estimates().get(i);
      SequentialEstimate b = pass.estimates().get(i);
      assertThat(a.value()).isCloseTo(b.value(), org.assertj.core.data.Offset.offset(
          1e-12 * Math.max(1, Math.abs(b.value()))));
      assertThat(a.interval().lower()).isCloseTo(b.interval().lower(),
          org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(b.value()))));
    }
  }

  @Test
  void refusesFewerThanOneThread() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChunkedEpisodeFold(
        SequentialConfig.of(List.of(SequentialEstimator.PDIS), 1.0), null, true, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
