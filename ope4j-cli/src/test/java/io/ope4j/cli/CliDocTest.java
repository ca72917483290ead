package io.ope4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/cli.md is the table {@link OptionTable} makes from the commands: a renamed or added option
 * fails here until the page is regenerated with {@code -Dope4j.docs.write=true}.
 */
class CliDocTest {

  private static final Path PAGE = Path.of("..", "docs", "cli.md");

  @Test
  void docsCliMd_isTheTableOfTheCommandsOptions() throws IOException {
    String expected = OptionTable.markdown();
    if (Boolean.getBoolean("ope4j.docs.write")) {
      Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
        .as("docs/cli.md is out of date: run mvn -pl ope4j-cli test -Dtest=CliDocTest -Dope4j.docs.write=true")
        .isEqualTo(expected);
  }

  @Test
  void everyCommandAndItsSharedOptionsAreInTheTable() {
    String page = OptionTable.markdown();
    for (String command : new String[] {"## quickstart", "## quickstart synthetic", "## obd", "## evaluate",
        "## simulate", "## select", "## convert", "## assess", "## ct-evaluate", "## ct-simulate"}) {
      assertThat(page).contains(command + "\n");
    }
    assertThat(page).contains("| `--estimators SPEC` |").contains("| `-o`, `--output FILE` |")
        .contains("| `--seed SEED` |").contains("| `--delimiter CHAR` |").doesNotContain("--estimator SPEC");
  }
}
