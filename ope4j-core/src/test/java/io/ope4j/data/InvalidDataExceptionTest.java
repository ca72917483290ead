package io.ope4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages name file, row and column, and stay one printable line whatever the file held. */
class InvalidDataExceptionTest {

  @Test
  void namesFileRowAndColumn() {
    assertThat(new InvalidDataException("logs.csv", 10412, "pscore", "must be in (0, 1], got 0.0"))
        .hasMessage("logs.csv row 10412, pscore: must be in (0, 1], got 0.0");
    assertThat(new InvalidDataException("logs.csv", 0, "pi", "missing")).hasMessage(
        "logs.csv header, pi: missing");
    assertThat(new InvalidDataException("logs.csv", -1, null, "empty file")).hasMessage(
        "logs.csv: empty file");
  }

  /** Issue 10: an ESC sequence copied from a cell could clear the user's terminal. */
  @Test
  void controlCharacters_areEscaped_everywhereInTheMessage() {
    InvalidDataException error = new InvalidDataException("a\tb.csv", 1, "re\u0000ward",
        "got '0.5\u001b[2J', then \r\n and \u0085 and \u2028 and \u007f; \u00e9 stays");
    assertThat(error).hasMessage("a\\tb.csv row 1, re\\0ward: got '0.5\\u001b[2J', then \\r\\n"
        + " and \\u0085 and \\u2028 and \\u007f; \u00e9 stays");
  }
}
