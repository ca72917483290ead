package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} parses a plain CSV file over 8 MiB on {@code --threads} threads: the output is
 * the same byte for byte on 1, 2 and 3 threads (with a bootstrap, keyed by row), and a bad row
 * deep in the file is named by the same message.
 */
class ParallelCsvEvaluateTest {

  private static final int ROWS = 220_000;

  @TempDir Path dir;

  @Test
  void output_isIdenticalForAnyThreadCount() throws IOException {
    Path log = write(-1);
    assertThat(Files.size(log)).isGreaterThan(8L << 20);
    String expected = null;
    for (int threads = 1; threads <= 3; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw,snipw",
          "--ci", "bootstrap", "--bootstrap", "20", "--threads", Integer.toString(threads), "--format", "csv");
      assertThat(run.exitCode()).as(run.err()).isZero();
      if (expected == null) {
        expected = run.out();
      }
      assertThat(run.out()).as("threads %d", threads).isEqualTo(expected);
    }
  }

  @Test
  void loggerLabels_areNumberedInFileOrderWhateverTheThreads() throws IOException {
    // Labels are numbered in order of first appearance, which a reader of segments could not do:
    // a log with a logger column is read in order. "b" appears first only after the first segment.
    Path log = dir.resolve("loggers.csv");
    SplittableRandom random = new SplittableRandom(9);
    try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      out.write("action,reward,pscore,pscore_avg,logger,pi\n");
      for (long row = 1; row <= 330_000; row++) {
        String logger = row < 270_000 ? "a" : random.nextBoolean() ? "a" : "b";
        double pscore = logger.equals("a") ? 0.5 : 0.25;
        out.write(random.nextInt(2) + "," + random.nextInt(2) + "," + pscore + ",0.4," + logger + ","
            + (0.1 + 0.8 * random.nextDouble()) + "\n");
      }
    }
    assertThat(Files.size(log)).isGreaterThan(8L << 20);
    String one = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw-weighted,ipw-balanced",
        "--threads", "1", "--format", "csv").out();
    CliRun two = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw-weighted,ipw-balanced",
        "--threads", "2", "--format", "csv");
    assertThat(two.exitCode()).as(two.err()).isZero();
    assertThat(two.out()).isEqualTo(one).contains("ipw-weighted");
  }

  @Test
  void aBadRowDeepInTheFile_isNamedAlikeOnAnyThreadCount() throws IOException {
    Path log = write(203_457);
    for (int threads = 1; threads <= 3; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).as("threads %d", threads)
          .contains(log + " row 203457, pscore: ");
    }
  }

  /** A narrow log with full-precision values and a quoted note with a line break; pscore 0 on {@code badRow}. */
  private Path write(long badRow) throws IOException {
    Path log = dir.resolve("log.csv");
    SplittableRandom random = new SplittableRandom(5);
    try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      out.write("action,reward,pscore,note,pi\n");
      for (long row = 1; row <= ROWS; row++) {
        String pscore = row == badRow ? "0" : Double.toString(0.1 + 0.9 * random.nextDouble());
        String note = random.nextInt(50) == 0 ? "\"two\nlines\"" : "n";
        out.write(random.nextInt(3) + "," + random.nextInt(2) + "," + pscore + "," + note + ","
            + random.nextDouble() + "\n");
      }
    }
    return log;
  }
}
