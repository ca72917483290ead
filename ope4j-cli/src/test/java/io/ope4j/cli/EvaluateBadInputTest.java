package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad log: exit code 2, nothing on stdout, one message on stderr naming the file,
 * the 1-based data row and the column.
 */
class EvaluateBadInputTest {

  @TempDir Path dir;

  private static final String HEADER = "action,reward,pscore,pi_0,pi_1,pi_2";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pscore zero       | 0,1,0.5,0.2,0.3,0.5;1,0,0.0,0.2,0.3,0.5     | row 2, pscore | got 0.0",
      "pscore negative   | 0,1,-0.5,0.2,0.3,0.5                         | row 1, pscore | -0.5",
      "pscore above one  | 0,1,0.5,0.2,0.3,0.5;0,1,1.5,0.2,0.3,0.5     | row 2, pscore | 1.5",
      "pscore NaN        | 0,1,NaN,0.2,0.3,0.5                          | row 1, pscore | NaN",
      "reward NaN        | 0,NaN,0.5,0.2,0.3,0.5                        | row 1, reward | NaN",
      "reward infinite   | 0,0,0.5,0.2,0.3,0.5;0,Infinity,0.5,0.2,0.3,0.5 | row 2, reward | Infinity",
      "action negative   | -1,1,0.5,0.2,0.3,0.5                         | row 1, action | -1",
      "action too large  | 3,1,0.5,0.2,0.3,0.5                          | row 1, action | 3",
      "action fractional | 1.5,1,0.5,0.2,0.3,0.5                        | row 1, action | 1.5",
      "pi negative       | 0,1,0.5,-0.2,0.7,0.5                         | row 1, pi_0   | -0.2",
      "pi sum not one    | 0,1,0.5,0.2,0.3,0.6                          | row 1         | sum",
      "too few fields    | 0,1,0.5,0.2,0.3                              | row 1         | fields",
      "too many fields   | 0,1,0.5,0.2,0.3,0.5,9                        | row 1         | fields"})
  void badRowsAreRejectedWithFileRowAndColumn(String name, String rows, String where, String what)
      throws IOException {
    Path log = write("log.csv", HEADER + "\n" + rows.trim().replace(';', '\n') + "\n");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--estimators", "ipw");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + log)
        .contains(where.trim()).contains(what.trim());
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "missing pscore     | action,reward,pi_0,pi_1;0,1,0.5,0.5 | pscore",
      "no policy columns  | action,reward,pscore;0,1,0.5        | policy",
      "empty file         | ''                                   | empty",
      "header only        | action,reward,pscore,pi             | no data rows"})
  void badFilesAreRejected(String name, String content, String what) throws IOException {
    Path log = write("log.csv", content.replace(';', '\n'));
    CliRun run = CliRun.of("evaluate", "--data", log.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + log).containsIgnoringCase(what.trim());
  }

  @org.junit.jupiter.api.Test
  void truncatedGzipIsRejected() throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 20_000; i++) {
      text.append(i % 3).append(",1,0.5,0.2,0.3,0.5\n");
    }
    Path full = dir.resolve("full.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(full))) {
      out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(full);
    Path truncated = dir.resolve("truncated.csv.gz");
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
    CliRun run = CliRun.of("evaluate", "--data", truncated.toString(), "--estimators", "ipw");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: " + truncated).contains("truncated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown estimator  | --estimators=ipw,bogus       | unknown estimator id 'bogus'",
      "bad hyperparameter | --estimators=ipw:clip=-1     | clip must be > 0",
      "missing lambda     | --estimators=switch-dr       | needs lambda",
      "needs a model      | --estimators=dr              | needs reward-model columns",
      "bad interval       | --ci=magic                   | unknown interval method",
      "bad level          | --level=1.5                  | confidence level",
      "bad format         | --format=xml                 | --format must be",
      "missing file       | --data=/nonexistent/log.csv  | no such file"})
  void badOptionsAreRejected(String name, String option, String what) throws IOException {
    Path log = write("log.csv", HEADER + "\n0,1,0.5,0.2,0.3,0.5\n1,0,0.5,0.2,0.3,0.5\n");
    CliRun run = option.startsWith("--data")
        ? CliRun.of("evaluate", option.trim())
        : CliRun.of("evaluate", "--data", log.toString(), option.trim());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(what.trim());
  }

  private Path write(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, content);
    return path;
  }
}
