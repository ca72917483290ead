package io.ope4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ope4j.io.report.Formats;
import io.ope4j.report.Chart;
import io.ope4j.report.Section;
import io.ope4j.report.Table;
import io.ope4j.sequence.SequenceMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --report} page of {@code monitor}: per policy and estimator a chart of the confidence
 * sequence against the rows read (with the threshold), the final verdicts, then every update's
 * interval.
 */
final class MonitorReport {

  /** Updates drawn per chart at most: a long stream is thinned evenly (the table keeps them all). */
  static final int MAX_POINTS = 200;

  private Table updates = Table.of("Every update", "rows", "policy", "estimator", "estimate", "lower", "upper",
      "verdict");
  /** Per "policy · estimator", each update's {rows, estimate, lower, upper}. */
  private final Map<String, List<double[]>> tracks = new LinkedHashMap<>();

  void add(List<SequenceMonitor.Status> statuses) {
    for (SequenceMonitor.Status s : statuses) {
      updates = updates.withRow(String.valueOf(s.interval().rows()), s.policy(), s.estimator(),
          number(s.interval().estimate()), number(s.interval().lower()), number(s.interval().upper()),
          s.verdict().id());
      tracks.computeIfAbsent(s.policy() + " · " + s.estimator(), key -> new ArrayList<>()).add(new double[] {
          s.interval().rows(), s.interval().estimate(), s.interval().lower(), s.interval().upper()});
    }
  }

  Section section(List<SequenceMonitor.Status> last, String stopped, String method, double level, Double threshold) {
    Table verdicts = Table.of("Final verdicts", "policy", "estimator", "estimate", "lower", "upper", "verdict",
        "decided at row");
    for (SequenceMonitor.Status s : last) {
      verdicts = verdicts.withRow(s.policy(), s.estimator(), number(s.interval().estimate()),
          number(s.interval().lower()), number(s.interval().upper()), s.verdict().id(),
          s.verdict() == SequenceMonitor.Verdict.OPEN ? "" : String.valueOf(s.decidedAt()));
    }
    Section section = Section.of("Confidence sequences", "Each interval holds at every row at once with the stated"
            + " probability, so it may be looked at after every update; a verdict is reached when the interval"
            + " leaves the threshold (dashed) behind. The bands narrow as rows arrive.")
        .withFact("rows read", String.format(Locale.ROOT, "%,d", last.isEmpty() ? 0 : last.get(0).interval().rows()))
        .withFact("stopped", stopped)
        .withFact("sequence", method + " at " + level)
        .withFact("threshold", threshold == null ? "none" : String.valueOf(threshold));
    for (Map.Entry<String, List<double[]>> track : tracks.entrySet()) {
      section = section.withChart(chart(track.getKey(), track.getValue(), threshold));
    }
    return section.withTable(verdicts).withTable(updates);
  }

  /** The sequence of one policy and estimator: estimate and bounds by rows read, thinned to {@link #MAX_POINTS}. */
  private static Chart chart(String name, List<double[]> points, Double threshold) {
    int n = points.size();
    int shown = Math.min(n, MAX_POINTS);
    ObjectNode data = new ObjectMapper().createObjectNode().put("xName", "rows read").put("yName", "value");
    ArrayNode x = data.putArray("x");
    double[][] columns = new double[4][shown];
    Table table = Table.of("Table: " + name, "rows", "estimate", "lower", "upper");
    for (int i = 0; i < shown; i++) {
      double[] p = points.get(shown == n ? i : (int) ((long) i * (n - 1) / (shown - 1)));
      x.add(String.format(Locale.ROOT, "%,d", (long) p[0]));
      for (int c = 1; c < 4; c++) {
        columns[c][i] = p[c];
      }
      table = table.withRow(String.format(Locale.ROOT, "%,d", (long) p[0]), number(p[1]), number(p[2]), number(p[3]));
    }
    ArrayNode series = data.putArray("series");
    Formats.putArray(series.addObject().put("name", "lower"), "values", columns[2]);
    Formats.putArray(series.addObject().put("name", "estimate"), "values", columns[1]);
    Formats.putArray(series.addObject().put("name", "upper"), "values", columns[3]);
    if (threshold != null) {
      double[] line = new double[shown];
      java.util.Arrays.fill(line, threshold);
      Formats.putArray(series.addObject().put("name", "threshold").put("dashed", true), "values", line);
    }
    return new Chart("lines", name, data, table);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }
}
