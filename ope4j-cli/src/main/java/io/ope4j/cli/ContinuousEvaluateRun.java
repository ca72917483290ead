package io.ope4j.cli;

import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimators;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousLayout;
import io.ope4j.continuous.ContinuousResult;
import io.ope4j.data.UsageException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.ContinuousLogReader;
import io.ope4j.io.ContinuousReadOptions;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.ProgressStages;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.ContinuousReport;
import io.ope4j.report.ContinuousSections;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ope4j evaluate --schema continuous} (docs/continuous.md): the options of {@link
 * EvaluateCommand} that apply, read into a {@link ContinuousConfig}, the log read once by {@link
 * ContinuousLogReader} and evaluated by {@link ContinuousEvaluator}, written by {@link
 * ContinuousReport} (and {@link ContinuousSections} for {@code --report}).
 */
final class ContinuousEvaluateRun {

  /** Options of {@code evaluate} that continuous-action logs do not use, left out of the report's settings. */
  private static final Set<String> NOT_USED = Set.of("--position-col", "--q-prefix", "--n-actions", "--pi-sum-tolerance",
      "--policy", "--term-range", "--reward-range", "--no-interval-floor", "--gamma", "--horizon-cap", "--weight-clip",
      "--scope-rl-compat", "--engine", "--master", "--model-features", "--model-positions", "--folds", "--in-sample",
      "--fit-weights", "--estimate-propensities", "--propensity-c");

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final ContinuousOptions continuous;

  ContinuousEvaluateRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      ContinuousOptions continuous) {
    this.intervals = intervals;
    this.columns = columns;
    this.continuous = continuous;
  }

  /** Evaluates the log {@code data} and writes the report. */
  int run(String data, String estimators, Path truth, OutputOptions output, ReportOptions report, PrintWriter out,
      PrintWriter err) throws Exception {
    return run(truth, output, report, out, err, options -> {
      try (ContinuousLogReader reader = ContinuousLogReader.open(columns.input(data)
          .withParseThreads(intervals.threads.count()), options);
          Progress progress = Progress.onTerminal(err, "rows read")) {
        return new ContinuousEvaluator(config(estimators, reader.layout()), progress).evaluate(reader);
      }
    });
  }

  /** Evaluates the log {@code data} with {@code engine} (e.g. Spark) and writes the report. */
  int runOn(LogEngine engine, String data, InputFormat format, Map<String, String> settings, ProgressStages stages,
      String estimators, Path truth, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err)
      throws Exception {
    return run(truth, output, report, out, err, options -> engine.evaluateContinuous(
        new LogEngine.ContinuousJob(data, format, options, layout -> config(estimators, layout), settings, stages)));
  }

  /** One way of evaluating the log with its read options. */
  private interface Evaluation {
    ContinuousResult evaluate(ContinuousReadOptions options) throws Exception;
  }

  private int run(Path truth, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err,
      Evaluation evaluation) throws Exception {
    output.checkedFormat();
    refuseUnusedOptions();
    ContinuousReadOptions options = ContinuousReadOptions.defaults()
        .withLoggedColumns(columns.action, columns.reward, columns.pscore)
        .withPolicyColumns(continuous.targetAction, continuous.targetDensity, continuous.qTarget, columns.modelColumn);
    // a bad or mismatched truth file fails before the log is read
    Double truthValue = truth == null ? null : TruthFile.read(truth).valuesOf(List.of(options.policy())).get(options.policy());
    ContinuousResult result = evaluation.evaluate(options);
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(out, ContinuousReport.of(result).withTruth(truthValue));
    report.write(() -> ContinuousSections.of(result, truthValue), NOT_USED);
    return Ope4j.OK;
  }

  /**
   * The configuration. Without {@code --estimators}: every estimator the log's columns allow, with
   * the bandwidth chosen by SLOPE for a deterministic policy.
   */
  private ContinuousConfig config(String estimators, ContinuousLayout layout) {
    return configOf(estimators != null ? estimators : String.join(",", defaultSpecs(layout)), intervals,
        continuous.obpBootstrap);
  }

  /** Every estimator the layout's columns allow, with the bandwidth chosen by SLOPE for a deterministic policy. */
  static List<String> defaultSpecs(ContinuousLayout layout) {
    String smoothing = layout.densityPolicy() ? "" : ":bandwidth=slope";
    List<String> specs = new java.util.ArrayList<>(List.of("kernel-ipw" + smoothing, "kernel-snipw" + smoothing));
    if (layout.hasTargetModel() && layout.hasLoggedModel()) {
      specs.add("kernel-dr" + smoothing);
    }
    return specs;
  }

  /** The configuration of {@code specs} with the interval options. */
  static ContinuousConfig configOf(String specs, EvaluateCommand.IntervalOptions intervals, boolean obpBootstrap) {
    ContinuousConfig config = ContinuousConfig.of(ContinuousEstimators.parseList(specs))
        .withInterval(IntervalMethod.parse(intervals.method))
        .withLevel(intervals.level)
        .withBootstrap(intervals.replicates, intervals.bootstrapSeed())
        .withThreads(intervals.threads.count());
    if (obpBootstrap) {
      if (config.interval() != IntervalMethod.BOOTSTRAP) {
        throw new UsageException("--obp-bootstrap is a bootstrap: give it with --ci bootstrap");
      }
      config = config.withObpBootstrap();
    }
    return config;
  }

  /** Options that would be silently ignored on a continuous-action log are refused. */
  private void refuseUnusedOptions() {
    if (columns.nActions != -1 || !columns.policies.isEmpty()) {
      throw new UsageException("--n-actions and --policy are for bandit logs; a continuous-action log names its"
          + " evaluation policy's column with --target-col or --target-density-col");
    }
    if (intervals.termRange != null || intervals.rewardRange != null) {
      throw new UsageException("--term-range and --reward-range are for bandit logs: kernel weights have no known"
          + " bound, so continuous-action logs take --ci t or bootstrap");
    }
  }
}
