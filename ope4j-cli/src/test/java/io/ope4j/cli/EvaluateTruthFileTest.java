package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A truth file that cannot be used is the user's to fix: exit 2, one line naming the file. */
class EvaluateTruthFileTest {

  private static final Path OBP = Path.of("..", "testdata", "obp", "obd_random_men_bts.csv.gz");

  @TempDir Path dir;

  @Test
  void truthThatIsNotJson_exit2_namingTheFile() throws IOException {
    Path broken = dir.resolve("broken.truth.json");
    CliRun run = evaluateWithTruth(broken, "{\"policies\": ");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ope4j: error: " + broken + ": not valid JSON").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void truthWithATextValue_exit2() throws IOException {
    Path text = dir.resolve("text.truth.json");
    CliRun run = evaluateWithTruth(text, "{\"policies\": {\"pi\": \"high\"}}");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("ope4j: error: " + text + ": true value of pi must be a finite number, got"
        + " \"high\"" + System.lineSeparator());
  }

  private static CliRun evaluateWithTruth(Path truth, String text) throws IOException {
    Files.writeString(truth, text);
    return CliRun.of("evaluate", "--data", OBP.toString(), "--truth", truth.toString());
  }
}
