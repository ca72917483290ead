package io.ope4j.ct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Batch policy evaluation with a linear family J^θ = θᵀφ: every method is a linear estimating
 * equation Σ ξ_k (y_k - z_kᵀθ) = 0 accumulated in one streaming pass ({@link EquationSums}) and
 * solved at the end (continuous_time.md §4):
 *
 * <ul>
 *   <li>LSTD(0): ξ = φ_k, z = φ_k - gφ_{k+1}, y = R_k; LSTD(λ): ξ_k = λ^{Δ}ξ_{k-1} + φ_kΔ (Jia
 *       &amp; Zhou, JMLR 2022, §4.2, Alg. 3 with the trace test function). Finite horizon: on a
 *       path's last transition z = φ_k and y = R_k + g h(x_K) (J(T,·) := h).</li>
 *   <li>Ergodic LSTD: unknowns (θ, V), z = (φ_k - φ_{k+1}, Δ), ξ = (ξ_k, 1) (Jia &amp; Zhou 2022,
 *       §4.3, eq. 33).</li>
 *   <li>Martingale loss: ξ = e^{-2β(t_k - t_0)}Δ φ_k, z = φ_k, y = G_k = Σ_{j≥k} g^{j-k}R_j +
 *       g^{K-k}h (Jia &amp; Zhou 2022, eq. 18, Thm 2). Discounted paths are truncated: only rows
 *       whose remaining discount factor is at most {@code mlTail} are used.</li>
 *   <li>MSTDE (biased baseline): ξ = z = φ_k - gφ_{k+1}, y = R_k (Jia &amp; Zhou 2022, eq. 22).</li>
 * </ul>
 *
 * Standard errors come from a second pass: the path-clustered sandwich A⁻¹(Σ_paths s sᵀ)A⁻ᵀ.
 */
public final class LinearEvaluator {

  /**
   * @param method the solver
   * @param lambda the TD(λ) trace decay per unit time, in [0, 1]; 0 gives LSTD(0) (LSTD only)
   * @param rewards reward quadrature and window
   * @param mlTail for ML in the discounted setting, the largest remaining discount g^{K-k} allowed
   * @param threads worker threads (the result does not depend on it)
   */
  public record Options(LinearMethod method, double lambda, RewardRule rewards, double mlTail, int threads) {

    public Options {
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
      }
      if (lambda > 0 && method != LinearMethod.LSTD) {
        throw new IllegalArgumentException("lambda applies to LSTD only");
      }
      if (!(mlTail > 0 && mlTail <= 1)) {
        throw new IllegalArgumentException("ML tail cutoff must be in (0, 1], got " + mlTail);
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
    }

    public static Options of(LinearMethod method, RewardRule rewards) {
      return new Options(method, 0, rewards, 1e-3, Runtime.getRuntime().availableProcessors());
    }

    public Options withLambda(double decay) {
      return new Options(method, decay, rewards, mlTail, threads);
    }

    public Options withThreads(int count) {
      return new Options(method, lambda, rewards, mlTail, count);
    }
  }

  private final CtProblem problem;
  private final Features features;
  private final Options options;
  private final int p;
  private final int q;
  private final ThreadLocal<Scratch> scratch;

