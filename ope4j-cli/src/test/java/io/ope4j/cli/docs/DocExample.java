package io.ope4j.cli.docs;

/**
 * One command of a documentation example.
 *
 * @param doc the document, relative to the repository root (e.g. {@code docs/obd.md})
 * @param line the 1-based line of the command in the document
 * @param text the command as written (continuation lines joined)
 * @param command the parsed command; null for a command that is not run and is outside the
 *     shell subset
 * @param expectedOutput what a {@code console} block shows after the command (standard output,
 *     or standard error where a non-zero exit code is expected), or null in {@code sh} blocks
 * @param expectedExit the exit code the block's {@code <!-- exit code: N -->} says, else 0
 * @param notRunReason why the command is not run ({@code <!-- not run: REASON -->}), or null
 */
public record DocExample(String doc, int line, String text, ShellCommand command, String expectedOutput,
    int expectedExit, String notRunReason) {

  public boolean runs() {
    return notRunReason == null;
  }

  /** Where the example is, as {@code docs/obd.md:12}. */
  public String where() {
    return doc + ":" + line;
  }
}
