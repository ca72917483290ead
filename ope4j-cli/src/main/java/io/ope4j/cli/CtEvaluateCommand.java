package io.ope4j.cli;

import io.ope4j.data.UsageException;
import io.ope4j.ct.Bases;
import io.ope4j.ct.CtProblem;
import io.ope4j.ct.Features;
import io.ope4j.ct.GradientEvaluator;
import io.ope4j.ct.LinearEvaluator;
import io.ope4j.ct.LinearFit;
import io.ope4j.ct.LinearMethod;
import io.ope4j.ct.LockstepDriver;
import io.ope4j.ct.OnlineTd;
import io.ope4j.ct.ParametricValue;
import io.ope4j.ct.PathBlock;
import io.ope4j.ct.PathSource;
import io.ope4j.ct.RewardRule;
import io.ope4j.ct.Setting;
import io.ope4j.ct.ThinnedPaths;
import io.ope4j.ct.io.PathCsvReader;
import io.ope4j.ct.quadrature.QuadratureRule;
import io.ope4j.data.InvalidDataException;
import io.ope4j.io.LogInput;
import io.ope4j.io.report.Formats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ope4j ct-evaluate}: the value function of a policy from sampled continuous-time paths. */
@Command(
    name = "ct-evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Learn the value function J(t,x) (and the average reward V, ergodic) of the policy that generated"
        + " sampled paths (formats.md continuous-time paths), by the martingale approach of Jia & Zhou (JMLR 2022).")
