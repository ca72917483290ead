package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report} is checked when parsed: a bad path fails with exit 2 before any work. */
class ReportOptionTest {

  @TempDir Path dir;

  @Test
  void missingDirectory_failsBeforeWork() {
    Path report = dir.resolve("no-such-dir").resolve("r.html");
    CliRun run = CliRun.of("assess", "--rows", "200", "--replications", "2", "--report", report.toString());
    assertThat(run.exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("ope4j: error: --report " + report + ": the directory " + report.getParent()
        + " does not exist");
  }

  @Test
  void aDirectory_failsBeforeWork() {
    CliRun run = CliRun.of("quickstart", "synthetic", "--rows", "100", "--dir", dir.resolve("q").toString(),
        "--report", dir.toString());
    assertThat(run.exitCode()).isEqualTo(Ope4j.BAD_INPUT);
    assertThat(run.err()).startsWith("ope4j: error: --report " + dir + " is a directory; give a file name");
    assertThat(dir.resolve("q")).doesNotExist();
  }
}
