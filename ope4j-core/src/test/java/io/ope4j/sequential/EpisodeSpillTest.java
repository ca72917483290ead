package io.ope4j.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ope4j.data.InvalidDataException;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a source once and replaying its spilled episodes in the second pass gives what reading
 * it twice gives, to the bit, and leaves no file behind.
 */
class EpisodeSpillTest {

  @TempDir
  Path spillDirectory;

  /** Every estimator a log with a model and marginal ratios serves, bootstrap intervals. */
  private static SequentialConfig everyEstimator() {
    return SequentialConfig.of(List.copyOf(EnumSet.complementOf(
        EnumSet.of(SequentialEstimator.MIS_AVG, SequentialEstimator.MDR_AVG))), 0.9)
        .withInterval(IntervalMethod.BOOTSTRAP, 40, 3);
  }

  @Test
  void replayEqualsReadingTwice_withMarginalRatios() throws IOException {
    // 2.5 chunks of variable-length episodes
    EpisodeSource.Opener source = TabularMdp.source(
        new TabularMdp(0.9).collect(5 * ChunkedEpisodeFold.CHUNK_EPISODES / 2, 11, 0));
    for (int threads = 1; threads <= 2; threads++) {
      assertSameToTheBit(source, everyEstimator(), threads);
    }
  }

