package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.assess.AssessmentRunner;
import io.ope4j.assess.EstimatorSummary;
import io.ope4j.assess.GridPoint;
import io.ope4j.assess.SyntheticGrid;
import io.ope4j.assess.SyntheticLogFactory;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.report.AssessmentReport;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.TieBreak;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ope4j assess}: benchmarks estimators on synthetic logs with known truth over a grid of
 * settings, for "which estimator should I trust in a setting like mine?".
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Benchmark estimators on simulated logs with known truth: over a grid of settings, R"
        + " replications each, report per estimator the relative error, bias², variance, MSE, rank"
        + " correlations, regret@k and the SharpeRatio@k curve of the policies it would select.")
final class AssessCommand implements Callable<Integer> {

  static final String DEFAULT_ESTIMATORS = Estimators.DEFAULT_WITH_MODEL;

  @Spec CommandSpec spec;

  @Mixin AssessGridOptions grid;

  @Option(names = "--estimators", defaultValue = DEFAULT_ESTIMATORS, paramLabel = "LIST",
      description = "Comma-separated estimator specs (default: ${DEFAULT-VALUE}).")
  String estimators;

  @Option(names = "--replications", defaultValue = "100", paramLabel = "R",
      description = "Logs per grid point (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--top-k", paramLabel = "K",
      description = "Budget k for regret@k and SharpeRatio@k in the table (default: 3, or all candidates if fewer);"
          + " JSON and CSV hold every k.")
  Integer topK;

  @Mixin ThreadsOption threads;

  @Mixin SeedOption seed = new SeedOption(SeedOption.SIMULATION_DEFAULT);

  @Option(names = "--scope-rl-compat", defaultValue = "none", paramLabel = "MODE",
      description = "none (documented definitions), scope-rl or scope-rl-clipped-sharpe (SCOPE-RL's code, for"
          + " comparing numbers with it) (default: ${DEFAULT-VALUE}).")
  String compatibility;

  @Mixin OutputOptions output;

  @Mixin ReportOptions report;

  @Mixin EnvironmentAssessOptions environment;

  @Mixin ContinuousSimulateOptions continuous;

  @Mixin SlateSimulateOptions slates;

  @Mixin ExtraSimulateOptions extra;

  @Mixin CandidateOptions candidates;

  @Override
  public Integer call() throws Exception {
    // ---- sequential environments (docs/distribution.md): handed over to EnvironmentAssessRun ----
    if (environment.env != null) {
      return EnvironmentAssessRun.run(environment, estimators, replications, seed.seed, report.requested(),
          output, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    ScopeRlCompatibility mode = parseCompatibility(compatibility);
    // ---- continuous actions, slates, pooled loggers, action embeddings: ShapeAssessRun ----
    if (ShapeAssessRun.requested(continuous, slates, extra, candidates.candidates)) {
      return assessShape(mode);
    }
    List<Estimator> chosen = Estimators.parseList(estimators);
    SyntheticGrid syntheticGrid;
    try {
      syntheticGrid = grid.toGrid();
      for (GridPoint point : syntheticGrid.points()) {
        syntheticGrid.config(point); // checks every setting before the first replication runs
      }
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw SyntheticOptions.asOptionError(e);
    }
    int smallestPool = Integer.MAX_VALUE;
    for (var pool : syntheticGrid.pools().entrySet()) {
      smallestPool = Math.min(smallestPool, pool.getValue().size());
      if (topK != null && (topK < 1 || topK > pool.getValue().size())) {
        throw new UsageException("--top-k must be between 1 and the number of candidates ("
            + pool.getValue().size() + " in pool " + pool.getKey() + "), got " + topK);
      }
    }
    int k = topK != null ? topK : Math.min(3, smallestPool);
    int workers = threads.count();
    AssessmentRunner runner = new AssessmentRunner(chosen, replications, workers, TieBreak.FIRST_LISTED, mode);
    List<GridPoint> points = syntheticGrid.points();
    PrintWriter err = spec.commandLine().getErr();
    List<AssessmentReport.PointResult> results = new ArrayList<>();
    try (Progress progress = Progress.onTerminal(err, "replications", points.size() * (long) replications)) {
      for (int i = 0; i < points.size(); i++) {
        long before = (long) i * replications;
        SyntheticLogFactory factory = syntheticGrid.factory(points.get(i));
        List<EstimatorSummary> summaries = runner.run(factory, done -> progress.accept(before + done));
        results.add(new AssessmentReport.PointResult(points.get(i), factory.truth(), summaries));
      }
    }
    output.write(spec.commandLine().getOut(), new AssessmentReport(results, replications, k, mode));
    report.write(() -> io.ope4j.report.AssessmentSections.of(results));
    return Ope4j.OK;
  }

  private int assessShape(ScopeRlCompatibility mode) throws Exception {
    boolean given = spec.commandLine().getParseResult().hasMatchedOption("--estimators");
    List<ShapeAssessRun.Point> points;
    try {
      points = new ShapeAssessRun(grid, continuous, slates, extra, candidates.candidates,
          spec.commandLine().getParseResult(), seed.seed).points(given ? estimators : null);
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw SyntheticOptions.asOptionError(e);
    }
    int smallest = Integer.MAX_VALUE;
    for (ShapeAssessRun.Point point : points) {
      smallest = Math.min(smallest, point.truth().size());
    }
    if (topK != null && (topK < 1 || topK > smallest)) {
      throw new UsageException("--top-k must be between 1 and the number of candidates (" + smallest + "), got "
          + topK);
    }
    int k = topK != null ? topK : Math.min(3, smallest);
    List<AssessmentReport.PointResult> results;
    try (Progress progress = Progress.onTerminal(spec.commandLine().getErr(), "replications",
        points.size() * (long) replications)) {
      results = ShapeAssessRun.run(points, replications, threads.count(), mode, progress);
    }
    output.write(spec.commandLine().getOut(), new AssessmentReport(results, replications, k, mode));
    report.write(() -> io.ope4j.report.AssessmentSections.of(results));
    return Ope4j.OK;
  }

  static ScopeRlCompatibility parseCompatibility(String text) {
    for (ScopeRlCompatibility mode : ScopeRlCompatibility.values()) {
      if (AssessmentReport.definitions(mode).equals(text.trim().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new UsageException(
        "--scope-rl-compat must be none, scope-rl or scope-rl-clipped-sharpe, got '" + text + "'");
  }
}
