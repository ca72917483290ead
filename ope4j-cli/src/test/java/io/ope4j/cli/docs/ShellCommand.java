package io.ope4j.cli.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * One command line of a documentation example, parsed in the small shell subset the docs test
 * runs. The subset: words separated by blanks; {@code '...'} (literal) and {@code "..."} (with
 * {@code \"}, {@code \\}, {@code \$} escapes) quoting; a backslash outside quotes escapes the
 * next character; {@code #} at the start of a word begins a comment; one {@code > FILE}
 * redirection of standard output; one pipe {@code cat FILE | ...} or {@code gunzip -c FILE | ...}
 * feeding standard input. Anything else a shell would interpret (variables, command
 * substitution, globs, {@code ;}, {@code &}, {@code <}, brackets) is refused, so an example never
 * means one thing to the test and another to a shell.
 *
 * @param words the program and its arguments (the last stage of a pipe)
 * @param input the pipe's first stage ({@code cat FILE} or {@code gunzip -c FILE}), or empty
 * @param stdoutFile the file standard output is redirected to, or null
 */
public record ShellCommand(List<String> words, List<String> input, String stdoutFile) {

  /** Characters a shell would interpret and the subset does not support, outside quotes. */
  private static final String UNSUPPORTED = "$`;&<*?[]{}()";

  public ShellCommand {
    words = List.copyOf(words);
    input = List.copyOf(input);
  }

  /** The program: the first word. */
  public String program() {
    return words.get(0);
  }

  /** True for {@code ope4j ...} and {@code ./ope4j ...}, which the test runs in-process. */
  public boolean isOpe4j() {
    return program().equals("ope4j") || program().equals("./ope4j");
  }

  /** The arguments after the program. */
  public List<String> arguments() {
    return words.subList(1, words.size());
  }

  /** The file the pipe's first stage reads. */
  public String inputFile() {
    return input.get(input.size() - 1);
  }

  /** True when the pipe's first stage is {@code gunzip -c}. */
  public boolean inputGzipped() {
    return !input.isEmpty() && !input.get(0).equals("cat");
  }

  /**
   * Parses one logical line (continuations already joined).
   *
   * @return the command, or null for a blank or comment-only line
   * @throws IllegalArgumentException for syntax outside the subset
   */
  public static ShellCommand parse(String line) {
    List<Token> tokens = tokens(line);
    if (tokens.isEmpty()) {
      return null;
    }
    String redirect = null;
    int redirectAt = tokens.indexOf(Token.REDIRECT);
    if (redirectAt >= 0) {
      if (redirectAt != tokens.size() - 2 || tokens.get(redirectAt + 1).operator()) {
        throw refused(line, "one '> FILE', at the end");
      }
      redirect = tokens.get(redirectAt + 1).text();
      tokens = tokens.subList(0, redirectAt);
    }
    List<List<String>> stages = new ArrayList<>();
    List<String> stage = new ArrayList<>();
    for (Token token : tokens) {
      if (token.equals(Token.PIPE)) {
        stages.add(stage);
        stage = new ArrayList<>();
      } else {
        stage.add(token.text());
      }
    }
    stages.add(stage);
    if (stages.stream().anyMatch(List::isEmpty)) {
      throw refused(line, "a redirection or pipe without a command");
    }
    if (stages.size() > 2) {
      throw refused(line, "at most one pipe");
    }
    List<String> input = stages.size() == 2 ? stages.get(0) : List.of();
    if (!input.isEmpty() && !isInputStage(input)) {
      throw refused(line, "a pipe may only start with 'cat FILE' or 'gunzip -c FILE'");
    }
    return new ShellCommand(stages.get(stages.size() - 1), input, redirect);
  }

  /** A word, or an unquoted {@code |} or {@code >}. */
  private record Token(String text, boolean operator) {
    static final Token PIPE = new Token("|", true);
    static final Token REDIRECT = new Token(">", true);
  }

  private static boolean isInputStage(List<String> stage) {
    return (stage.size() == 2 && stage.get(0).equals("cat"))
        || (stage.size() == 3 && stage.get(0).equals("gunzip") && stage.get(1).equals("-c"));
  }

  /** The words and operators of a line, without its comment. */
  private static List<Token> tokens(String line) {
    List<Token> tokens = new ArrayList<>();
    StringBuilder word = null;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      boolean operator = c == '|' || c == '>';
      if (c == ' ' || c == '\t' || operator) {
        if (operator && word != null && word.toString().matches("[0-9]+")) {
          throw refused(line, "'N>' redirections of other streams");
        }
        if (word != null) {
          tokens.add(new Token(word.toString(), false));
          word = null;
        }
        if (operator) {
          tokens.add(c == '|' ? Token.PIPE : Token.REDIRECT);
        }
        i++;
      } else if (word == null && c == '#') {
        break;
      } else {
        if (word == null) {
          word = new StringBuilder();
        }
        i = c == '\'' ? singleQuoted(line, i, word)
            : c == '"' ? doubleQuoted(line, i, word)
            : plain(line, i, word);
      }
    }
    if (word != null) {
      tokens.add(new Token(word.toString(), false));
    }
    return tokens;
  }

  private static int singleQuoted(String line, int start, StringBuilder word) {
    int end = line.indexOf('\'', start + 1);
    if (end < 0) {
      throw refused(line, "unclosed '");
    }
    word.append(line, start + 1, end);
    return end + 1;
  }

  private static int doubleQuoted(String line, int start, StringBuilder word) {
    int i = start + 1;
    while (i < line.length() && line.charAt(i) != '"') {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else if (c == '$' || c == '`') {
        throw refused(line, "'" + c + "' inside double quotes");
      } else {
        word.append(c);
        i++;
      }
    }
    if (i == line.length()) {
      throw refused(line, "unclosed \"");
    }
    return i + 1;
  }

  private static int plain(String line, int i, StringBuilder word) {
    char c = line.charAt(i);
    if (c == '\\') {
      if (i + 1 == line.length()) {
        throw refused(line, "a backslash at the end of the line");
      }
      word.append(line.charAt(i + 1));
      return i + 2;
    }
    if (UNSUPPORTED.indexOf(c) >= 0 || (c == '~' && word.isEmpty())) {
      throw refused(line, "'" + c + "' (quote it, or leave it out)");
    }
    word.append(c);
    return i + 1;
  }

  private static IllegalArgumentException refused(String line, String what) {
    return new IllegalArgumentException("not in the shell subset the docs test runs: " + what + ": " + line);
  }
}
