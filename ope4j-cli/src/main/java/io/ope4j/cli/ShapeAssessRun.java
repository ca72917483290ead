package io.ope4j.cli;

import io.ope4j.assess.AssessmentRunner;
import io.ope4j.assess.ContinuousReplications;
import io.ope4j.assess.EstimatorSummary;
import io.ope4j.assess.GridPoint;
import io.ope4j.assess.RowRangeLogFactory;
import io.ope4j.assess.SlateReplications;
import io.ope4j.assess.SyntheticGrid;
import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimators;
import io.ope4j.continuous.ContinuousSimulation;
import io.ope4j.data.UsageException;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.report.AssessmentReport.PointResult;
import io.ope4j.selection.KnownValues;
import io.ope4j.selection.ScopeRlCompatibility;
import io.ope4j.selection.TieBreak;
import io.ope4j.slate.ClickModel;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateSimulator;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.GroundTruth;
import io.ope4j.synthetic.MultiLoggerBandit;
import io.ope4j.synthetic.PolicySpec;
import io.ope4j.synthetic.SyntheticConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import picocli.CommandLine.ParseResult;

/**
 * {@code ope4j assess} on the log shapes beyond one discrete action (docs/selection.md): continuous
 * actions ({@code --schema continuous --candidate NAME=SLOPE:SHIFT[:NOISE]}), slates ({@code
 * --slate-length L --candidate NAME=TEMPERATURE}), pooled loggers ({@code --logger}) and action
 * embeddings ({@code --embedding-dims}). Each grid point's replications are simulated logs with
 * exact truth, estimated by every estimator, and summarised with the metrics of bandit logs.
 */
final class ShapeAssessRun {

  static final String CONTINUOUS_DEFAULT = "kernel-ipw:bandwidth=slope,kernel-snipw:bandwidth=slope,"
      + "kernel-dr:bandwidth=slope";
  static final String SLATE_DEFAULT = "sips,iips,rips,snsips,sniips,snrips,cascade-dr";
  static final String LOGGER_DEFAULT = "ipw,ipw-balanced,ipw-weighted,dr,dr-balanced,dr-weighted";
  static final String EMBEDDING_DEFAULT = "ipw,snipw,mips,snmips";

  /** What a grid point of one shape runs: its replications, given a runner and the progress. */
  interface PointRun {
    List<EstimatorSummary> run(AssessmentRunner runner, IntConsumer progress) throws IOException;
  }

  /** A grid point, its truth and how to run it. */
  record Point(GridPoint point, KnownValues truth, PointRun run) {}

  private final AssessGridOptions grid;
  private final ContinuousSimulateOptions continuous;
  private final SlateSimulateOptions slates;
  private final ExtraSimulateOptions extra;
  private final List<String> candidates;
  private final ParseResult parsed;
  private final long seed;

  ShapeAssessRun(AssessGridOptions grid, ContinuousSimulateOptions continuous, SlateSimulateOptions slates,
      ExtraSimulateOptions extra, List<String> candidates, ParseResult parsed, long seed) {
    this.grid = grid;
    this.continuous = continuous;
    this.slates = slates;
    this.extra = extra;
    this.candidates = candidates;
    this.parsed = parsed;
    this.seed = seed;
  }

  /** Whether a shape beyond the plain bandit is asked for. */
  static boolean requested(ContinuousSimulateOptions continuous, SlateSimulateOptions slates,
      ExtraSimulateOptions extra, List<String> candidates) {
    return continuous.continuous() || slates.length != null || extra.active() || !candidates.isEmpty();
  }

