package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.SelectionReport;
import io.ope4j.io.BanditLogReader;
import io.ope4j.selection.Criterion;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.PolicySelector;
import io.ope4j.selection.Selection;
import io.ope4j.selection.TieBreak;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j select}: ranks the candidate policies of one log by one estimator, in one pass
 * over the log for all candidates, and marks the top k for an online A/B test.
 */
@Command(
    name = "select",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Rank candidate policies from one logged bandit file (one pass for all of them) and mark"
        + " the top k for an online A/B test. With --truth, also judge the selection against true values.")
final class SelectCommand implements Callable<Integer> {

  static final int DEFAULT_TOP_K = 3;

  @Spec CommandSpec spec;

  @Mixin DataOption log;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

  @Option(names = "--estimators", paramLabel = "SPEC",
      description = "The one estimator that ranks, e.g. dr, snipw, switch-dr:lambda=5 (default: dr with reward-model"
          + " columns, else snipw).")
  String estimators;

  /** The spelling of {@code --estimators} before 0.2, still read. */
  @Option(names = "--estimator", hidden = true, paramLabel = "SPEC")
  void deprecatedEstimator(String spec) {
    estimators = spec;
  }

  @Option(names = "--criterion", defaultValue = "estimate", paramLabel = "CRITERION",
      description = "estimate (rank by the point estimate) or lower-bound (by the lower end of the interval:"
          + " the conservative choice); for trajectory logs also cvar:A and lower-quantile:A (a risk function of the"
          + " estimated return distribution) (default: ${DEFAULT-VALUE}).")
  String criterion;

  @Option(names = "--top-k", paramLabel = "K",
      description = "How many candidates to select (default: " + DEFAULT_TOP_K + ", or all if fewer).")
  Integer topK;

  @Option(names = "--truth", paramLabel = "FILE",
      description = "True values (the JSON written by simulate; \"behavior_value\" optional): judge the selection"
          + " (regret@k, SharpeRatio@k, ...). It must name every candidate.")
  Path truth;

  @Option(names = "--gate", paramLabel = "RECORD",
      description = "The decision record of ope4j gate on this log: rank only the baseline and the candidates the"
          + " gate would deploy (docs/gate.md).")
  Path gate;

  @Mixin EvaluateCommand.IntervalOptions intervals;

  @Mixin LogColumnsOptions columns;

  @Mixin OutputOptions output;

  @Mixin ReportOptions html;

  @Mixin TrajectoryOptions trajectory;

  @Override
  public Integer call() throws Exception {
    // ---- trajectory logs (docs/distribution.md): handed over whole to TrajectorySelectRun ----
    if (trajectory.isTrajectory(() -> !log.data.equals("-")
        && io.ope4j.io.TrajectoryEvaluation.isTrajectoryLog(columns.input(log.data)))) {
      if (gate != null) {
        throw new UsageException("--gate reads the gate's record of a bandit log; the gate does not decide on"
            + " trajectory logs");
      }
      try (io.ope4j.io.LogInput input = columns.input(log.data).withParseThreads(intervals.threads.count())
          .reopenable()) {
        return new TrajectorySelectRun(intervals, columns, trajectory).run(input, estimators, criterion, topK,
            truth, html.requested(), output, spec.commandLine().getOut());
      }
    }
    Criterion chosenCriterion = Criterion.parse(criterion);
    // ---- slate logs (docs/slates.md): candidates are evaluation_policy_NAME_* column groups ----
    if (trajectory.isSlate(() -> !log.data.equals("-") && SlateEvaluateRun.isSlateLog(columns.input(log.data)))) {
      if (gate != null) {
        throw new UsageException("--gate reads the gate's record of a bandit log; the gate does not decide on slate"
            + " logs");
      }
      try (io.ope4j.io.LogInput input = columns.input(log.data).reopenable()) {
        return new SlateSelectRun(intervals, columns, trajectory).run(input, estimators, chosenCriterion, topK, truth,
            output, html, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
    // ---- continuous-action logs (docs/continuous.md): candidates are target_action_NAME columns ----
    if (trajectory.schema.equals("continuous")) {
      if (gate != null) {
        throw new UsageException("--gate reads the gate's record of a bandit log; the gate does not decide on"
            + " continuous-action logs");
      }
      return new ContinuousSelectRun(intervals, columns).run(log.data, estimators, chosenCriterion, topK, truth,
          output, html, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    if (estimators != null && estimators.contains(",")) {
      throw new UsageException("--estimators: select ranks by one estimator, got '" + estimators + "'");
    }
    columns.extras.load();
    GateFilter gateFilter = gate == null ? null : GateFilter.read(gate, log.data); // before the log is read
    try (BanditLogReader reader = columns.input(log.data).open(columns.toReadOptions())) {
      List<String> candidates = reader.layout().policies();
      PolicySelector.checkCandidates(candidates);
      int k = topK != null ? topK : Math.min(DEFAULT_TOP_K, candidates.size());
      PolicySelector.checkTopK(k, candidates.size());
      Estimator chosen = columns.extras.bind(List.of(Estimators.parse(
          estimators != null ? estimators : reader.layout().hasModel() ? "dr" : "snipw"))).get(0);
      KnownValues known = truth == null ? null : TruthFile.read(truth).knownValues(candidates);
      EvaluationConfig config = intervals.toConfig(List.of(chosen));
      EvaluationResult result;
      PrintWriter err = spec.commandLine().getErr();
      try (Progress progress = Progress.onTerminal(err, "rows read")) {
        result = new Evaluator(config, progress).evaluate(reader);
      }
      if (gateFilter != null) {
        List<String> held = gateFilter.heldBack(candidates);
        if (!held.isEmpty()) {
          err.println("ope4j: the gate holds back " + String.join(", ", held));
        }
        result = gateFilter.keep(result);
        if (result.diagnostics().size() < 2) {
          throw new UsageException("the gate lets no candidate through (only the baseline '" + gateFilter.baseline()
              + "'): there is nothing to select; keep the baseline");
        }
        k = topK != null ? topK : Math.min(DEFAULT_TOP_K, result.diagnostics().size());
        PolicySelector.checkTopK(k, result.diagnostics().size());
      }
      Selection selection = PolicySelector.select(result, chosen.spec(), chosenCriterion, k, TieBreak.FIRST_LISTED);
      for (String warning : result.warnings()) {
        err.println("ope4j: warning: " + warning);
      }
      SelectionReport report = SelectionReport.of(selection, result);
      output.write(spec.commandLine().getOut(), known == null ? report : report.withTruth(known, truth.toString()));
      EvaluationResult evaluated = result;
      html.write(() -> io.ope4j.report.SelectionSections.of(selection, evaluated, known));
      return Ope4j.OK;
    }
  }
}
