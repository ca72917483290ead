package io.ope4j.io.report;

import io.ope4j.engine.EvaluationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;

/**
 * The formats.md JSON of an evaluation, in one call: {@code ResultJson.write(result, writer)}.
 * The same bytes as {@code ope4j evaluate --format json}. For tables, CSV, or extra keys, use
 * {@link ResultReport}.
 */
public final class ResultJson {

  private ResultJson() {}

  /**
   * Writes the JSON of {@code result} (which must carry its config) to {@code out}, flushed, not
   * closed.
   */
  public static void write(EvaluationResult result, Writer out) throws IOException {
    write(result, Map.of(), out);
  }

  /** Writes the JSON with true values beside the estimates of the policies they name. */
  public static void write(EvaluationResult result, Map<String, Double> truths, Writer out) throws IOException {
    PrintWriter printer = out instanceof PrintWriter p ? p : new PrintWriter(out);
    ResultReport.of(result).withTruths(truths).write("json", printer);
  }

  /** The JSON of {@code result}, as a string. */
  public static String toString(EvaluationResult result) {
    return toString(result, Map.of());
  }

  /** The JSON with true values beside the estimates of the policies they name. */
  public static String toString(EvaluationResult result, Map<String, Double> truths) {
    return ResultReport.of(result).withTruths(truths).toString("json");
  }
}