  /** The grid points of the shape asked for, each checked before any replication runs. */
  List<Point> points(String estimators) {
    refuse("--embedding-table-out", "--embedding-context-columns", "--slates", "--eval-temperature",
        "--policy-slope", "--policy-shift", "--policy-noise");
    if (continuous.continuous()) {
      refuse("--actions", "--behaviour-temperature", "--pool", "--contexts", "--reward-function", "--reward-type",
          "--model-noise", "--slate-length", "--logger", "--embedding-dims");
      return continuousPoints(estimators != null ? estimators : CONTINUOUS_DEFAULT);
    }
    if (slates.length != null) {
      refuse("--reward-noise", "--pool", "--context-dim", "--reward-function", "--reward-type", "--model-noise",
          "--logger", "--embedding-dims", "--action-noise", "--model-shift");
      return slatePoints(estimators != null ? estimators : SLATE_DEFAULT);
    }
    if (!candidates.isEmpty()) {
      throw new UsageException("--candidate is for --schema continuous and --slate-length; bandit candidates are"
          + " --pool");
    }
    refuse("--action-noise", "--model-shift", "--click-model", "--qhat-noise");
    if (!extra.loggers.isEmpty() && extra.embeddingDims > 0) {
      throw new UsageException("--logger and --embedding-dims simulate different logs; give one of them");
    }
    return extra.embeddingDims > 0 ? embeddingPoints(estimators != null ? estimators : EMBEDDING_DEFAULT)
        : loggerPoints(estimators != null ? estimators : LOGGER_DEFAULT);
  }

  private void refuse(String... options) {
    for (String option : options) {
      if (parsed.hasMatchedOption(option)) {
        throw new UsageException(option + " does not apply to this assessment (docs/selection.md lists the options"
            + " of each log shape)");
      }
    }
  }

  private List<Point> continuousPoints(String specs) {
    ContinuousConfig config = ContinuousConfig.of(ContinuousEstimators.parseList(specs));
    List<Double> noises = parsed.hasMatchedOption("--reward-noise") ? grid.noises : List.of(1.0);
    List<Point> points = new ArrayList<>();
    for (double noise : noises) {
      Map<String, ContinuousSimulation> policies = new LinkedHashMap<>();
      ContinuousSimulation base = new ContinuousSimulation(1, grid.contextDim, 1.0, continuous.actionNoise, noise, 1.0,
          0.5, 0.0, continuous.modelShift, seed);
      for (String candidate : candidates) {
        ContinuousSimulateRun.parseCandidate(candidate, base, policies);
      }
      needCandidates(policies.size());
      for (long n : grid.rows) {
        ContinuousReplications replications = new ContinuousReplications(policies, n, config);
        String setting = "schema=continuous reward-noise=" + format(noise) + " action-noise="
            + format(continuous.actionNoise) + " candidates=" + String.join("|", policies.keySet());
        points.add(new Point(new GridPoint(n, 0, Double.NaN, noise, "candidates", setting), replications.truth(),
            (runner, progress) -> runner.run(replications, progress)));
      }
    }
    return points;
  }

  private List<Point> slatePoints(String specs) {
    List<SlateEstimator> chosen = new ArrayList<>();
    for (String id : specs.split(",")) {
      chosen.add(SlateEstimator.parse(id.trim()));
    }
    SlateConfig config = SlateConfig.of(chosen);
    ClickModel clickModel = ClickModel.parse(slates.clickModel);
    List<Point> points = new ArrayList<>();
    for (int k : grid.actions) {
      for (double temperature : grid.temperatures) {
        Map<String, SlateSimulator> policies = new LinkedHashMap<>();
        for (String candidate : candidates) {
          String[] nameAndSpec = CandidateOptions.nameAndSpec(candidate, "NAME=TEMPERATURE");
          double evaluation;
          try {
            evaluation = Double.parseDouble(nameAndSpec[1]);
          } catch (NumberFormatException e) {
            throw new UsageException("--candidate must be NAME=TEMPERATURE with a number, got '" + candidate + "'", e);
          }
          try {
            policies.put(nameAndSpec[0], new SlateSimulator(new SlateSimulator.Config(k, slates.length, grid.contexts,
                clickModel, temperature, evaluation, slates.qhatNoise, seed)));
          } catch (IllegalArgumentException e) {
            throw new UsageException("assess --slate-length: " + e.getMessage(), e);
          }
        }
        needCandidates(policies.size());
        for (long n : grid.rows) {
          SlateReplications replications = new SlateReplications(policies, n, config);
          String setting = "slate-length=" + slates.length + " actions=" + k + " behaviour-temperature="
              + format(temperature) + " click-model=" + clickModel.id() + " candidates="
              + String.join("|", policies.keySet());
          points.add(new Point(new GridPoint(n, k, temperature, Double.NaN, "candidates", setting),
              replications.truth(), (runner, progress) -> runner.run(replications, progress)));
        }
      }
    }
    return points;
  }

