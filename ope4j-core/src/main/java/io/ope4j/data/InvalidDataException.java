package io.ope4j.data;

/**
 * A logged file that cannot be used as it is: the message names the file, the 1-based data row
 * (the header is row 0) and the column, e.g. {@code logs.csv row 10412, pscore: must be in (0,
 * 1], got 0.0}, on one line with control characters escaped. Row is 0 for problems with the
 * header and -1 for the file as a whole (empty, truncated); column is {@code null} for problems
 * with a whole row or file.
 */
public final class InvalidDataException extends UserInputException {

  private final String source;
  private final long row;
  private final String column;

  public InvalidDataException(String source, long row, String column, String problem) {
    super(format(source, row, column, problem));
    this.source = source;
    this.row = row;
    this.column = column;
  }

  public InvalidDataException(String source, long row, String column, String problem, Throwable cause) {
    super(format(source, row, column, problem), cause);
    this.source = source;
    this.row = row;
    this.column = column;
  }

  private static String format(String source, long row, String column, String problem) {
    StringBuilder message = new StringBuilder(source);
    if (row > 0) {
      message.append(" row ").append(row);
    } else if (row == 0) {
      message.append(" header");
    }
    if (column != null) {
      message.append(", ").append(column);
    }
    return escapeControls(message.append(": ").append(problem));
  }

  /**
   * The message on one line with control characters written as escapes ({@code \0}, {@code \n},
   * {@code \r}, {@code \t}, else backslash, u and four hex digits, as in Java): a value copied
   * from a damaged file must not drive the user's terminal (an ESC sequence can clear it) or
   * split the message.
   */
  private static String escapeControls(CharSequence text) {
    StringBuilder escaped = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029';
      if (control && escaped == null) {
        escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (escaped == null) {
        continue;
      }
      if (!control) {
        escaped.append(c);
      } else if (c == 0) {
        escaped.append("\\0");
      } else if (c == '\n') {
        escaped.append("\\n");
      } else if (c == '\r') {
        escaped.append("\\r");
      } else if (c == '\t') {
        escaped.append("\\t");
      } else {
        escaped.append(String.format("\\u%04x", (int) c));
      }
    }
    return escaped == null ? text.toString() : escaped.toString();
  }

  /** The file (or other source) name. */
  public String source() {
    return source;
  }

  /** 1-based data row; 0 for the header; -1 for the file as a whole. */
  public long row() {
    return row;
  }

  /** The column name, or {@code null}. */
  public String column() {
    return column;
  }
}
