package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.LogInput;
import io.ope4j.io.ProgressStages;
import io.ope4j.io.SlateLogReader;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.SlateReport;
import io.ope4j.report.SlateSections;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import io.ope4j.slate.SlateSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ope4j evaluate} on a slate log (docs/slates.md): the options of {@link EvaluateCommand}
 * that apply, read into a {@link SlateConfig}, the log evaluated by {@link SlateEvaluator} and
 * written by {@link SlateReport} (and {@link SlateSections} for {@code --report}).
 */
final class SlateEvaluateRun {

  /** Options of {@code evaluate} that slate logs do not use, left out of the report's settings. */
  private static final Set<String> NOT_FOR_SLATES = Set.of("--action-col", "--reward-col", "--pscore-col",
      "--position-col", "--n-actions", "--model-features", "--model-positions", "--folds", "--in-sample",
      "--fit-weights", "--estimate-propensities", "--propensity-c", "--no-interval-floor", "--gamma",
      "--horizon-cap", "--weight-clip", "--scope-rl-compat", "--q-prefix", "--q-col", "--term-range",
      "--reward-range");

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final TrajectoryOptions trajectory;
  private final SlateOptions slate;

  SlateEvaluateRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      TrajectoryOptions trajectory, SlateOptions slate) {
    this.intervals = intervals;
    this.columns = columns;
    this.trajectory = trajectory;
    this.slate = slate;
  }

  /** Whether {@code input}'s header is a slate log's (a {@code slate_id} column). */
  static boolean isSlateLog(LogInput input) throws java.io.IOException {
    try (io.ope4j.io.TableReader table = input.openTable()) {
      return SlateLogReader.isSlateHeader(table.header());
    }
  }

  /** Evaluates the slate log {@code input} and writes the report. */
  int run(LogInput input, String estimators, Path truth, OutputOptions output, ReportOptions report,
      PrintWriter out, PrintWriter err) throws Exception {
    return run(truth, output, report, out, err, () -> {
      try (SlateLogReader reader = SlateLogReader.open(input, columns.piSumTolerance)) {
        SlateConfig config = config(estimators, reader);
        return new Evaluated(SlateEvaluator.evaluate(reader, config, intervals.threads.count()), config);
      }
    });
  }

  /** Evaluates the slate log {@code data} with {@code engine} (e.g. Spark) and writes the report. */
  int runOn(LogEngine engine, String data, InputFormat format, Map<String, String> settings, ProgressStages stages,
      String estimators, Path truth, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err)
      throws Exception {
    return run(truth, output, report, out, err, () -> {
      SlateConfig[] chosen = new SlateConfig[1];
      SlateResult result = engine.evaluateSlates(new LogEngine.SlateJob(data, format, columns.piSumTolerance,
          logColumns -> chosen[0] = config(estimators, logColumns), settings, stages));
      return new Evaluated(result, chosen[0]);
    });
  }

  /** A result and the configuration that gave it. */
  private record Evaluated(SlateResult result, SlateConfig config) {}

  /** One way of evaluating the log. */
  private interface Evaluation {
    Evaluated evaluate() throws Exception;
  }

  private int run(Path truth, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err,
      Evaluation evaluation) throws Exception {
    output.checkedFormat();
    refuseOtherOptions();
    // a bad truth file, or one of another log, fails before the log is read
    Double truthValue = truth == null ? null
        : TruthFile.read(truth).valuesOf(List.of(SlateReport.POLICY)).get(SlateReport.POLICY);
    Evaluated evaluated = evaluation.evaluate();
    SlateResult result = evaluated.result();
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(out, SlateReport.of(result, evaluated.config()).withTruth(truthValue));
    report.write(() -> SlateSections.of(result, evaluated.config(), truthValue), NOT_FOR_SLATES);
    return Ope4j.OK;
  }

  private SlateConfig config(String estimators, SlateSource reader) {
    List<SlateEstimator> chosen = new ArrayList<>();
    if (estimators != null) {
      for (String id : estimators.split(",")) {
        chosen.add(SlateEstimator.parse(id));
      }
    } else {
      // pi-slate assumes a factored logging policy, which the log cannot show: only when asked
      for (SlateEstimator estimator : SlateEstimator.values()) {
        if (estimator != SlateEstimator.PI_SLATE && reader.supports(estimator)) {
          chosen.add(estimator);
        }
      }
      if (chosen.isEmpty()) {
        throw new UsageException(reader.name() + ": a slate log needs at least one pair of"
            + " propensity columns (pscore, pscore_item_position or pscore_cascade with its"
            + " evaluation_policy_ column; docs/formats.md)");
      }
    }
    return configOf(chosen, intervals, slate);
  }

  /** The configuration of {@code chosen} with the interval and compatibility options. */
  static SlateConfig configOf(List<SlateEstimator> chosen, EvaluateCommand.IntervalOptions intervals, SlateOptions slate) {
    IntervalMethod method = IntervalMethod.parse(intervals.method);
    if (method != IntervalMethod.T && method != IntervalMethod.BOOTSTRAP) {
      throw new UsageException("--ci " + intervals.method + " is not offered for slate logs; use t or bootstrap");
    }
    return SlateConfig.of(chosen)
        .withInterval(method, intervals.replicates, intervals.bootstrapSeed())
        .withLevel(intervals.level)
        .withCompatibility(slate.compatibility());
  }

  /** Options of other log shapes are refused rather than ignored. */
  void refuseOtherOptions() {
    if (!columns.action.equals("action") || !columns.reward.equals("reward")
        || !columns.pscore.equals("pscore") || columns.nActions != -1 || !columns.policies.isEmpty()) {
      throw new UsageException("--action-col, --reward-col, --pscore-col, --n-actions and --policy are for"
          + " bandit logs; a slate log's columns are named as in docs/formats.md");
    }
    if (trajectory.gamma != 1 || trajectory.horizonCap != 0 || trajectory.weightClip != null
        || !trajectory.compatibility.equals("none")) {
      throw new UsageException("--gamma, --horizon-cap, --weight-clip and --scope-rl-compat are for"
          + " trajectory logs, not slate logs");
    }
    if (intervals.termRange != null || intervals.rewardRange != null) {
      throw new UsageException("--term-range and --reward-range are not used by slate logs (their"
          + " intervals are t or bootstrap)");
    }
  }
}