  private List<Point> embeddingPoints(String specs) {
    SyntheticGrid synthetic = grid.toGrid();
    List<Point> points = new ArrayList<>();
    for (GridPoint point : synthetic.points()) {
      SyntheticConfig config = synthetic.config(point);
      EmbeddingBandit bandit = ExtraSimulateRun.embeddingBandit(extra, config);
      List<String> names = config.policies().stream().map(PolicySpec::name).toList();
      double[] values = new double[names.size()];
      for (int p = 0; p < values.length; p++) {
        values[p] = bandit.value(p);
      }
      KnownValues truth = KnownValues.of(names, values, bandit.behaviorValue());
      List<Estimator> bound = Estimators.withEmbeddingTable(Estimators.parseList(specs), bandit.table());
      String setting = "actions=" + point.nActions() + " behaviour-temperature=" + format(point.behaviourTemperature())
          + " pool=" + point.pool() + " embedding-dims=" + extra.embeddingDims + " embedding-categories="
          + extra.embeddingCategories;
      RowRangeLogFactory factory = new RowRangeLogFactory(bandit::source, truth, point.rows(), setting);
      points.add(new Point(withSetting(point, setting), truth,
          (runner, progress) -> runner.withEstimators(bound).run(factory, progress)));
    }
    return points;
  }

  private List<Point> loggerPoints(String specs) {
    SyntheticGrid synthetic = grid.toGrid();
    List<Estimator> chosen = Estimators.parseList(specs);
    List<Point> points = new ArrayList<>();
    for (GridPoint point : synthetic.points()) {
      MultiLoggerBandit bandit = ExtraSimulateRun.multiLogger(extra, synthetic.config(point));
      GroundTruth exact = bandit.truth();
      KnownValues truth = KnownValues.of(exact.policies(), exact.values(), exact.behaviourValue());
      String setting = "actions=" + point.nActions() + " reward-noise=" + format(point.rewardNoise()) + " pool="
          + point.pool() + " loggers=" + String.join("|", extra.loggers);
      RowRangeLogFactory factory = new RowRangeLogFactory(bandit::source, truth, point.rows(), setting);
      points.add(new Point(withSetting(point, setting), truth,
          (runner, progress) -> runner.withEstimators(chosen).run(factory, progress)));
    }
    return points;
  }

  private static GridPoint withSetting(GridPoint point, String setting) {
    return new GridPoint(point.rows(), point.nActions(), point.behaviourTemperature(), point.rewardNoise(),
        point.pool(), setting);
  }

  private static void needCandidates(int count) {
    if (count < 2) {
      throw new UsageException("this assessment needs at least two --candidate policies, got " + count);
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** The results of every point, in order. */
  static List<PointResult> run(List<Point> points, int replications, int threads, ScopeRlCompatibility mode,
      Progress progress) throws IOException {
    AssessmentRunner runner = new AssessmentRunner(List.of(), replications, threads, TieBreak.FIRST_LISTED, mode);
    List<PointResult> results = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      long before = (long) i * replications;
      Point point = points.get(i);
      results.add(new PointResult(point.point(), point.truth(),
          point.run().run(runner, done -> progress.accept(before + done))));
    }
    return results;
  }
}
