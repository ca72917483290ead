package io.ope4j.cli.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the shell examples of a Markdown document, in document order.
 *
 * <ul>
 *   <li>In a {@code sh}, {@code bash} or {@code shell} block every line is a command; a line
 *       ending in a backslash continues on the next.
 *   <li>In a {@code console} block a line starting with {@code $ } is a command, and the lines
 *       after it, up to the next command, are its standard output as the document shows it (its
 *       standard error, for a block that expects a non-zero exit code).
 *   <li>An HTML comment on the line just before the opening fence applies to the whole block:
 *       {@code <!-- not run: REASON -->} (listed, not run; its {@code ope4j} commands are still
 *       parsed, so their options must exist) or {@code <!-- exit code: N -->}.
 *   <li>A command that is not {@code ope4j}/{@code ./ope4j} must be in a "not run" block.
 *   <li>A block without a language whose first line looks like a command is refused (tag it).
 * </ul>
 */
public final class DocExamples {

  private static final Set<String> SHELL = Set.of("sh", "bash", "shell");
  private static final Pattern NOT_RUN = Pattern.compile("<!--\\s*not run:\\s*(.+?)\\s*-->");
  private static final Pattern EXIT_CODE = Pattern.compile("<!--\\s*exit code:\\s*(\\d+)\\s*-->");
  private static final Pattern COMMAND_LIKE = Pattern.compile("^(\\$ |ope4j |\\./ope4j ).*");

  private DocExamples() {}

  /** The examples of {@code root/doc}, in document order. */
  public static List<DocExample> read(Path root, String doc) throws IOException {
    return parse(doc, Files.readAllLines(root.resolve(doc)));
  }

  /**
   * The examples of a document's lines.
   *
   * @throws IllegalArgumentException naming the document and line, for a command outside the
   *     shell subset, an unmarked command of another program, or an untagged command block
   */
  public static List<DocExample> parse(String doc, List<String> lines) {
    List<DocExample> examples = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        i++;
        continue;
      }
      String language = line.substring(3).trim();
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      String directive = i > 0 ? lines.get(i - 1) : "";
      Block block = new Block(doc, i + 2, lines.subList(i + 1, end), match(NOT_RUN, directive),
          exitCode(directive));
      if (SHELL.contains(language)) {
        block.shell(examples);
      } else if (language.equals("console")) {
        block.console(examples);
      } else if (language.isEmpty() && !block.body.isEmpty() && COMMAND_LIKE.matcher(block.body.get(0)).matches()) {
        throw new IllegalArgumentException(doc + ":" + (i + 1) + ": a command in a block without a language: "
            + "open it with ```sh (or ```console, with its output)");
      }
      i = end + 1;
    }
    return examples;
  }

  private static String match(Pattern pattern, String line) {
    Matcher matcher = pattern.matcher(line.trim());
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static int exitCode(String directive) {
    String code = match(EXIT_CODE, directive);
    return code == null ? 0 : Integer.parseInt(code);
  }

  private static ShellCommand parsedOrNull(String text) {
    try {
      return ShellCommand.parse(text);
    } catch (IllegalArgumentException outsideTheSubset) {
      return null;
    }
  }

  /** One fenced block: its body and the first body line's number. */
  private record Block(String doc, int firstLine, List<String> body, String notRunReason, int expectedExit) {

    void shell(List<DocExample> examples) {
      int i = 0;
      while (i < body.size()) {
        int start = i;
        StringBuilder text = new StringBuilder();
        i = joinContinuations(i, text);
        add(examples, start, text.toString(), null);
      }
    }

    void console(List<DocExample> examples) {
      int i = 0;
      while (i < body.size()) {
        if (!body.get(i).startsWith("$ ")) {
          throw new IllegalArgumentException(doc + ":" + (firstLine + i)
              + ": a console block must start with a '$ ' command line");
        }
        int start = i;
        StringBuilder text = new StringBuilder();
        i = joinContinuations(i, text);
        StringBuilder output = new StringBuilder();
        while (i < body.size() && !body.get(i).startsWith("$ ")) {
          output.append(body.get(i)).append('\n');
          i++;
        }
        add(examples, start, text.substring(2), output.toString());
      }
    }

    /** Appends the logical line starting at body line i; returns the index after it. */
    private int joinContinuations(int i, StringBuilder text) {
      String line = body.get(i);
      while (line.endsWith("\\") && i + 1 < body.size()) {
        text.append(line, 0, line.length() - 1);
        line = body.get(++i);
      }
      text.append(line);
      return i + 1;
    }

    private void add(List<DocExample> examples, int index, String text, String output) {
      String where = doc + ":" + (firstLine + index);
      if (text.isBlank() || text.strip().startsWith("#")) {
        return;
      }
      if (notRunReason != null) {
        // Not run, so it may use the whole shell (`$(cat cp.txt)`); kept parsed when it can be.
        examples.add(new DocExample(doc, firstLine + index, text.strip(), parsedOrNull(text), output, expectedExit,
            notRunReason));
        return;
      }
      ShellCommand command;
      try {
        command = ShellCommand.parse(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      if (command == null) {
        return;
      }
      if (!command.isOpe4j()) {
        throw new IllegalArgumentException(where + ": '" + command.program() + "' is not an ope4j command: "
            + "mark the block with <!-- not run: REASON --> on the line before it");
      }
      examples.add(new DocExample(doc, firstLine + index, text.strip(), command, output, expectedExit, null));
    }
  }
}
