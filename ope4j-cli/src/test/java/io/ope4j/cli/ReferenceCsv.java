package io.ope4j.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A second, deliberately plain reading of a narrow bandit CSV, written apart from the project's
 * reader, to judge fuzzed files: it either finds text the log format does not allow (then the
 * CLI must refuse the file), or rewrites the file with every used number in canonical form
 * ({@link Double#toString}, plain integers), which the CLI must then treat exactly as it treats
 * the fuzzed file (same exit code, and the same output on success).
 *
 * <p>Rules (formats.md and issue 10): RFC 4180 records ({@code ,} separators, {@code \n} or
 * {@code \r\n} line ends, quoted fields with doubled quotes); a UTF-8 byte order mark at the
 * start is skipped; in the used columns a decimal is {@code [+-]? digits ('.' digits?)? |
 * [+-]? '.' digits}, with an optional exponent, and {@code action} is {@code [+-]? digits}. No
 * blanks, control characters, suffixes, hex or non-ASCII digits.
 */
final class ReferenceCsv {

  /** The columns of the narrow log the fuzz tests use. */
  static final Set<String> USED = Set.of("action", "reward", "pscore", "pi");

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> SPECIAL = Set.of("NaN", "Infinity", "+Infinity", "-Infinity");

  /**
   * The verdict on one file.
   *
   * @param canonical the rewritten file, or null when the file must be refused
   * @param problem why it must be refused (for assertion messages), or null
   * @param cellProblem whether the problem is one cell (the CLI must then name a row)
   */
  record Verdict(byte[] canonical, String problem, boolean cellProblem) {}

  private ReferenceCsv() {}

  static Verdict judge(byte[] file) {
    // ISO-8859-1 maps bytes to chars one to one, so bytes come back unchanged when written.
    String text = new String(file, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\u00ef\u00bb\u00bf")) {
      text = text.substring(3);
    }
    List<List<Field>> records = new ArrayList<>();
    String structure = split(text, records);
    if (structure != null) {
      return new Verdict(null, structure, false);
    }
    if (records.isEmpty()) {
      return new Verdict(null, "empty file", false);
    }
    List<Field> header = records.get(0);
    StringBuilder canonical = new StringBuilder();
    for (int r = 0; r < records.size(); r++) {
      List<Field> record = records.get(r);
      boolean blank = record.size() == 1 && !record.get(0).quoted && record.get(0).text.isEmpty();
      for (int c = 0; c < record.size(); c++) {
        Field field = record.get(c);
        String value = field.text;
        if (r > 0 && !blank && c < header.size() && USED.contains(utf8(header.get(c).text))) {
          boolean integer = utf8(header.get(c).text).equals("action");
          value = canonicalNumber(value, integer);
          if (value == null) {
            return new Verdict(null, "row " + r + " column " + c + ": " + field.text, true);
          }
        }
        canonical.append(c == 0 ? "" : ",").append(field.quoted ? quote(value) : value);
      }
      canonical.append('\n');
    }
    return new Verdict(canonical.toString().getBytes(StandardCharsets.ISO_8859_1), null, false);
  }

  private static String canonicalNumber(String text, boolean integer) {
    if (integer) {
      return INTEGER.matcher(text).matches() ? new BigInteger(text).toString() : null;
    }
    if (SPECIAL.contains(text)) {
      return text; // a number, refused as a value: the CLI decides on both files alike
    }
    return DECIMAL.matcher(text).matches() ? Double.toString(Double.parseDouble(text)) : null;
  }

  /** Splits into records of fields; returns a description of broken quoting, or null. */
  private static String split(String text, List<List<Field>> records) {
    int p = 0;
    int n = text.length();
    while (p < n) {
      List<Field> record = new ArrayList<>();
      while (true) {
        if (p < n && text.charAt(p) == '"') {
          StringBuilder value = new StringBuilder();
          p++;
          while (true) {
            int quote = text.indexOf('"', p);
            if (quote < 0) {
              return "unclosed quote";
            }
            value.append(text, p, quote);
            if (quote + 1 < n && text.charAt(quote + 1) == '"') {
              value.append('"');
              p = quote + 2;
            } else {
              p = quote + 1;
              break;
            }
          }
          record.add(new Field(value.toString(), true));
          if (p < n && text.charAt(p) == '\r' && (p + 1 == n || text.charAt(p + 1) == '\n')) {
            p++;
          }
          if (p < n && text.charAt(p) != ',' && text.charAt(p) != '\n') {
            return "text after a closing quote";
          }
        } else {
          int end = p;
          while (end < n && text.charAt(end) != ',' && text.charAt(end) != '\n') {
            end++;
          }
          int valueEnd = end;
          if ((end == n || text.charAt(end) == '\n') && end > p && text.charAt(end - 1) == '\r') {
            valueEnd--;
          }
          record.add(new Field(text.substring(p, valueEnd), false));
          p = end;
        }
        if (p == n || text.charAt(p) == '\n') {
          p++;
          break;
        }
        p++; // the comma
      }
      records.add(record);
    }
    return null;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private static String utf8(String latin1) {
    return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  private record Field(String text, boolean quoted) {}
}
