package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad JSON Lines log exits 2 with one message naming the file, the row and the column. */
class JsonLinesBadInputTest {

  @TempDir Path dir;

  private static final String GOOD = "{\"action\": 0, \"reward\": 1, \"pscore\": 0.5, \"pi\": 0.5}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "broken JSON        | {\"action\": 1, \"reward\": 0, \"pscore\": 0.5, \"pi\": 0.5                | row 2: not valid JSON",
      "missing key        | {\"action\": 1, \"reward\": 0, \"pi\": 0.5}                               | row 2, pscore: missing key",
      "null               | {\"action\": 1, \"reward\": null, \"pscore\": 0.5, \"pi\": 0.5}           | row 2, reward: must be a JSON number, got null",
      "string for number  | {\"action\": 1, \"reward\": 0, \"pscore\": \"0.5\", \"pi\": 0.5}         | row 2, pscore: must be a JSON number, got \"0.5\"",
      "fraction as action | {\"action\": 1.5, \"reward\": 0, \"pscore\": 0.5, \"pi\": 0.5}            | row 2, action: must be an integer >= 0, got 1.5",
      "pscore zero        | {\"action\": 1, \"reward\": 0, \"pscore\": 0.0, \"pi\": 0.5}              | row 2, pscore: must be in (0, 1], got 0.0",
      "not an object      | [1, 0, 0.5, 0.5]                                                         | row 2: expected a JSON object",
      "key twice          | {\"action\": 1, \"action\": 2, \"reward\": 0, \"pscore\": 0.5, \"pi\": 0.5} | row 2, action: key given twice"})
  void badRow_exitsTwoNamingFileRowAndColumn(String name, String secondRow, String expected)
      throws IOException {
    Path log = Files.writeString(dir.resolve("logs.jsonl"), GOOD + secondRow.trim() + "\n" + GOOD);
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(log + " " + expected.trim());
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown key is ignored | {\"action\": 1, \"reward\": 0, \"pscore\": 0.5, \"pi\": 0.5, \"x\": [1, {}]}",
      "keys in another order  | {\"pi\": 0.5, \"pscore\": 0.5, \"reward\": 0, \"action\": 1}"})
  void tolerated_likeInCsv(String name, String secondRow) throws IOException {
    Path log = Files.writeString(dir.resolve("logs.jsonl"), GOOD + secondRow.trim() + "\n");
    CliRun run = CliRun.of("evaluate", "--data", log.toString(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"n_rounds\" : 2");
  }
}
