package io.ope4j.cli;

import io.ope4j.report.Section;
import io.ope4j.report.Table;
import io.ope4j.sequence.SequenceMonitor;
import java.util.List;
import java.util.Locale;

/** The {@code --report} page of {@code monitor}: the final verdicts, then every update's interval. */
final class MonitorReport {

  private Table updates = Table.of("Every update", "rows", "policy", "estimator", "estimate", "lower", "upper",
      "verdict");

  void add(List<SequenceMonitor.Status> statuses) {
    for (SequenceMonitor.Status s : statuses) {
      updates = updates.withRow(String.valueOf(s.interval().rows()), s.policy(), s.estimator(),
          number(s.interval().estimate()), number(s.interval().lower()), number(s.interval().upper()),
          s.verdict().id());
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
    return Section.of("Confidence sequences", "Each interval holds at every row at once with the stated"
            + " probability; a verdict is reached when the interval leaves the threshold behind.")
        .withFact("rows read", String.format(Locale.ROOT, "%,d", last.isEmpty() ? 0 : last.get(0).interval().rows()))
        .withFact("stopped", stopped)
        .withFact("sequence", method + " at " + level)
        .withFact("threshold", threshold == null ? "none" : String.valueOf(threshold))
        .withTable(verdicts)
        .withTable(updates);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }
}
