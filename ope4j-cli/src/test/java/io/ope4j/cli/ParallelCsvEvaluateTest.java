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
 * {@code evaluate} parses a plain CSV file over 8 MiB on {@code --threads} threads, and a gzip
 * file or standard input decompressed (or read) on one thread while the others parse: the output
 * is the same byte for byte on 1, 2 and 3 threads (with a bootstrap, keyed by row) and for every
 * way in, and a bad row deep in the file, or a cut gzip file, is named by the same message.
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
  void gzipAndStandardInput_giveTheSameOutputForAnyThreadCount() throws IOException {
    Path log = write(-1);
    Path gzip = gzip(log);
    String[] evaluate = {"evaluate", "--estimators", "ipw,snipw", "--ci", "bootstrap", "--bootstrap", "20",
        "--format", "csv"};
    CliRun plain = run(evaluate, log.toString(), null, 1);
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    String expected = plain.out();
    assertThat(expected).contains("snipw");
    for (int threads = 1; threads <= 3; threads++) {
      assertThat(run(evaluate, gzip.toString(), null, threads).out()).as("gzip, threads %d", threads)
          .isEqualTo(expected);
      assertThat(run(evaluate, "-", log, threads).out()).as("stdin, threads %d", threads).isEqualTo(expected);
      assertThat(run(evaluate, "-", gzip, threads).out()).as("gzip stdin, threads %d", threads)
          .isEqualTo(expected);
    }
  }

  @Test
  void aBadRowAndACutDeepInAGzipFile_areNamedAlikeOnAnyThreadCount() throws IOException {
    Path cut = dir.resolve("cut.csv.gz");
    byte[] whole = Files.readAllBytes(gzip(write(-1)));
    Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
    Path bad = gzip(write(203_457)); // rewrites log.csv and log.csv.gz
    String[] evaluate = {"evaluate"};
    String cutMessage = null;
    for (int threads = 1; threads <= 3; threads++) {
      CliRun badRun = run(evaluate, bad.toString(), null, threads);
      assertThat(badRun.exitCode()).isEqualTo(2);
      assertThat(badRun.err()).as("threads %d", threads).contains(bad + " row 203457, pscore: ");
      CliRun cutRun = run(evaluate, cut.toString(), null, threads);
      assertThat(cutRun.exitCode()).isEqualTo(2);
      cutMessage = cutMessage != null ? cutMessage : cutRun.err();
      assertThat(cutRun.err()).as("threads %d", threads).isEqualTo(cutMessage)
          .contains(cut + ": file is truncated (gzip member 1 ends at byte ").contains("the last complete row read was row ");
    }
  }

  /** Runs {@code args} over {@code data} ({@code -} for {@code stdin}'s content) on {@code threads}. */
  private static CliRun run(String[] args, String data, Path stdin, int threads) throws IOException {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
    all.addAll(java.util.List.of("--data", data, "--threads", Integer.toString(threads)));
    java.io.InputStream saved = System.in;
    try {
      if (stdin != null) {
        System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(stdin)));
      }
      return CliRun.of(all.toArray(new String[0]));
    } finally {
      System.setIn(saved);
    }
  }

  private Path gzip(Path plain) throws IOException {
    Path packed = dir.resolve(plain.getFileName() + ".gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(packed), 1 << 16)) {
      Files.copy(plain, out);
    }
    return packed;
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
