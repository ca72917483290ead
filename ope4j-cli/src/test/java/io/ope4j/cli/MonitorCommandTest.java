package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import io.ope4j.synthetic.OffPolicyStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ope4j monitor}: a log appended to while it runs (rows written in pieces, so that half
 * lines are on disk at times) gives the same lines and verdict as a run over the finished file.
 */
class MonitorCommandTest {

  @TempDir Path dir;

  /** Rows of {@link OffPolicyStream} (value 0.49) in the narrow form. */
  private static List<String> rows(long seed, int n) {
    OffPolicyStream stream = new OffPolicyStream(seed);
    List<String> rows = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      stream.next();
      rows.add(stream.action() + "," + (int) stream.reward() + "," + OffPolicyStream.LOGGING + ","
          + OffPolicyStream.TARGET[stream.action()] + "\n");
    }
    return rows;
  }

  private static final String HEADER = "action,reward,pscore,pi\n";

  private static String finalLines(CliRun run) {
    return run.out().lines().filter(line -> line.contains("\"final\":true")).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void growingLog_reachesTheVerdictOfTheFinishedFile() throws Exception {
    List<String> rows = rows(11, 3000);
    Path growing = dir.resolve("growing.csv");
    Files.writeString(growing, HEADER);
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
        for (int i = 0; i < rows.size(); i++) {
          byte[] line = rows.get(i).getBytes(StandardCharsets.UTF_8);
          if (i % 50 == 0) { // half a line on disk for a moment
            out.write(line, 0, 3);
            out.flush();
            Thread.sleep(3);
            out.write(line, 3, line.length - 3);
          } else {
            out.write(line);
          }
          out.flush();
          if (i == 100) { // far from settled: the monitor waits at the end of the file meanwhile
            Thread.sleep(300);
          }
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    writer.start();
    String[] common = {"monitor", "--estimators", "ipw,snipw", "--threshold", "0.4", "--every", "200", "--format",
        "json"};
    CliRun following = CliRun.of(concat(common, "--data", growing.toString(), "--follow", "--poll-ms", "5",
        "--idle-timeout", "5"));
    writer.join();
    CliRun batch = CliRun.of(concat(common, "--data", growing.toString()));
    assertThat(following.exitCode()).as(following.err()).isZero();
    assertThat(batch.exitCode()).as(batch.err()).isZero();
    assertThat(finalLines(following)).contains("\"verdict\":\"above\"", "\"stopped\":\"settled\"")
        .isEqualTo(finalLines(batch));
    assertThat(following.out()).isEqualTo(batch.out());
  }

  @Test
  void withoutThreshold_stopsAtTheBudget_withALinePerUpdate() throws IOException {
    Path log = dir.resolve("log.csv");
    Files.writeString(log, HEADER + String.join("", rows(12, 2500)));
    Path page = dir.resolve("monitor.html");
    CliRun run = CliRun.of("monitor", "--data", log.toString(), "--every", "1000", "--max-rows", "2000",
        "--sequence", "asymptotic", "--estimators", "ipw,snipw", "--report", page.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(page)).contains("Confidence sequences", "Final verdicts", "row budget");
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("rows");
    assertThat(lines).filteredOn(line -> line.startsWith("1000 ")).hasSize(2);
    assertThat(run.out()).contains("final (row budget):");
    assertThat(lines).filteredOn(line -> line.startsWith("2000 ")).hasSize(2).allMatch(line -> line.contains("open"));
  }

  @Test
  void lastLineWithoutNewline_isARowOfTheFinishedFile() throws IOException {
    Path log = dir.resolve("log.csv");
    String body = String.join("", rows(13, 10));
    Files.writeString(log, HEADER + body.substring(0, body.length() - 1));
    CliRun run = CliRun.of("monitor", "--data", log.toString(), "--format", "csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("true,10,pi,ipw,");
  }

  @Test
  void standardInput_givesTheLinesOfTheFile() throws IOException {
    String text = HEADER + String.join("", rows(14, 1500));
    Path log = dir.resolve("log.csv");
    Files.writeString(log, text);
    java.io.InputStream stdin = System.in;
    CliRun piped;
    try {
      System.setIn(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      piped = CliRun.of("monitor", "--data", "-", "--every", "500", "--format", "csv");
    } finally {
      System.setIn(stdin);
    }
    CliRun file = CliRun.of("monitor", "--data", log.toString(), "--every", "500", "--format", "csv");
    assertThat(piped.exitCode()).as(piped.err()).isZero();
    assertThat(piped.out()).isEqualTo(file.out()).contains("true,1500,pi,ipw,");
  }

  @Test
  void rewardOutsideTheRange_namesItsRow() throws IOException {
    Path log = dir.resolve("log.csv");
    Files.writeString(log, HEADER + "0,1,0.2,0.5\n1,2,0.2,0.2\n");
    CliRun run = CliRun.of("monitor", "--data", log.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("log.csv row 2").contains("reward 2.0 outside [0.0, 1.0]");
    assertThat(run.out()).doesNotContain("final");
  }

  @Test
  void gzipFile_isAUsageError() throws IOException {
    Path log = dir.resolve("log.csv.gz");
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(log))) {
      out.write((HEADER + "0,1,0.2,0.5\n").getBytes(StandardCharsets.UTF_8));
    }
    CliRun run = CliRun.of("monitor", "--data", log.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("gzip-compressed");
  }

  @Test
  void hedgedOnSnipw_isAUsageError() throws IOException {
    Path log = dir.resolve("log.csv");
    Files.writeString(log, HEADER + "0,1,0.2,0.5\n");
    CliRun run = CliRun.of("monitor", "--data", log.toString(), "--sequence", "hedged", "--term-range", "0,2.5",
        "--estimators", "snipw");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not snipw");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
