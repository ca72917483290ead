package io.ope4j.cli;

import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.TermRange;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.LogInput;
import io.ope4j.io.ProgressStages;
import io.ope4j.io.LogReadOptions.PolicyColumnSpec;
import io.ope4j.io.TrajectoryEvaluation;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.TrajectoryReport;
import io.ope4j.report.TrajectorySections;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ope4j evaluate} on a trajectory log (docs/sequential.md): the options of {@link
 * EvaluateCommand} that apply, read into a {@link SequentialConfig}, the log evaluated by {@link
 * TrajectoryEvaluation} and written by {@link TrajectoryReport} (and {@link TrajectorySections} for
 * {@code --report}).
 */
final class TrajectoryEvaluateRun {

  /** Estimators when none are given: the model-free ones, and dr, sndr with Q-hat columns. */
  private static final String DEFAULT_ESTIMATORS = "tis,pdis,sntis,snpdis";
  /** Estimators when none are given with {@code --ci hcope}: the ones it bounds. */
  private static final String HCOPE_ESTIMATORS = "tis,pdis";
  private static final String DEFAULT_MODEL_ESTIMATORS = "dm,tis,pdis,sntis,snpdis,dr,sndr";

  /** Options of {@code evaluate} that only bandit logs use, left out of the report's settings. */
  private static final Set<String> BANDIT_ONLY = Set.of("--action-col", "--reward-col", "--pscore-col",
      "--position-col", "--n-actions", "--model-features", "--model-positions",
      "--fit-weights", "--estimate-propensities", "--propensity-c", "--no-interval-floor");

  private final EvaluateCommand.IntervalOptions intervals;
  private final LogColumnsOptions columns;
  private final TrajectoryOptions trajectory;
  private final RewardModelOptions models;

  TrajectoryEvaluateRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      TrajectoryOptions trajectory, RewardModelOptions models) {
    this.intervals = intervals;
    this.columns = columns;
    this.trajectory = trajectory;
    this.models = models;
  }

  /** A run that fits no Q model (for the commands that only read the log's columns, e.g. select). */
  TrajectoryEvaluateRun(EvaluateCommand.IntervalOptions intervals, LogColumnsOptions columns,
      TrajectoryOptions trajectory) {
    this(intervals, columns, trajectory, null);
    if (trajectory.qModel != null) {
      throw new io.ope4j.data.UsageException("--q-model fits Q for evaluate's mean estimators; this command reads"
          + " the log's q columns only");
    }
  }

  /**
   * Refuses a truth file whose values are discounted otherwise than {@code --gamma} (its
   * {@code config.gamma}, as {@code simulate --env} writes it): the comparison would be wrong.
   */
  private static void checkDiscount(Path truth, double gamma) throws java.io.IOException {
    com.fasterxml.jackson.databind.JsonNode written =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(truth.toFile()).path("config").path("gamma");
    if (written.isNumber() && written.asDouble() != gamma) {
      throw new io.ope4j.data.UsageException(truth + ": its true values are discounted with gamma "
          + written.asDouble() + " (config.gamma), but --gamma is " + gamma + "; evaluate with --gamma "
          + written.asDouble());
    }
  }

  /** Evaluates the log {@code input} (readable twice) and writes the report. */
  int run(LogInput input, String estimators, Path truth, OutputOptions output, ReportOptions report,
      PrintWriter out, PrintWriter err) throws Exception {
    return run(truth, output, report, out, err, options -> {
      SequentialConfig config = config(estimators, input);
      int threads = intervals.threads.count();
      // the file is parsed once (a self-normalised estimator's second pass replays a binary
      // spill); a fitted Q reads it more often, so its bar counts without a total
      int passes = trajectory.qModel != null ? -1 : 1;
      try (Progress progress = Progress.pollingFile(err, input, passes)) {
        SequentialResult result = trajectory.qModel == null
            ? TrajectoryEvaluation.evaluate(input, options, config, threads)
            : FittedTrajectoryRun.evaluate(input, options, trajectory.qModel, models.crossFitting(),
                config, threads, err);
        return new Evaluated(result, config);
      }
    });
  }

  /**
   * Evaluates the log {@code data} with {@code engine} (e.g. Spark: the log's q columns only, no
   * fitted Q) and writes the report.
   */
  int runOn(LogEngine engine, String data, InputFormat format, Map<String, String> settings,
      ProgressStages stages, String estimators, Path truth, OutputOptions output, ReportOptions report,
      PrintWriter out, PrintWriter err) throws Exception {
    if (trajectory.qModel != null) {
      throw new io.ope4j.data.UsageException("--q-model fits Q with --engine local only; with --engine "
          + engine.name() + " give Q-hat as q columns");
    }
    return run(truth, output, report, out, err, options -> {
      SequentialConfig[] chosen = new SequentialConfig[1];
      SequentialResult result = engine.evaluateTrajectories(new LogEngine.TrajectoryJob(data, format, options,
          hasModel -> chosen[0] = config(estimators, () -> hasModel), settings, stages));
      return new Evaluated(result, chosen[0]);
    });
  }

  /** A result and the configuration that gave it. */
  private record Evaluated(SequentialResult result, SequentialConfig config) {}

  /** One way of evaluating the log with its read options. */
  private interface Evaluation {
    Evaluated evaluate(TrajectoryReadOptions options) throws Exception;
  }

  private int run(Path truth, OutputOptions output, ReportOptions report, PrintWriter out, PrintWriter err,
      Evaluation evaluation) throws Exception {
    output.checkedFormat();
    refuseBanditColumns();
    // a bad or mismatched truth file fails before the log is read
    Map<String, Double> truths = truth == null ? Map.of() : TruthFile.read(truth).policies();
    if (truth != null) {
      checkDiscount(truth, trajectory.gamma);
    }
    TrajectoryReadOptions options = TrajectoryReadOptions.defaults()
        .withPolicies(policies())
        .withModelPrefix(columns.modelPrefix);
    options = new TrajectoryReadOptions(options.policies(), options.modelPrefix(),
        columns.piSumTolerance);
    Evaluated evaluated = evaluation.evaluate(options);
    SequentialResult result = evaluated.result();
    SequentialConfig config = evaluated.config();
    for (String warning : result.warnings()) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(out, TrajectoryReport.of(result, config).withTruths(truths));
    report.write(() -> TrajectorySections.of(result, config, truths), BANDIT_ONLY);
    return Ope4j.OK;
  }

  SequentialConfig config(String estimators, LogInput input) {
    return config(estimators, () -> hasModelColumns(input));
  }

  /**
   * The configuration; without {@code --estimators}, the defaults for a log with or without
   * Q-hat columns ({@code hasModel} is asked only then).
   *
   * @throws io.ope4j.data.UsageException on estimators the chosen interval or discount cannot
   *     serve (magic, mis-avg), or a reward range without hcope
   */
  private SequentialConfig config(String estimators, java.util.concurrent.Callable<Boolean> hasModel) {
    boolean hcope = IntervalMethod.parse(intervals.method) == IntervalMethod.HCOPE;
    if (intervals.rewardRange != null && !hcope) {
      throw new io.ope4j.data.UsageException("--reward-range on a trajectory log states the range of"
          + " every step's reward for --ci hcope; the other intervals do not use it");
    }
    String ids;
    try {
      ids = estimators != null ? estimators
          : hcope ? HCOPE_ESTIMATORS
          : trajectory.qModel != null ? FittedTrajectoryRun.defaultEstimators(trajectory.qModel)
          : hasModel.call() ? DEFAULT_MODEL_ESTIMATORS : DEFAULT_ESTIMATORS;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new java.io.UncheckedIOException(e instanceof java.io.IOException io ? io
          : new java.io.IOException(e));
    }
    try {
      return config(ids);
    } catch (IllegalArgumentException e) {
      throw new io.ope4j.data.UsageException(e.getMessage(), e);
    }
  }

  private SequentialConfig config(String ids) {
    List<SequentialEstimator> chosen = new ArrayList<>();
    for (String id : ids.split(",")) {
      chosen.add(SequentialEstimator.parse(id));
    }
    TermRange rewards = intervals.rewardRange == null ? null : TermRange.parse(intervals.rewardRange);
    // the range and the cap first: hcope's check in SequentialConfig needs them
    SequentialConfig config = SequentialConfig.of(chosen, trajectory.gamma)
        .withLimits(trajectory.horizonCap,
            trajectory.weightClip == null ? Double.POSITIVE_INFINITY : trajectory.weightClip)
        .withRewardRange(rewards == null ? Double.NaN : rewards.lower(),
            rewards == null ? Double.NaN : rewards.upper())
        .withInterval(IntervalMethod.parse(intervals.method), intervals.replicates, intervals.bootstrapSeed())
        .withLevel(intervals.level)
        .withCompatibility(compatibility());
    if (intervals.termRange != null) {
      TermRange range = TermRange.parse(intervals.termRange);
      config = new SequentialConfig(config.estimators(), config.gamma(), config.horizonCap(),
          config.clip(), config.method(), config.level(), config.replicates(), config.seed(),
          range.lower(), range.upper(), config.compatibility(), config.rewardLower(),
          config.rewardUpper());
    }
    return config;
  }

  private boolean hasModelColumns(LogInput input) throws Exception {
    try (var reader = io.ope4j.io.TrajectoryLogReader.open(input, TrajectoryReadOptions.defaults()
        .withModelPrefix(columns.modelPrefix).withPolicies(policies()))) {
      return reader.hasModel();
    }
  }

  private ScopeRlCompatibility compatibility() {
    return switch (trajectory.compatibility) {
      case "none" -> ScopeRlCompatibility.NONE;
      case "scope-rl" -> ScopeRlCompatibility.SCOPE_RL;
      default -> throw new io.ope4j.data.UsageException(
          "--scope-rl-compat must be none or scope-rl, got '" + trajectory.compatibility + "'");
    };
  }

  Map<String, String> policies() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String policy : columns.policies) {
      PolicyColumnSpec parsed = PolicyColumnSpec.parse(policy);
      byName.put(parsed.name(), parsed.prefixOrColumn());
    }
    return byName;
  }

  /** The trajectory schema's column names are fixed (formats.md); other names are refused. */
  void refuseBanditColumns() {
    if (!columns.action.equals("action") || !columns.reward.equals("reward")
        || !columns.pscore.equals("pscore") || columns.nActions != -1) {
      throw new io.ope4j.data.UsageException("--action-col, --reward-col, --pscore-col and --n-actions"
          + " are for bandit logs; a trajectory log's columns are named as in docs/formats.md");
    }
  }
}