final class CtEvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DataOption log;

  /** The file of {@code --data}: standard input is copied to a temporary file, as it is read several times. */
  private Path data;

  @Option(names = "--setting", required = true, description = "finite, discounted or ergodic.")
  String setting;

  @Option(names = "--beta", defaultValue = "0", description = "Discount rate per unit time (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--horizon", paramLabel = "T", description = "Finite horizon T (default: the last time of the first path).")
  Double horizon;

  @Option(names = "--basis", required = true, paramLabel = "SPEC",
      description = "Features, comma-separated: monomials like 1,x,x^2,x^2*tau,tau^2 (x_* column names; x when one"
          + " state), poly:D, rbf:K:WIDTH:LO:HI.")
  String basis;

  @Option(names = "--method", defaultValue = "lstd",
      description = "ml, lstd, mstde (biased baseline), td0, tdlambda, gtd2, gradient-ml or gradient-td0"
          + " (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--lambda", description = "Trace decay per unit time: tdlambda (default 0.5), lstd (default 0 = LSTD(0)).")
  Double lambda;

  @Option(names = "--quadrature", defaultValue = "trapezoid",
      description = "Reward rule: left, trapezoid, simpson, bq-wiener, bq-matern:NU:ELL (default: ${DEFAULT-VALUE}).")
  String quadrature;

  @Option(names = "--window", paramLabel = "STEPS",
      description = "Sampling steps per TD transition (default 1; 2 for simpson and bq-matern).")
  Integer window;

  @Option(names = "--alpha", defaultValue = "0.5",
      description = "Online: step size per step; gradient-*: per iteration (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--alpha-aux", defaultValue = "2", description = "Online: GTD2's w step, ergodic TD's V step (default: ${DEFAULT-VALUE}; ergodic uses --alpha if unset).")
  Double alphaAux;

  @Option(names = "--epochs", description = "Online: passes over the data (default: enough for 300 time units).")
  Integer epochs;

  @Option(names = "--iterations", defaultValue = "100000",
      description = "gradient-*: at most this many full-data iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--tolerance", defaultValue = "1e-10",
      description = "gradient-*: stop when the parameter step is shorter (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--truth", paramLabel = "FILE",
      description = "The closed-form value function written by ct-simulate, shown beside the fit.")
  Path truth;

  @Option(names = "--dt-study", description = "With --truth and a batch method: fit again on the paths sampled 2, 4"
      + " and 8 times more coarsely and chart the error against the closed form by time step (log-log).")
  boolean dtStudy;

  @Option(names = "--eval-at", paramLabel = "POINTS.csv", description = "Points (t, x_*) at which to report J.")
  Path evalAt;

  @Mixin ThreadsOption threads;

  @Mixin OutputOptions output;

  /** How messages name {@code --data}: its path, or {@code <stdin>}. */
  private String dataName;

  @Mixin ReportOptions html;

  @Override
  public Integer call() throws Exception {
    try (LogInput input = LogInput.of(log.data).reopenable()) {
      data = input.file();
      dataName = input.name();
      return evaluate();
    }
  }

  private int evaluate() throws Exception {
    Setting chosen = Setting.parse(setting);
    String methodId = method.trim().toLowerCase(Locale.ROOT);
    boolean online = List.of("td0", "tdlambda", "gtd2").contains(methodId);
    boolean gradient = List.of("gradient-ml", "gradient-td0").contains(methodId);
    if (!online && !gradient && !List.of("ml", "lstd", "mstde").contains(methodId)) {
      throw new UsageException("--method must be ml, lstd, mstde, td0, tdlambda, gtd2, gradient-ml or"
          + " gradient-td0, got '" + method + "'");
    }
    boolean finite = chosen == Setting.FINITE;
    List<String> stateNames;
    double firstPathEnd;
    double[] firstPathRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    CtTruth closedForm = truth == null ? null : CtTruth.read(truth); // a bad file fails before the data is read
    try (PathCsvReader reader = PathCsvReader.open(data, finite)) {
      stateNames = reader.stateNames();
      PathBlock first = new PathBlock(stateNames.size());
      reader.next(first, 1);
      firstPathEnd = first.t()[first.rows() - 1];
      if (stateNames.size() == 1) {
        for (int i = 0; i < first.rows(); i++) {
          firstPathRange[0] = Math.min(firstPathRange[0], first.x()[i]);
          firstPathRange[1] = Math.max(firstPathRange[1], first.x()[i]);
        }
      }
    }
    CtProblem problem = switch (chosen) {
      case FINITE -> CtProblem.finite(beta, horizon != null ? horizon : firstPathEnd);
      case DISCOUNTED -> CtProblem.discounted(beta);
      case ERGODIC -> CtProblem.ergodic();
    };
    if (closedForm != null) {
      closedForm.checkMatches(truth, chosen.id(), problem.beta(), problem.horizon());
    }
    Features features = Bases.parse(basis, stateNames);
    QuadratureRule rule = QuadratureRule.parse(quadrature);
    RewardRule rewards = new RewardRule(rule, window != null ? window : rule.isSingleStep() || rule.id().equals("bq-wiener") ? 1 : 2);
    int workers = threads.count();
    CtEvalPoints points = evalAt == null ? null : CtEvalPoints.read(evalAt, stateNames, finite);
    CtReport report = new CtReport();
    report.setting = chosen.id();
    report.stateNames = stateNames;
    report.diagnostics.put("data", dataName);
    report.diagnostics.put("quadrature", rewards.rule().id() + (rewards.window() > 1 ? " over " + rewards.window() + " steps" : ""));
    if (chosen != Setting.ERGODIC) {
      report.diagnostics.put("beta", problem.beta());
    }
    if (finite) {
      report.diagnostics.put("horizon", problem.horizon());
    }
    double[] timeRange;
    Evaluation evaluation = online ? online(problem, features, rewards, methodId, report)
        : gradient ? gradient(problem, features, rewards, methodId, report)
        : batch(problem, features, rewards, methodId, workers, stateNames.size(), report);
    timeRange = evaluation.timeRange;
    report.diagnostics.put("t_min", timeRange[0]);
    report.diagnostics.put("t_max", timeRange[1]);
    if (points != null) {
      for (int i = 0; i < points.points.size(); i++) {
        double[] point = points.points.get(i);
        double t = point[0];
        double[] x = java.util.Arrays.copyOfRange(point, 1, point.length);
        if (finite && (t < timeRange[0] || t > timeRange[1])) {
          report.warnings.add(String.format(Locale.ROOT, "%s row %d, t: %s is outside the data's time range [%s, %s];"
              + " the value there is an extrapolation", evalAt, points.rows.get(i), Formats.num(t),
              Formats.num(timeRange[0]), Formats.num(timeRange[1])));
        }
        report.points.add(new CtReport.Point(t, x, evaluation.value(t, x), evaluation.stderr(t, x),
            closedForm == null ? Double.NaN : closedForm.value(stateNames).at(t, problem.timeToGo(t), x)));
      }
    }
    if (dtStudy && (closedForm == null || !List.of("ml", "lstd", "mstde").contains(methodId))) {
      throw new UsageException("--dt-study needs --truth and a batch method (ml, lstd or mstde)");
    }
    if (closedForm != null) {
      report.closedForm = closedForm;
      if (stateNames.size() == 1 && firstPathRange[1] > firstPathRange[0]) {
        report.curve = CtReport.Curve.of(timeRange[0], problem.timeToGo(timeRange[0]), firstPathRange,
            evaluation::value, closedForm.value(stateNames));
      }
      if (stepStudy != null) {
        report.stepErrors = stepErrors(report, problem, closedForm.value(stateNames));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : report.warnings) {
      err.println("ope4j: warning: " + warning);
    }
    output.write(spec.commandLine().getOut(), report);
    html.write(report::sections);
    return Ope4j.OK;
  }

  /**
   * Per fit of --dt-study, {step, RMS of Ĵ − J}: over the report's curve grid, else over the
   * requested points.
   */
  private List<double[]> stepErrors(CtReport report, CtProblem problem, CtTruth.Value truthValue) {
    List<double[]> states = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    if (report.curve != null) {
      for (double x : report.curve.x()) {
        states.add(new double[] {x});
        times.add(report.curve.t());
      }
    } else {
      for (CtReport.Point p : report.points) {
        states.add(p.x());
        times.add(p.t());
      }
    }
    if (states.isEmpty()) {
      throw new UsageException("--dt-study needs a one-dimensional state or points to compare at (--eval-at)");
    }
    List<double[]> errors = new ArrayList<>();
    for (StepFit fit : stepStudy) {
      double sum = 0;
      for (int i = 0; i < states.size(); i++) {
        double t = times.get(i);
        double error = fit.value().value(t, states.get(i)) - truthValue.at(t, problem.timeToGo(t), states.get(i));
        sum += error * error;
      }
      errors.add(new double[] {fit.step(), Math.sqrt(sum / states.size())});
    }
    return errors;
  }

  /** The thinning factors of --dt-study: the data's step, then 2, 4 and 8 times it. */
  private static final int[] STEP_FACTORS = {1, 2, 4, 8};

  /** A fit of --dt-study: its mean step and value function. */
  private record StepFit(double step, CtReport.Curve.Fitted value) {}

  private List<StepFit> stepStudy;

  /** One batch fit on the data, sampled {@code factor} times more coarsely; {@code last} gets the reader. */
  private LinearFit fitLinear(LinearEvaluator evaluator, CtProblem problem, int dim, int factor, PathCsvReader[] last)
      throws IOException {
    try {
      return evaluator.fit(() -> {
        try {
          last[0] = PathCsvReader.open(data, problem.setting() == Setting.FINITE);
          PathSource paths = factor == 1 ? last[0]
              : new ThinnedPaths(last[0], factor, problem.setting() == Setting.FINITE);
          return new CtHorizonCheck(paths, problem);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, dim, factor == 1);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (InvalidDataException | IllegalStateException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(dataName + ": " + e.getMessage(), e);
    }
  }

  /** A fitted value function, however it was fitted. */
  private abstract static class Evaluation {
    double[] timeRange;

    abstract double value(double t, double[] x);

    abstract double stderr(double t, double[] x);
  }

  private Evaluation batch(CtProblem problem, Features features, RewardRule rewards, String methodId, int workers,
      int dim, CtReport report) throws IOException {
    LinearMethod linear = LinearMethod.parse(methodId);
    double decay = lambda != null ? lambda : 0;
    LinearEvaluator evaluator = new LinearEvaluator(problem, features,
        new LinearEvaluator.Options(linear, decay, rewards, 1e-3, workers));
    PathCsvReader[] last = new PathCsvReader[1];
    LinearFit fit = fitLinear(evaluator, problem, dim, 1, last);
    if (dtStudy) {
      stepStudy = new java.util.ArrayList<>();
      for (int factor : STEP_FACTORS) {
        try {
          LinearFit coarse = factor == 1 ? fit : fitLinear(evaluator, problem, dim, factor, new PathCsvReader[1]);
          stepStudy.add(new StepFit(factor * fit.meanStep(), coarse::value));
        } catch (IllegalStateException unevenPaths) {
          report.warnings.add("--dt-study: no fit at " + factor + " times the step: " + unevenPaths.getMessage());
        }
      }
    }
    report.method = fit.method() + (linear == LinearMethod.MSTDE ? " (BIASED BASELINE: minimises the mean-square TD"
        + " error, which flattens J; see docs/continuous_time.md)" : "");
    for (int k = 0; k < fit.theta().length; k++) {
      report.parameters.add(new CtReport.Parameter(fit.names().get(k), fit.theta()[k], fit.parameterStderr(k), Double.NaN));
    }
    if (!Double.isNaN(fit.averageReward())) {
      report.averageReward = new CtReport.Parameter("V", fit.averageReward(), fit.averageRewardStderr(), Double.NaN);
    }
    report.diagnostics.put("paths", fit.paths());
    report.diagnostics.put("transitions", fit.transitions());
    report.diagnostics.put("data_rows", last[0].dataRows());
    report.diagnostics.put("dt_min", fit.minStep());
    report.diagnostics.put("dt_mean", fit.meanStep());
    report.diagnostics.put("dt_max", fit.maxStep());
    report.diagnostics.put("condition_number", fit.conditionNumber());
    report.diagnostics.put("stderr", "path-clustered sandwich");
    Evaluation evaluation = new Evaluation() {
      @Override
      double value(double t, double[] x) {
        return fit.value(t, x);
      }

      @Override
      double stderr(double t, double[] x) {
        return fit.valueStderr(t, x);
      }
    };
    evaluation.timeRange = new double[] {last[0].minTime(), last[0].maxTime()};
    return evaluation;
  }

  /** Every path of the file, in memory, and the data's time range. */
  private record InMemoryPaths(PathBlock block, double[] timeRange) {}

  private InMemoryPaths readAll(CtProblem problem) throws IOException {
    try (PathCsvReader reader = PathCsvReader.open(data, problem.setting() == Setting.FINITE)) {
      PathBlock block = new PathBlock(reader.stateNames().size());
      reader.next(block, Integer.MAX_VALUE);
      new CtHorizonCheck(reader, problem).check(block);
      return new InMemoryPaths(block, new double[] {reader.minTime(), reader.maxTime()});
    }
  }

  /** J = θᵀφ(t, x), without standard errors. */
  private static Evaluation linearValue(CtProblem problem, Features features, double[] theta, double[] timeRange) {
    double[] phi = new double[features.size()];
    Evaluation evaluation = new Evaluation() {
      @Override
      double value(double t, double[] x) {
        features.values(t, problem.timeToGo(t), x, 0, phi, 0);
        double v = 0;
        for (int k = 0; k < phi.length; k++) {
          v += theta[k] * phi[k];
        }
        return v;
      }

      @Override
      double stderr(double t, double[] x) {
        return Double.NaN;
      }
    };
    evaluation.timeRange = timeRange;
    return evaluation;
  }

  /** Offline gradient iterations (martingale loss or TD(0)) on the linear family of --basis. */
  private Evaluation gradient(CtProblem problem, Features features, RewardRule rewards, String methodId,
      CtReport report) throws IOException {
    if (iterations < 1) {
      throw new UsageException("--iterations must be at least 1, got " + iterations);
    }
    if (!(alpha > 0) || !(tolerance >= 0)) {
      throw new UsageException("--alpha must be > 0 and --tolerance >= 0, got " + alpha + " and " + tolerance);
    }
    if (problem.setting() == Setting.ERGODIC) {
      throw new UsageException("the ergodic setting supports --method lstd or td0 (ergodic TD), got " + methodId);
    }
    GradientEvaluator evaluator = new GradientEvaluator(problem, ParametricValue.linear(features), rewards);
    InMemoryPaths paths = readAll(problem);
    GradientEvaluator.Objective objective = methodId.equals("gradient-ml")
        ? GradientEvaluator.Objective.MARTINGALE_LOSS : GradientEvaluator.Objective.TD0;
    GradientEvaluator.Result result;
    try {
      result = evaluator.fit(paths.block(), objective, new double[features.size()], alpha, iterations, tolerance);
    } catch (IllegalArgumentException e) {
      throw new UsageException(dataName + ": the " + e.getMessage() + "; reduce --alpha or rescale the features", e);
    }
    report.method = (objective == GradientEvaluator.Objective.MARTINGALE_LOSS ? "martingale loss" : "TD(0)")
        + " by offline gradient iterations (alpha " + alpha + ")";
    double[] theta = result.theta();
    for (int k = 0; k < theta.length; k++) {
      report.parameters.add(new CtReport.Parameter(features.names().get(k), theta[k], Double.NaN, Double.NaN));
    }
    report.diagnostics.put("paths", (long) paths.block().paths());
    report.diagnostics.put("data_rows", (long) paths.block().rows());
    report.diagnostics.put("iterations", (long) result.iterations());
    report.diagnostics.put("last_step", result.lastStep());
    report.diagnostics.put("stderr", "not available for gradient iterations");
    if (!(result.lastStep() < tolerance)) {
      report.warnings.add(String.format(Locale.ROOT, "%s: the gradient iterations did not converge in %d iterations"
          + " (last step %s > --tolerance %s); raise --iterations or --alpha", data, result.iterations(),
          Formats.num(result.lastStep()), Formats.num(tolerance)));
    }
    return linearValue(problem, features, theta, paths.timeRange());
  }

  private Evaluation online(CtProblem problem, Features features, RewardRule rewards, String methodId, CtReport report)
      throws IOException {
    InMemoryPaths paths = readAll(problem);
    PathBlock block = paths.block();
    OnlineTd.Algorithm algorithm = problem.setting() == Setting.ERGODIC ? ergodicAlgorithm(methodId)
        : OnlineTd.Algorithm.parse(methodId);
    int longest = 0;
    double meanSpan = 0;
    for (int p = 0; p < block.paths(); p++) {
      longest = Math.max(longest, block.rowsOf(p));
      meanSpan += (block.t()[block.offsets()[p + 1] - 1] - block.t()[block.offsets()[p]]) / block.paths();
    }
    int passes = epochs != null ? epochs : (int) Math.min(10_000, Math.max(1, Math.ceil(300 / meanSpan)));
    if (passes < 1) {
      throw new UsageException("--epochs must be at least 1, got " + passes);
    }
    long totalSteps = (long) passes * (longest - 1);
    double aux = algorithm == OnlineTd.Algorithm.ERGODIC && spec.commandLine().getParseResult().matchedOption("--alpha-aux") == null
        ? alpha : alphaAux;
    OnlineTd.Options options = new OnlineTd.Options(algorithm, alpha, aux, lambda != null ? lambda : 0.5, totalSteps / 2);
    OnlineTd learner = new OnlineTd(problem, ParametricValue.linear(features), options, new double[features.size()]);
    LockstepDriver.run(block, problem, rewards, passes, List.of(learner));
    for (double v : learner.theta()) {
      if (!Double.isFinite(v)) {
        throw new UsageException(dataName + ": the online iterations diverged (theta is not finite after "
            + learner.steps() + " steps); reduce --alpha or rescale the features");
      }
    }
    report.online = true;
    report.method = algorithm.id() + " (online, path-averaged increments, alpha " + alpha
        + "; values use the Polyak average)";
    double[] theta = learner.theta();
    double[] averaged = learner.averagedTheta();
    for (int k = 0; k < theta.length; k++) {
      report.parameters.add(new CtReport.Parameter(features.names().get(k), theta[k], Double.NaN, averaged[k]));
    }
    if (algorithm == OnlineTd.Algorithm.ERGODIC) {
      report.averageReward = new CtReport.Parameter("V", learner.averageReward(), Double.NaN,
          learner.averagedAverageReward());
    }
    report.diagnostics.put("paths", (long) block.paths());
    report.diagnostics.put("data_rows", (long) block.rows());
    report.diagnostics.put("epochs", (long) passes);
    report.diagnostics.put("steps", learner.steps());
    report.diagnostics.put("polyak_from_step", totalSteps / 2);
    report.diagnostics.put("stderr", "not available for online methods");
    return linearValue(problem, features, averaged, paths.timeRange());
  }

  private static OnlineTd.Algorithm ergodicAlgorithm(String methodId) {
    if (!methodId.equals("td0")) {
      throw new UsageException("the ergodic setting supports --method lstd or td0 (ergodic TD), got " + methodId);
    }
    return OnlineTd.Algorithm.ERGODIC;
  }
}
