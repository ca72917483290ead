package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import io.ope4j.interval.TermRange;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogEngine;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.TrajectoryEvaluation;
import io.ope4j.io.TruthFile;
import io.ope4j.io.report.ResultReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ope4j evaluate}: estimates every policy of a log with every estimator, in one pass. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Estimate the value of evaluation policies from a logged bandit file.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataOption log;

  @Mixin SeedOption seed = new SeedOption(SeedOption.EVALUATION_DEFAULT);

  @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
      description = "local (this JVM, all cores) or spark (a Spark session; the same numbers; --data may then be"
          + " any directory or URI Spark reads). Default: ${DEFAULT-VALUE}.")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master for --engine spark, e.g. local[2] (default: spark-submit's, else local[*]).")
  String master;

  @Option(
      names = "--estimators",
      paramLabel = "LIST",
      description = "Comma-separated estimator specs, e.g. ipw,snipw,dr:clip=100,switch-dr:lambda=5."
          + " Ids: dm, ipw, snipw, dr, sndr, switch-dr, dr-os, ipw-sg, dr-sg, cressie-read, mle."
          + " Default: dm,ipw,snipw,dr,sndr with reward-model columns, else ipw,snipw.")
  String estimators;

  @Mixin IntervalOptions intervals;

  @Mixin LogColumnsOptions columns;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Mixin RewardModelOptions models;

  @Mixin TrajectoryOptions trajectory;

  @Mixin ContinuousOptions continuous;

  @Mixin SlateOptions slate;

  @Mixin DistributionOptions distribution;

  @Option(names = "--truth", paramLabel = "FILE", description = "True policy values (the JSON written by simulate), shown beside the estimates.")
  Path truth;

  @Option(names = "--policy-spec", paramLabel = "FILE",
      description = "Evaluate the policies of a JSON spec (docs/policies.md), computed from the log's context"
          + " columns x_*, instead of the log's pi columns; repeatable.")
  List<Path> policySpecs = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    // ---- slate logs (docs/slates.md): handed over whole to SlateEvaluateRun ----
    if (trajectory.isSlate(() -> canTellByHeader() && SlateEvaluateRun.isSlateLog(columns.input(log.data)))) {
      if (!policySpecs.isEmpty() || models.active()) {
        throw new UsageException("slate logs are evaluated from their propensity, pi_e and qhat columns (no"
            + " --policy-spec or fitted reward models)");
      }
      if (!engine.equals("local")) {
        try (Progress.Stages stages = Progress.stages(spec.commandLine().getErr())) {
          return new SlateEvaluateRun(intervals, columns, trajectory, slate).runOn(engineNamed(), log.data,
              InputFormat.parse(columns.format.inputFormat), engineSettings(), stages::stage, estimators, truth,
              output, report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
      }
      try (LogInput input = columns.input(log.data).withParseThreads(intervals.threads.count())) {
        return new SlateEvaluateRun(intervals, columns, trajectory, slate).run(input, estimators, truth,
            output, report, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
    if (!slate.compatibility.equals("none")) {
      throw new UsageException("--slate-compat is for slate logs (docs/slates.md)");
    }
    // ---- trajectory logs (docs/sequential.md): handed over whole to TrajectoryEvaluateRun ----
    // Standard input is told by --schema only: sniffing it would consume it.
    if (trajectory.isTrajectory(() -> canTellByHeader() && TrajectoryEvaluation.isTrajectoryLog(columns.input(log.data)))) {
      if (!policySpecs.isEmpty() || models.active()) {
        throw new UsageException("trajectory logs are evaluated from their pi and q columns (no"
            + " --policy-spec or fitted reward models)");
      }
      if (!engine.equals("local")) {
        if (distribution.requested) {
          throw new UsageException("--distribution runs with --engine local only");
        }
        try (Progress.Stages stages = Progress.stages(spec.commandLine().getErr())) {
          return new TrajectoryEvaluateRun(intervals, columns, trajectory, models).runOn(engineNamed(),
              log.data, InputFormat.parse(columns.format.inputFormat), engineSettings(), stages::stage,
              estimators, truth, output, report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
      }
      try (LogInput input = columns.input(log.data).withParseThreads(intervals.threads.count()).reopenable()) {
        if (distribution.requested) {
          return new DistributionEvaluateRun(intervals, columns, trajectory, distribution).run(input, output,
              report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return new TrajectoryEvaluateRun(intervals, columns, trajectory, models).run(input, estimators, truth,
            output, report, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
    if (distribution.requested) {
      throw new UsageException("--distribution estimates the return of trajectory logs; this log is read as a"
          + " bandit log (give --schema trajectory, or an episode column)");
    }
    // ---- continuous-action logs (docs/continuous.md): handed over to ContinuousEvaluateRun ----
    if (trajectory.schema.equals("continuous")) {
      if (!policySpecs.isEmpty() || models.active()) {
        throw new UsageException("continuous-action logs are evaluated from their columns (no --policy-spec or"
            + " fitted reward models)");
      }
      if (!engine.equals("local")) {
        try (Progress.Stages stages = Progress.stages(spec.commandLine().getErr())) {
          return new ContinuousEvaluateRun(intervals, columns, continuous).runOn(engineNamed(), log.data,
              InputFormat.parse(columns.format.inputFormat), engineSettings(), stages::stage, estimators, truth,
              output, report, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
      }
      return new ContinuousEvaluateRun(intervals, columns, continuous).run(log.data, estimators, truth, output, report,
          spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    // ---- bandit logs ----
    TruthFile truths = truth == null ? null : TruthFile.read(truth); // a bad file fails before the log is read
    columns.extras.load();
    boolean fitting = models.active(estimators);
    if (!engine.equals("local") && (!policySpecs.isEmpty() || fitting)) {
      throw new UsageException("--policy-spec and fitted reward or action models run with --engine local only;"
          + " with Spark give the policies and model predictions as columns");
    }
    if (!policySpecs.isEmpty() || fitting) {
      var outcome = ModelledEvaluation.run(log.data, columns, models, policySpecs, estimators, intervals,
          spec.commandLine().getErr());
      return write(truths, outcome.result(), io.ope4j.report.RewardModelSections.of(outcome.calibrations()));
    }
    EvaluationResult result = engine.equals("local") ? evaluateLocally() : evaluateWith(engineNamed());
    return write(truths, result, List.of());
  }

  /**
   * Whether the log's shape may be told by its header (an episode or slate_id column): not for
   * standard input (reading it would consume it), and with another engine than local only for a
   * local file (a directory or URI is told by {@code --schema}).
   */
  private boolean canTellByHeader() {
    return !log.data.equals("-") && (engine.equals("local") || java.nio.file.Files.isRegularFile(Path.of(log.data)));
  }

  /** Prints the warnings and writes the result (with the truths, if given). */
  private int write(TruthFile truthFile, EvaluationResult result, List<io.ope4j.report.Section> modelSections)
      throws java.io.IOException {
    Map<String, Double> truths = truthFile == null ? Map.of() : truthFile.valuesOf(result.diagnostics().keySet());
    for (String warning : result.warnings()) {
      spec.commandLine().getErr().println("ope4j: warning: " + warning);
    }
    output.write(spec.commandLine().getOut(), ResultReport.of(result).withTruths(truths));
    report.write(() -> {
      List<io.ope4j.report.Section> sections = new java.util.ArrayList<>(io.ope4j.report.EvaluationSections.of(result, truths));
      sections.addAll(modelSections);
      return sections;
    });
    return Ope4j.OK;
  }

  /** The configuration used, fixed once the log's layout is known. */
  private EvaluationConfig config;

  private EvaluationConfig configFor(LogLayout layout) {
    List<Estimator> chosen = columns.extras.bind(Estimators.parseListOrDefault(estimators, layout.hasModel()));
    config = intervals.toConfig(chosen);
    return config;
  }

  private EvaluationResult evaluateLocally() throws Exception {
    if (master != null) {
      throw new UsageException("--master is for --engine spark");
    }
    LogInput input = columns.input(log.data).withParseThreads(intervals.threads.count());
    try (BatchSource reader = input.open(readOptions());
        Progress progress = Progress.ofFile(spec.commandLine().getErr(), input)) {
      return new Evaluator(configFor(reader.layout()), progress).evaluate(reader);
    }
  }

  private EvaluationResult evaluateWith(LogEngine logEngine) throws Exception {
    try (Progress.Stages stages = Progress.stages(spec.commandLine().getErr())) {
      return logEngine.evaluate(new LogEngine.Job(log.data, InputFormat.parse(columns.format.inputFormat),
          readOptions(), this::configFor, engineSettings(), stages::stage));
    }
  }

  private Map<String, String> engineSettings() {
    return master == null ? Map.of() : Map.of("master", master);
  }

  /** The engine {@code --engine} names, other than local, or a usage error. */
  private LogEngine engineNamed() {
    if (!engine.equals("spark")) {
      throw new UsageException("--engine must be local or spark, got '" + engine + "'");
    }
    return findEngine("spark");
  }

  /**
   * The log's columns. A missing pscore column is read as absent: the evaluator then refuses,
   * before any row, each chosen estimator that weights, naming it (formats.md).
   */
  private LogReadOptions readOptions() {
    return columns.toReadOptions().withPscoreOptional(true);
  }

  /** The engine found on the class path (ope4j-spark registers "spark"), or a usage error. */
  private static LogEngine findEngine(String name) {
    LogEngine found = LogEngine.find(name);
    if (found == null) {
      throw new UsageException("--engine " + name + " needs ope4j-spark and Spark on the class path:"
          + " run it with the ./ope4j launcher (which adds them for --engine spark), or with spark-submit"
          + " --class io.ope4j.cli.Ope4j --jars ope4j-spark.jar ope4j.jar evaluate ... (see docs/spark.md)");
    }
    return found;
  }

  /** Interval choices, shared with select, obd and quickstart. */
  static final class IntervalOptions implements Preflight {

    /** The command this is mixed into, for its {@code --seed}. */
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--ci", defaultValue = "t", paramLabel = "METHOD",
        description = "Interval: t, bootstrap, hoeffding, bernstein, or from the likelihood of the weights and"
            + " rewards: cressie-read or clopper-pearson (for ipw, snipw, cressie-read, mle with bounded rewards;"
            + " docs/intervals.md); on trajectory logs also hcope, a one-sided high-confidence lower bound for"
            + " tis and pdis with --reward-range (docs/sequential.md) (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default: ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B",
        description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--bootstrap-seed", paramLabel = "SEED", description = "Seed of the bootstrap (default: --seed).")
    Long bootstrapSeed;

    @Mixin ThreadsOption threads;

    @Option(names = "--term-range", paramLabel = "LO,HI",
        description = "Known range of every per-round term, for hoeffding/bernstein (default: the observed range, said in the output).")
    String termRange;

    @Option(names = "--reward-range", paramLabel = "LO,HI",
        description = "Known range of every reward; intervals then keep a Wilson score floor (docs/intervals.md)."
            + " Default: [0, 1] when every reward is 0 or 1, else none. On trajectory logs: the range of every"
            + " step's reward, which --ci hcope needs.")
    String rewardRange;

    @Option(names = "--no-interval-floor", negatable = false,
        description = "Report each method's raw interval: no Wilson floor for bounded rewards and no widening of"
            + " zero-width intervals (docs/intervals.md). For comparisons with peers that have neither.")
    boolean noIntervalFloor;

    /** Every value, checked before the log is read. */
    @Override
    public void check() {
      IntervalMethod.parse(method);
      if (!(level > 0 && level < 1)) {
        throw new UsageException("--level: the confidence level must be in (0, 1), got " + level);
      }
      if (replicates < 2) {
        throw new UsageException("--bootstrap needs at least 2 replicates, got " + replicates);
      }
      if (termRange != null) {
        TermRange.parse(termRange);
      }
      if (rewardRange != null) {
        TermRange.parse(rewardRange);
      }
    }

    /** The bootstrap's seed: {@code --bootstrap-seed}, else the command's {@code --seed}. */
    long bootstrapSeed() {
      return SeedOption.orCommandSeed(bootstrapSeed, mixee);
    }

    EvaluationConfig toConfig(List<Estimator> estimators) {
      EvaluationConfig config = EvaluationConfig.of(estimators)
          .withInterval(IntervalMethod.parse(method))
          .withLevel(level)
          .withBootstrap(replicates, bootstrapSeed())
          .withThreads(threads.count());
      if (noIntervalFloor) {
        config = config.withoutIntervalFloors();
      }
      if (rewardRange != null) {
        config = config.withRewardRange(TermRange.parse(rewardRange));
      }
      return termRange == null ? config : config.withTermRange(TermRange.parse(termRange));
    }
  }
}