  @Test
  void replayEqualsReadingTwice_withoutMarginalRatios() throws IOException {
    List<EpisodeSteps> episodes = new TabularMdp(0.9).collect(3000, 5, 100);
    EpisodeSource.Opener source = EpisodeList.of(episodes, List.of("target"), true, false);
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.TIS,
        SequentialEstimator.PDIS, SequentialEstimator.DR, SequentialEstimator.SNDR,
        SequentialEstimator.SNTIS), 0.95).withInterval(IntervalMethod.BOOTSTRAP, 50, 7);
    assertSameToTheBit(source, config, 2);
  }

  @Test
  void replayEqualsReadingTwice_averageRewardWithDifferentialValues() throws IOException {
    List<EpisodeSteps> episodes = new TabularMdp(1.0).collect(2000, 9, 0);
    SplittableRandom random = new SplittableRandom(9);
    for (EpisodeSteps episode : episodes) {
      for (int t = 0; t < episode.length(); t++) {
        episode.setDifferential(0, t, random.nextDouble() - 0.5, random.nextDouble() - 0.5);
      }
    }
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.MDR_AVG,
        SequentialEstimator.MIS_AVG, SequentialEstimator.SNPDIS), 1.0)
        .withInterval(IntervalMethod.BOOTSTRAP, 30, 5);
    assertSameToTheBit(EpisodeList.of(episodes, List.of("target"), true, true), config, 2);
  }

  @Test
  void replayEqualsReadingTwice_scopeRlBootstrapAndHorizonCap() throws IOException {
    // SCOPE-RL's index bootstrap keeps the values in log order; the cap is applied after the spill
    EpisodeSource.Opener source = TabularMdp.source(new TabularMdp(0.8).collect(2500, 17, 0));
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.DR,
        SequentialEstimator.SNPDIS, SequentialEstimator.SNDR), 0.8)
        .withInterval(IntervalMethod.BOOTSTRAP, 30, 1)
        .withLimits(3, 4.0)
        .withCompatibility(io.ope4j.selection.ScopeRlCompatibility.SCOPE_RL);
    assertSameToTheBit(source, config, 2);
  }

  @Test
  void episodesLongerThanTheBufferAreReplayedWhole() throws IOException {
    // 100,000 steps of one policy take 4 MB, past the 1 MiB buffer; short ones around it
    SplittableRandom random = new SplittableRandom(3);
    List<EpisodeSteps> episodes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int length = i == 2 ? 100_000 : 1 + random.nextInt(30);
      EpisodeSteps episode = new EpisodeSteps(1);
      episode.start(i);
      for (int t = 0; t < length; t++) {
        episode.append();
        double pscore = 0.5 + 0.4 * random.nextDouble();
        episode.set(t, random.nextDouble(), pscore, random.nextDouble());
        // the target's probability keeps every step weight within [0.9, 1.1]
        episode.setPolicy(0, t, pscore * (0.9 + 0.2 * random.nextDouble()), 1.0);
      }
      episodes.add(episode);
    }
    EpisodeSource.Opener source = EpisodeList.of(episodes, List.of("target"), true, false);
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.PDIS,
        SequentialEstimator.SNPDIS), 0.999);
    assertSameToTheBit(source, config, 1);
  }

  @Test
  void noSpillWithoutSelfNormalisedEstimators() throws IOException {
    EpisodeSource.Opener source = TabularMdp.source(new TabularMdp(0.9).collect(500, 2, 0));
    int[] opened = {0};
    EpisodeSource.Opener counting = () -> {
      opened[0]++;
      try (Stream<Path> files = Files.list(spillDirectory)) {
        assertThat(files).isEmpty();
      }
      return source.open();
    };
    SequentialConfig config = SequentialConfig.of(List.of(SequentialEstimator.PDIS), 0.9);
    SequentialEvaluator.evaluateReadingOnce(counting, config, 1, spillDirectory);
    assertThat(opened[0]).isEqualTo(1);
  }

  @Test
  void sourceOpenedOnceAndSpillDeleted_evenWhenTheSourceFails() throws IOException {
    EpisodeSource.Opener source = TabularMdp.source(new TabularMdp(0.9).collect(2000, 4, 0));
    int[] opened = {0};
    EpisodeSource.Opener counting = () -> {
      opened[0]++;
      return source.open();
    };
    SequentialEvaluator.evaluateReadingOnce(counting, everyEstimator(), 2, spillDirectory);
    assertThat(opened[0]).isEqualTo(1);
    assertNoFileLeft();

    EpisodeSource.Opener failing = () -> new FailingAfter(source.open(), 1500);
    assertThatThrownBy(() -> SequentialEvaluator.evaluateReadingOnce(failing, everyEstimator(), 2,
        spillDirectory)).isInstanceOf(InvalidDataException.class).hasMessageContaining("row 1500");
    assertNoFileLeft();
  }

  private void assertSameToTheBit(EpisodeSource.Opener source, SequentialConfig config,
      int threads) throws IOException {
    SequentialResult readTwice = SequentialEvaluator.evaluate(source, config, threads);
    SequentialResult readOnce =
        SequentialEvaluator.evaluateReadingOnce(source, config, threads, spillDirectory);
    assertThat(readOnce.episodes()).isEqualTo(readTwice.episodes());
    // records compare their double components bit for bit (Double.compare)
    assertThat(readOnce.estimates()).isEqualTo(readTwice.estimates());
    for (int p = 0; p < readTwice.diagnostics().size(); p++) {
      StepDiagnostics once = readOnce.diagnostics().get(p);
      StepDiagnostics twice = readTwice.diagnostics().get(p);
      assertThat(once.running()).isEqualTo(twice.running());
      assertThat(once.ess()).isEqualTo(twice.ess());
      assertThat(once.maxWeight()).isEqualTo(twice.maxWeight());
      assertThat(once.zeroProbabilityShare()).isEqualTo(twice.zeroProbabilityShare());
      assertThat(once.clippedSteps()).isEqualTo(twice.clippedSteps());
    }
    assertNoFileLeft();
  }

  private void assertNoFileLeft() throws IOException {
    try (Stream<Path> files = Files.list(spillDirectory)) {
      assertThat(files).isEmpty();
    }
  }

  /** A source that fails, as a reader does on a bad row, after {@code good} episodes. */
  private static final class FailingAfter extends ForwardingEpisodeSource {
    private final int good;
    private int read;

    FailingAfter(EpisodeSource source, int good) {
      super(source);
      this.good = good;
    }

    @Override
    public boolean next(EpisodeSteps episode) throws IOException {
      if (read++ == good) {
        throw new InvalidDataException(name(), good, "reward", "must be finite, got NaN");
      }
      return super.next(episode);
    }
  }
}
