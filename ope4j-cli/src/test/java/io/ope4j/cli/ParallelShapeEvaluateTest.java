package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slate, trajectory and continuous-action logs over 8 MiB are parsed on {@code --threads}
 * threads (a plain file in segments, gzip and standard input read ahead on one thread): the
 * output is the same byte for byte on 1, 2 and 3 threads and for every way in (standard input
 * with its {@code --schema}), and a bad value
 * deep in a slate log, shown as written, is named by the same message. Their Parquet copies (a
 * file and a directory of parts, in row groups of 100 rows, decoded on the threads) give the
 * CSV's JSON byte for byte on 1 to 3 threads, and the row-wise reader's messages.
 */
class ParallelShapeEvaluateTest {

  @TempDir Path dir;

  @Test
  void slates_sameOutputForAnyThreadCountAndInput() throws IOException {
    Path log = simulate("slates.csv", "--slate-length", "10", "--slates", "2200", "--actions", "10", "--contexts",
        "100", "--click-model", "cascade", "--seed", "1");
    assertSameOutput(log, "evaluate", "--schema", "slate", "--format", "csv");
  }

  @Test
  void trajectories_sameOutputForAnyThreadCountAndInput() throws IOException {
    Path log = simulate("episodes.csv", "--env", "tabular", "--episodes", "30000", "--seed", "3");
    assertSameOutput(log, "evaluate", "--schema", "trajectory", "--gamma", "0.9", "--format", "csv");
  }

  @Test
  void continuousActions_sameOutputForAnyThreadCountAndInput() throws IOException {
    Path log = simulate("continuous.csv", "--schema", "continuous", "--rows", "56000", "--seed", "9");
    assertSameOutput(log, "evaluate", "--schema", "continuous", "--format", "csv");
  }

