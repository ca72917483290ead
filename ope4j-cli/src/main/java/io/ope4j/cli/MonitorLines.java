package io.ope4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ope4j.sequence.SequenceMonitor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * How {@code monitor} prints: one line per track at every update, then the final lines with the
 * verdict and why the run stopped. {@code table}: aligned text; {@code json}: JSON Lines, one object
 * per line; {@code csv}: a header, then one record per line.
 */
final class MonitorLines {

  private static final String TABLE_ROW = "%-10s %-12s %-10s %-12s %-12s %-12s %-8s%n";
  private static final JsonFactory JSON = new JsonFactory();

  private final String format;
  private final PrintWriter out;

  MonitorLines(String format, PrintWriter out) {
    this.format = format;
    this.out = out;
  }

  private boolean started;

  /** The table's or CSV's header, before the first line (so that an early bad row leaves stdout empty). */
  private void header() {
    started = true;
    switch (format) {
      case "table" -> out.printf(Locale.ROOT, TABLE_ROW, "rows", "policy", "estimator", "estimate", "lower", "upper",
          "verdict");
      case "csv" -> out.println("final,rows,policy,estimator,estimate,lower,upper,verdict,decided_at,stopped");
      default -> { }
    }
    out.flush();
  }

  /** The tracks now; {@code stopped} (why the run ended) only on the final lines. */
  void update(List<SequenceMonitor.Status> statuses, String stopped) throws IOException {
    if (!started) {
      header();
    }
    if (stopped != null && format.equals("table")) {
      out.println("final (" + stopped + "):");
    }
    for (SequenceMonitor.Status s : statuses) {
      switch (format) {
        case "table" -> out.printf(Locale.ROOT, TABLE_ROW, s.interval().rows(), s.policy(), s.estimator(),
            number(s.interval().estimate()), number(s.interval().lower()), number(s.interval().upper()),
            s.verdict().id() + (s.verdict() == SequenceMonitor.Verdict.OPEN ? "" : " @" + s.decidedAt()));
        case "csv" -> out.println(String.join(",", String.valueOf(stopped != null), String.valueOf(s.interval().rows()),
            s.policy(), s.estimator(), number(s.interval().estimate()), number(s.interval().lower()),
            number(s.interval().upper()), s.verdict().id(), String.valueOf(s.decidedAt()),
            stopped == null ? "" : stopped));
        default -> out.println(json(s, stopped));
      }
    }
    out.flush();
  }

  private static String json(SequenceMonitor.Status s, String stopped) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeBooleanField("final", stopped != null);
      json.writeNumberField("rows", s.interval().rows());
      json.writeStringField("policy", s.policy());
      json.writeStringField("estimator", s.estimator());
      field(json, "estimate", s.interval().estimate());
      field(json, "lower", s.interval().lower());
      field(json, "upper", s.interval().upper());
      json.writeStringField("verdict", s.verdict().id());
      if (s.verdict() != SequenceMonitor.Verdict.OPEN) {
        json.writeNumberField("decided_at", s.decidedAt());
      }
      if (stopped != null) {
        json.writeStringField("stopped", stopped);
      }
      json.writeEndObject();
    }
    return text.toString();
  }

  /** A finite number as a JSON number; an infinite or NaN one as null. */
  private static void field(JsonGenerator json, String name, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumberField(name, value);
    } else {
      json.writeNullField(name);
    }
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : String.valueOf(value);
  }
}