  public LinearEvaluator(CtProblem problem, Features features, Options options) {
    if (features.dependsOnTime() && problem.setting() != Setting.FINITE) {
      throw new IllegalArgumentException("features " + features.names() + " depend on time; the "
          + problem.setting().id() + " setting needs state-only features");
    }
    if (options.method() == LinearMethod.ML && problem.setting() == Setting.ERGODIC) {
      throw new IllegalArgumentException("the martingale loss needs a return-to-go: use lstd or td in the ergodic setting");
    }
    this.problem = problem;
    this.features = features;
    this.options = options;
    this.p = features.size();
    this.q = problem.setting() == Setting.ERGODIC ? p + 1 : p;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(new PathWorkspace(problem, features, options.rewards()), q));
  }

  /** Fits on {@code paths} paths of a simulator, in one pass (two with standard errors). */
  public LinearFit fit(PathSimulator simulator, long paths, boolean standardErrors) {
    int threads = options.threads();
    EquationSums sums = PathPass.simulated(simulator, paths, threads, () -> new EquationSums(q),
        this::accumulate, EquationSums::merge);
    Solution solution = solve(sums);
    double[] covariance = null;
    if (standardErrors) {
      ScoreSums scores = PathPass.simulated(simulator, paths, threads, () -> new ScoreSums(solution.solver.solution),
          this::accumulate, ScoreSums::merge);
      covariance = solution.solver.sandwich(scores.outer);
    }
    return result(sums, solution, covariance);
  }

  /**
   * Fits on the paths of {@code sources} (each call gives a fresh pass over the same data): one
   * streaming pass, a second one for standard errors.
   */
  public LinearFit fit(Supplier<PathSource> sources, int dim, boolean standardErrors) throws IOException {
    EquationSums sums;
    try (PathSource source = sources.get()) {
      sums = PathPass.streamed(source, dim, options.threads(), () -> new EquationSums(q), this::accumulate,
          EquationSums::merge);
    }
    if (sums.paths == 0) {
      throw new IllegalArgumentException("no paths to fit");
    }
    Solution solution = solve(sums);
    double[] covariance = null;
    if (standardErrors) {
      try (PathSource source = sources.get()) {
        ScoreSums scores = PathPass.streamed(source, dim, options.threads(),
            () -> new ScoreSums(solution.solver.solution), this::accumulate, ScoreSums::merge);
        covariance = solution.solver.sandwich(scores.outer);
      }
    }
    return result(sums, solution, covariance);
  }

  /** Accumulates every path of {@code block} into {@code sink}. */
  void accumulate(PathBlock block, RowSink sink) {
    Scratch s = scratch.get();
    for (int path = 0; path < block.paths(); path++) {
      s.workspace.load(block, path);
      emit(s, sink);
      if (sink instanceof EquationSums sums) {
        s.workspace.durationStats(s.stats);
        sums.steps(s.stats[0], s.stats[1], s.stats[2], s.workspace.transitions);
      }
      sink.endPath();
    }
  }

  private void emit(Scratch s, RowSink sink) {
    PathWorkspace w = s.workspace;
    double[] phi = w.phi;
    double[] xi = s.xi;
    double[] z = s.z;
    boolean ergodic = problem.setting() == Setting.ERGODIC;
    boolean finite = problem.setting() == Setting.FINITE;
    int n = w.transitions;
    if (options.method() == LinearMethod.ML) {
      emitMartingaleLoss(s, sink);
      return;
    }
    double decay = options.lambda();
    java.util.Arrays.fill(s.trace, 0.0);
    for (int j = 0; j < n; j++) {
      int a = w.from[j] * p;
      int b = w.to[j] * p;
      double g = w.discount[j];
      double y = w.reward[j];
      boolean terminal = finite && j == n - 1;
      for (int k = 0; k < p; k++) {
        z[k] = terminal ? phi[a + k] : phi[a + k] - g * phi[b + k]; // z = φ_k - gφ_{k+1}; J(T,·) := h
      }
      if (terminal) {
        y += g * w.payoff; // b gets g h(x_K) on the last step (continuous_time.md §4 LSTD)
      }
      if (ergodic) {
        z[p] = w.duration[j]; // δ = R - VΔ - (φ_k - φ_{k+1})θ
      }
      if (options.method() == LinearMethod.MSTDE) {
        System.arraycopy(z, 0, xi, 0, q); // least squares of R on φ_k - gφ_{k+1}
      } else if (decay > 0) {
        double keep = Math.pow(decay, w.duration[j]);
        for (int k = 0; k < p; k++) {
          s.trace[k] = keep * s.trace[k] + phi[a + k] * w.duration[j]; // ξ_k = λ^{Δt}ξ_{k-1} + φ_kΔt
        }
        System.arraycopy(s.trace, 0, xi, 0, p);
      } else {
        System.arraycopy(phi, a, xi, 0, p);
      }
      if (ergodic && options.method() != LinearMethod.MSTDE) {
        xi[p] = 1; // test function 1 for V: Σ δ = 0
      }
      sink.row(xi, z, y);
    }
  }

  private void emitMartingaleLoss(Scratch s, RowSink sink) {
    PathWorkspace w = s.workspace;
    int n = w.transitions;
    double[] returns = s.returns = PathWorkspace.grow(s.returns, n);
    double tail = problem.setting() == Setting.FINITE ? w.payoff : 0;
    double remaining = 1;
    double[] tailFactor = s.tailFactor = PathWorkspace.grow(s.tailFactor, n);
    for (int j = n - 1; j >= 0; j--) {
      tail = w.reward[j] + w.discount[j] * tail; // G_k = R_k + g G_{k+1}, continuous_time.md §4
      remaining *= w.discount[j];
      returns[j] = tail;
      tailFactor[j] = remaining;
    }
    boolean truncated = problem.setting() == Setting.DISCOUNTED;
    double beta = problem.beta();
    double elapsed = 0;
    for (int j = 0; j < n; j++) {
      double sinceStart = elapsed;
      elapsed += w.duration[j];
      if (truncated && tailFactor[j] > options.mlTail()) {
        continue;
      }
      int a = w.from[j] * p;
      double weight = Math.exp(-2 * beta * sinceStart) * w.duration[j]; // e^{-2βt}Δt, Jia & Zhou eq. 18
      for (int k = 0; k < p; k++) {
        s.z[k] = w.phi[a + k];
        s.xi[k] = weight * s.z[k];
      }
      sink.row(s.xi, s.z, returns[j]);
    }
  }

  private record Solution(LinearSolver solver) {}

  private Solution solve(EquationSums sums) {
    if (sums.rows == 0) {
      throw new IllegalArgumentException("no transitions to fit: every path has a single observation"
          + (options.method() == LinearMethod.ML ? " or ends before its discount tail is below " + options.mlTail() : ""));
    }
    List<String> names = new ArrayList<>(features.names());
    if (q > p) {
      names.add("V");
    }
    try {
      return new Solution(LinearSolver.solve(sums.matrix(), sums.vector(), names, label(), sums.paths));
    } catch (IllegalArgumentException singular) {
      if (q > p) {
        throw new IllegalArgumentException(singular.getMessage() + " (ergodic setting: J is defined only up to a"
            + " constant, so the basis must not contain the constant feature 1)", singular);
      }
      throw singular;
    }
  }

  private String label() {
    if (options.method() == LinearMethod.LSTD) {
      return options.lambda() > 0 ? "LSTD(lambda=" + options.lambda() + ")" : "LSTD(0)";
    }
    return options.method() == LinearMethod.ML ? "martingale-loss" : "MSTDE";
  }

  private LinearFit result(EquationSums sums, Solution solution, double[] covariance) {
    double[] all = solution.solver.solution;
    double[] theta = java.util.Arrays.copyOf(all, p);
    double v = q > p ? all[p] : Double.NaN;
    return new LinearFit(label(), problem, features, theta, v, covariance, solution.solver.condition, sums.paths,
        sums.rows, sums.minStep, sums.maxStep, sums.sumSteps / sums.stepCount);
  }

  private static final class Scratch {
    final PathWorkspace workspace;
    final double[] xi;
    final double[] z;
    final double[] trace;
    final double[] stats = new double[3];
    double[] returns = new double[0];
    double[] tailFactor = new double[0];

    Scratch(PathWorkspace workspace, int q) {
      this.workspace = workspace;
      this.xi = new double[q];
      this.z = new double[q];
      this.trace = new double[q];
    }
  }
}
