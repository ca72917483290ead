package io.ope4j.cli;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * A command's result, written as a table for people, as JSON (non-finite numbers as null) or as
 * CSV (non-finite numbers as empty fields). {@link OutputOptions} picks the format and the
 * destination.
 */
interface Report {

  void writeTable(PrintWriter out) throws IOException;

  void writeJson(PrintWriter out) throws IOException;

  void writeCsv(PrintWriter out) throws IOException;

  /** Writes {@code format} ({@code table}, {@code json} or {@code csv}, already checked). */
  default void write(String format, PrintWriter out) throws IOException {
    switch (format) {
      case "json" -> writeJson(out);
      case "csv" -> writeCsv(out);
      default -> writeTable(out);
    }
    out.flush();
  }
}
