package io.ope4j.experiments.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The digits protocol of docs/intervals.md on 30 fixed seeds: the default 95% interval of ipw,
 * snipw, dr and sndr covers each policy's exact value (argmax included, where snipw's t interval
 * used to be a point) in at least 26 seeds, i.e. no lower than 0.95 - 3 binomial SE (4%) over 30.
 * The 200-seed run is in the study's table.
 */
class DigitsCoverageTest {

  private static final Path DIGITS = Path.of("..", "testdata", "uci", "digits.csv.gz");
  private static final int SEEDS = 30;

  @Test
  void defaultIntervalsCoverTheTruthOnDigits() throws IOException {
    Map<String, Object> counts = DigitsCoverage.run(DIGITS, SEEDS);
    assertThat(counts).containsKeys("argmax snipw", "argmax ipw", "softmax dr", "egreedy sndr");
    for (Map.Entry<String, Object> entry : counts.entrySet()) {
      if (entry.getKey().startsWith("method:")) {
        assertThat(entry.getValue()).as(entry.getKey()).isEqualTo("t+wilson");
      } else {
        assertThat((Integer) entry.getValue()).as(entry.getKey()).isGreaterThanOrEqualTo(26);
      }
    }
  }
}
