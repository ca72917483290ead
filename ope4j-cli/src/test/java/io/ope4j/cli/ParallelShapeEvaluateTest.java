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
 * deep in a slate log, shown as written, is named by the same message.
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

  private Path simulate(String name, String... options) throws IOException {
    Path log = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("simulate", "-o", log.toString()));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.exitCode()).as(run.err()).isZero();
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
