package io.ope4j.cli;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import io.ope4j.io.LogInput;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.SelectionReport;
import io.ope4j.selection.CandidateResults;
import io.ope4j.selection.Criterion;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.PolicySelector;
import io.ope4j.selection.Selection;
import io.ope4j.selection.TieBreak;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ope4j select --schema continuous} (docs/selection.md): the candidates are the log's
 * {@code target_action_NAME} (or {@code target_density_NAME}) columns with their {@code q_pi_NAME};
 * each is evaluated by the one ranking estimator (a pass over the log per candidate), and the
 * estimates are ranked, reported and judged against a truth file as for bandit logs.
 */
final class ContinuousSelectRun {

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;

  ContinuousSelectRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns) {
    this.intervals = intervals;
    this.columns = columns;
  }

  /** Ranks the candidates of {@code data}; returns the exit code. */
  int run(String data, String estimator, Criterion criterion, Integer topK, Path truth, OutputOptions output,
      ReportOptions html, PrintWriter out, PrintWriter err) throws Exception {
    output.checkedFormat();
    if (!columns.policies.isEmpty() || columns.nActions != -1) {
      throw new UsageException("--policy and --n-actions are for bandit logs; the candidates of a continuous-action"
          + " log are its target_action_NAME or target_density_NAME columns");
    }
    ContinuousReadOptions base = ContinuousReadOptions.defaults()
        .withLoggedColumns(columns.action, columns.reward, columns.pscore)
        .withPolicyColumns("target_action", "target_density", "q_pi", columns.modelColumn);
    try (LogInput input = columns.input(data).reopenable()) {
      return run(input, base, estimator, criterion, topK, truth, output, html, out, err);
    }
  }

  private int run(LogInput input, ContinuousReadOptions base, String estimator, Criterion criterion, Integer topK,
      Path truth, OutputOptions output, ReportOptions html, PrintWriter out, PrintWriter err) throws Exception {
    List<String> names;
    try (io.ope4j.io.TableReader table = input.openTable()) {
      names = base.candidates(table.header(), table.source());
    }
    if (names.size() < 2) {
      throw new UsageException(input.name() + ": select needs at least two candidate policies, given as columns"
          + " target_action_NAME (or target_density_NAME) with q_pi_NAME; found " + names);
    }
    int k = topK != null ? topK : Math.min(SelectCommand.DEFAULT_TOP_K, names.size());
    PolicySelector.checkTopK(k, names.size());
    KnownValues known = truth == null ? null : TruthFile.read(truth).knownValues(names);
    List<ContinuousResult> results = new ArrayList<>();
    String spec = null;
    try (Progress progress = Progress.onTerminal(err, "candidates evaluated", names.size())) {
      for (String name : names) {
        try (ContinuousLogReader reader = ContinuousLogReader.open(input, base.forCandidate(name))) {
          String chosen = estimator != null ? estimator : defaultSpec(reader);
          ContinuousConfig config = ContinuousEvaluateRun.configOf(chosen, intervals, false);
          if (config.estimators().size() != 1) {
            throw new UsageException("--estimators: select ranks by one estimator, got '" + chosen + "'");
          }
          spec = config.estimators().get(0).spec();
          results.add(new ContinuousEvaluator(config, rows -> {}).evaluate(reader));
        }
        progress.accept(results.size());
      }
    }
    EvaluationResult result = CandidateResults.ofContinuous(names, results, spec);
    Selection selection = PolicySelector.select(result, spec, criterion, k, TieBreak.FIRST_LISTED);
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    ContinuousConfig config = results.get(0).config();
    SelectionReport report = SelectionReport.of(selection, config.level(), config.interval(), result.warnings());
    output.write(out, known == null ? report : report.withTruth(known, truth.toString()));
    html.write(() -> io.ope4j.report.SelectionSections.of(selection, result, known));
    return Ope4j.OK;
  }

  /** kernel-dr when the log has both q-hat columns, else kernel-snipw; SLOPE's bandwidth for a deterministic policy. */
  private static String defaultSpec(ContinuousLogReader reader) {
    List<String> specs = ContinuousEvaluateRun.defaultSpecs(reader.layout());
    return specs.get(specs.size() - 1);
  }
}
