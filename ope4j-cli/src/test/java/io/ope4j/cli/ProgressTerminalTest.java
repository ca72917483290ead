package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The progress bar of a long command: under a pseudo-terminal (util-linux {@code script}) it shows
 * the total and the time left; with stderr piped it writes no control character.
 */
class ProgressTerminalTest {

  private static final String ASSESS = "assess --rows 20000 --replications 40 --estimators dm,ipw,dr --threads 1"
      + " --format csv";

  @Test
  void underATerminal_showsTotalPercentageAndTimeLeft() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " " + ASSESS + " > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j replications").contains("/40 (").contains("%");
    // "(elapsed / left)": the time left is known once a replication is done
    assertThat(shown).containsPattern("\\d+/40 \\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
  }

  @Test
  void ctSimulate_underATerminal_showsThePathsWrittenOfTheTotal() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    Path paths = Files.createTempFile("paths", ".csv");
    try {
      String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " ct-simulate --process ou --paths 4000"
          + " --dt 0.01 --horizon 5 -o " + paths + " > /dev/null", "/dev/null"));
      assertThat(shown).contains("ope4j paths written").containsPattern("\\d+/4000 \\(").contains("%");
    } finally {
      Files.deleteIfExists(paths);
    }
  }

  @Test
  void fittingAModel_underATerminal_showsTheModelsFittedOfTheTotal(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    Path log = dir.resolve("log.csv");
    CliRun sim = CliRun.of("simulate", "--rows", "100000", "--output", log.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " evaluate --data " + log
        + " --reward-model ridge --folds 3 > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j models fitted").containsPattern("\\d/3 \\(");
  }

  @Test
  void obd_underATerminal_showsTheThompsonSamplingSimulationsOfTheTotal() throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " obd --data-dir " + ObdCommandTest.DATA
        + " --n-sim 2000000 --threads 1 > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j Thompson-sampling simulations").containsPattern("\\d+/2000000 \\(")
        .contains("ope4j models fitted").containsPattern("\\d/3 \\(");
  }

  @Test
  void evaluate_underATerminal_showsTheMebibytesReadOfTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    Path log = dir.resolve("log.csv");
    CliRun sim = CliRun.of("simulate", "--rows", "60000", "--output", log.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    long mebibytes = Files.size(log) >> 20;
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " evaluate --data " + log
        + " --ci bootstrap --bootstrap 400 > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j MiB read").containsPattern("\\d+/" + mebibytes + " \\(").contains("%");
  }

  @Test
  void convert_underATerminal_showsTheRowsWrittenOfTheScannedTotal(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    Path log = dir.resolve("log.csv");
    CliRun sim = CliRun.of("simulate", "--rows", "150000", "--output", log.toString());
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " convert --data " + log
        + " --to jsonl -o " + dir.resolve("log.jsonl") + " > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j rows written").containsPattern("\\d+/150000 \\(");
    String quiet = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " convert --quiet --data " + log
        + " --to jsonl -o " + dir.resolve("log2.jsonl") + " > /dev/null", "/dev/null"));
    assertThat(quiet).contains("wrote 150,000 rows").doesNotContain("rows written (");
  }

  @Test
  void trajectories_underATerminal_showTheEpisodesWrittenAndTheMebibytesReadOfBothPasses(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(new File("/usr/bin/script").canExecute(), "util-linux script is not installed");
    Path log = dir.resolve("episodes.csv");
    String simulated = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " simulate --env tabular"
        + " --episodes 200000 --seed 1 --output " + log + " > /dev/null", "/dev/null"));
    assertThat(simulated).contains("ope4j episodes written").containsPattern("\\d+/200000 \\(");
    // snpdis: the log is read twice, so the total is twice its size
    long mebibytes = (2 * Files.size(log)) >> 20;
    String shown = run(List.of("/usr/bin/script", "-q", "-e", "-c", java() + " evaluate --data " + log
        + " --estimators pdis,snpdis --threads 1 > /dev/null", "/dev/null"));
    assertThat(shown).contains("ope4j MiB read").containsPattern("\\d+/" + mebibytes + " \\(");
  }

  @Test
  void piped_writesNoControlCharacter() throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"),
        "io.ope4j.cli.Ope4j"));
    command.addAll(List.of(ASSESS.split(" ")));
    String stderr = run(command);
    assertThat(stderr).doesNotContain("\r").doesNotContain("\u001b");
  }

  private static String java() {
    return "java -cp '" + System.getProperty("java.class.path") + "' io.ope4j.cli.Ope4j";
  }

  /** Runs {@code command} without CI in its environment and returns its stderr and stdout. */
  private static String run(List<String> command) throws Exception {
    Path out = Files.createTempFile("progress", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      builder.environment().remove("CI");
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in 120 s").isTrue();
      assertThat(process.exitValue()).as(Files.readString(out)).isZero();
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