  @Test
  void aSlateWhoseJointPscoreChangesDeepInTheFile_isNamedAlikeOnAnyThreadCount() throws IOException {
    Path log = simulate("slates.csv", "--slate-length", "10", "--slates", "2200", "--actions", "10", "--contexts",
        "100", "--seed", "2");
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    int row = 20_003; // position 2 of slate 2000, past the first 8 MiB
    String[] fields = lines.get(row).split(",", -1);
    fields[4] = "0.125";
    lines.set(row, String.join(",", fields));
    Files.write(log, lines, StandardCharsets.UTF_8);
    for (int threads = 1; threads <= 3; threads++) {
      CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).as("threads %d", threads).contains(log + " row " + row + ", pscore: ")
          .contains("got 0.125, its first row has ");
    }
  }

  @Test
  void slates_sameJsonFromCsvParquetAndPartsOnAnyThreadCount() throws IOException {
    Path log = simulateSmall("slates.csv", "--slate-length", "5", "--slates", "900", "--actions", "8", "--contexts",
        "20", "--click-model", "cascade", "--seed", "4");
    assertSameJsonAsParquet(log, "evaluate", "--schema", "slate", "--format", "json");
  }

  @Test
  void trajectories_sameJsonFromCsvParquetAndPartsOnAnyThreadCount() throws IOException {
    Path log = simulateSmall("episodes.csv", "--env", "tabular", "--episodes", "600", "--seed", "5");
    assertSameJsonAsParquet(log, "evaluate", "--schema", "trajectory", "--gamma", "0.9", "--format", "json");
  }

  @Test
  void continuousActions_sameJsonFromCsvParquetAndPartsOnAnyThreadCount() throws IOException {
    Path log = simulateSmall("continuous.csv", "--schema", "continuous", "--rows", "4000", "--seed", "6");
    assertSameJsonAsParquet(log, "evaluate", "--schema", "continuous", "--format", "json");
  }

  /**
   * A slate's changed joint pscore deep in a Parquet log of 100-row groups, a NaN reward, and a
   * damaged page are named as the row-wise reader names them, on 1 and 3 threads.
   */
  @Test
  void aBadValueInAParquetSlateLog_isNamedAlikeOnAnyThreadCount() throws IOException {
    Path log = simulateSmall("slates.csv", "--slate-length", "5", "--slates", "900", "--actions", "8", "--contexts",
        "20", "--seed", "7");
    List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    int row = 3_702; // position 2 of slate 741, in row group 38
    String[] fields = lines.get(row).split(",", -1);
    fields[4] = "0.125";
    lines.set(row, String.join(",", fields));
    Path changed = dir.resolve("changed.csv");
    Files.write(changed, lines, StandardCharsets.UTF_8);
    Path parquet = convert(changed, dir.resolve("changed.parquet"));
    for (int threads : new int[] {1, 3}) {
      CliRun run = CliRun.of("evaluate", "--data", parquet.toString(), "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).as("threads %d", threads).contains(parquet + " row " + row + ", pscore: ")
          .contains("got 0.125, its first row has ");
    }
    List<String> nan = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
    int reward = List.of(nan.get(0).split(",", -1)).indexOf("reward");
    assertThat(reward).isNotNegative();
    fields = nan.get(row).split(",", -1);
    fields[reward] = "NaN";
    nan.set(row, String.join(",", fields));
    Path withNan = dir.resolve("nan.csv");
    Files.write(withNan, nan, StandardCharsets.UTF_8);
    Path nanParquet = convert(withNan, dir.resolve("nan.parquet"));
    assertSameErrorOnOneAndThreeThreads(nanParquet, nanParquet + " row " + row + ", reward: ", "NaN");
    // a damaged page in the middle of the file: the row-wise reader's message, from the same group
    byte[] bytes = Files.readAllBytes(parquet);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
      bytes[i] ^= 0x5a;
    }
    Path damaged = dir.resolve("damaged.parquet");
    Files.write(damaged, bytes);
    assertSameErrorOnOneAndThreeThreads(damaged, damaged + ": row group ");
  }

  private static void assertSameErrorOnOneAndThreeThreads(Path data, String... parts) {
    String expected = null;
    for (int threads : new int[] {1, 3}) {
      CliRun run = CliRun.of("evaluate", "--data", data.toString(), "--threads", Integer.toString(threads));
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).as("threads %d", threads).contains(parts);
      expected = expected == null ? run.err() : expected;
      assertThat(run.err()).as("threads %d", threads).isEqualTo(expected);
    }
  }

  /** A small log (row groups of 100 rows still make many groups). */
  private Path simulateSmall(String name, String... options) throws IOException {
    Path log = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("simulate", "-o", log.toString()));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return log;
  }

  private Path convert(Path csv, Path parquet) {
    CliRun run = CliRun.of("convert", "--data", csv.toString(), "--to", "parquet", "--row-group-rows", "100", "-o",
        parquet.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    return parquet;
  }

  /**
   * The command's JSON from the CSV on one thread equals, byte for byte (but the data's name), its
   * JSON from the CSV, a Parquet file of 100-row groups and a directory of three uneven Parquet
   * parts, on 1, 2 and 3 threads.
   */
  private void assertSameJsonAsParquet(Path log, String... command) throws IOException {
    Path parquet = convert(log, dir.resolve(log.getFileName() + ".parquet"));
    Path parts = Files.createDirectories(dir.resolve(log.getFileName() + ".parts"));
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    int[] cuts = {1, 1001, 1778, lines.size()};
    for (int p = 0; p + 1 < cuts.length; p++) {
      Path slice = dir.resolve("slice-" + p + ".csv");
      List<String> part = new ArrayList<>(List.of(lines.get(0)));
      part.addAll(lines.subList(cuts[p], cuts[p + 1]));
      Files.write(slice, part, StandardCharsets.UTF_8);
      convert(slice, parts.resolve("part-" + p + ".parquet"));
    }
    String expected = run(command, log.toString(), 1, null);
    assertThat(expected).startsWith("{");
    for (int threads = 1; threads <= 3; threads++) {
      assertThat(run(command, log.toString(), threads, null)).as("CSV, threads %d", threads).isEqualTo(expected);
      for (Path data : new Path[] {parquet, parts}) {
        assertThat(run(command, data.toString(), threads, null)).as("%s, threads %d", data, threads)
            .isEqualTo(expected.replace(log.toString(), data.toString()));
      }
    }
  }

  private Path simulate(String name, String... options) throws IOException {
    Path log = simulateSmall(name, options);
    assertThat(Files.size(log)).isGreaterThan(8L << 20);
    return log;
  }

  /** The command's output on one thread from the file, then on 2 and 3 from the file, gzip and stdin. */
  private void assertSameOutput(Path log, String... command) throws IOException {
    Path gzip = dir.resolve(log.getFileName() + ".gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip), 1 << 16)) {
      Files.copy(log, out);
    }
    assertThat(Files.size(gzip)).isGreaterThan(1L << 20);
    String expected = run(command, log.toString(), 1, null);
    for (int threads = 2; threads <= 3; threads++) {
      assertThat(run(command, log.toString(), threads, null)).as("file, threads %d", threads).isEqualTo(expected);
      assertThat(run(command, gzip.toString(), threads, null)).as("gzip, threads %d", threads).isEqualTo(expected);
      assertThat(run(command, "-", threads, gzip)).as("gzip stdin, threads %d", threads).isEqualTo(expected);
    }
  }

  private static String run(String[] command, String data, int threads, Path stdin) throws IOException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--data", data, "--threads", Integer.toString(threads)));
    InputStream saved = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(Files.readAllBytes(stdin)));
      }
      CliRun run = CliRun.of(args.toArray(new String[0]));
      assertThat(run.exitCode()).as(data + ", threads " + threads + ": " + run.err()).isZero();
      return run.out();
    } finally {
      System.setIn(saved);
    }
  }
}
