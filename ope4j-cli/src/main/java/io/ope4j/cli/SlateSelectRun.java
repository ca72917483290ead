package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.io.LogInput;
import io.ope4j.io.SlateLogReader;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.SelectionReport;
import io.ope4j.selection.CandidateResults;
import io.ope4j.selection.Criterion;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.PolicySelector;
import io.ope4j.selection.Selection;
import io.ope4j.selection.TieBreak;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ope4j select} on a slate log (docs/selection.md): the candidates are the log's {@code
 * evaluation_policy_NAME_pscore...} (with {@code pi_e_NAME_*}, {@code qhat_NAME_*}) column groups;
 * each is evaluated by the one ranking estimator (a pass over the log per candidate), and the
 * estimates of the slate reward are ranked, reported and judged against a truth file as for bandit
 * logs.
 */
final class SlateSelectRun {

  /** The default ranking estimator: the first of these the log's columns allow. */
  private static final List<SlateEstimator> DEFAULT_ORDER = List.of(SlateEstimator.CASCADE_DR, SlateEstimator.SNRIPS,
      SlateEstimator.SNIIPS, SlateEstimator.SNSIPS);

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final TrajectoryOptions trajectory;

  SlateSelectRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns, TrajectoryOptions trajectory) {
    this.intervals = intervals;
    this.columns = columns;
    this.trajectory = trajectory;
  }

  /** Ranks the candidates of the slate log {@code input}; returns the exit code. */
  int run(LogInput input, String estimator, Criterion criterion, Integer topK, Path truth, OutputOptions output,
      ReportOptions html, PrintWriter out, PrintWriter err) throws Exception {
    output.checkedFormat();
    SlateOptions slate = new SlateOptions();
    slate.compatibility = "none";
    new SlateEvaluateRun(intervals, columns, trajectory, slate).refuseOtherOptions();
    List<String> names;
    try (io.ope4j.io.TableReader table = input.openTable()) {
      names = SlateLogReader.candidates(table.header());
    }
    if (names.size() < 2) {
      throw new UsageException(input.name() + ": select needs at least two candidate policies, given as column"
          + " groups evaluation_policy_NAME_pscore[_item_position|_cascade] (docs/formats.md); found " + names);
    }
    int k = topK != null ? topK : Math.min(SelectCommand.DEFAULT_TOP_K, names.size());
    PolicySelector.checkTopK(k, names.size());
    KnownValues known = truth == null ? null : TruthFile.read(truth).knownValues(names);
    List<SlateResult> results = new ArrayList<>();
    SlateEstimator chosen = null;
    SlateConfig config = null;
    try (Progress progress = Progress.onTerminal(err, "candidates evaluated", names.size())) {
      for (String name : names) {
        try (SlateLogReader reader = SlateLogReader.openCandidate(input, columns.piSumTolerance, name)) {
          if (chosen == null) {
            chosen = choose(estimator, reader);
            config = SlateEvaluateRun.configOf(List.of(chosen), intervals, slate);
          }
          if (!reader.supports(chosen)) {
            throw new UsageException(input.name() + ": candidate " + name + " lacks the columns " + chosen.id()
                + " reads (" + chosen.columns() + ")");
          }
          results.add(SlateEvaluator.evaluate(reader, config, intervals.threads.count()));
        }
        progress.accept(results.size());
      }
    }
    EvaluationResult result = CandidateResults.ofSlates(names, results, chosen);
    Selection selection = PolicySelector.select(result, chosen.id(), criterion, k, TieBreak.FIRST_LISTED);
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    SelectionReport report = SelectionReport.of(selection, config.level(), config.method(), result.warnings());
    output.write(out, known == null ? report : report.withTruth(known, truth.toString()));
    html.write(() -> io.ope4j.report.SelectionSections.of(selection, result, known));
    return Ope4j.OK;
  }

  private static SlateEstimator choose(String estimator, SlateLogReader reader) {
    if (estimator != null) {
      if (estimator.contains(",")) {
        throw new UsageException("--estimators: select ranks by one estimator, got '" + estimator + "'");
      }
      return SlateEstimator.parse(estimator);
    }
    for (SlateEstimator candidate : DEFAULT_ORDER) {
      if (reader.supports(candidate)) {
        return candidate;
      }
    }
    throw new UsageException(reader.name() + ": the candidates need at least one pair of propensity columns (docs/formats.md)");
  }
}
