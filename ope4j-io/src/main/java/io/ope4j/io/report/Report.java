package io.ope4j.io.report;

import io.ope4j.data.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A result written as a table for people, as JSON (the formats.md contract; non-finite numbers
 * as null) or as CSV (non-finite numbers as empty fields).
 */
public interface Report {

  /** The format names {@link #write} accepts. */
  List<String> FORMATS = List.of("table", "json", "csv");

  void writeTable(PrintWriter out) throws IOException;

  void writeJson(PrintWriter out) throws IOException;

  void writeCsv(PrintWriter out) throws IOException;

  /**
   * Writes {@code format} ({@code table}, {@code json} or {@code csv}, any case) and flushes.
   *
   * @throws IllegalArgumentException for any other format
   */
  default void write(String format, PrintWriter out) throws IOException {
    switch (checkFormat(format)) {
      case "json" -> writeJson(out);
      case "csv" -> writeCsv(out);
      default -> writeTable(out);
    }
    out.flush();
  }

  /** The report in {@code format}, as a string. */
  default String toString(String format) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      write(format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /**
   * {@code format} in lower case, checked.
   *
   * @throws IllegalArgumentException unless it is table, json or csv
   */
  static String checkFormat(String format) {
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(chosen)) {
      throw new UsageException("--format must be table, json or csv, got '" + format + "'");
    }
    return chosen;
  }
}
