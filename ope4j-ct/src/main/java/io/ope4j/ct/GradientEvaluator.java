package io.ope4j.ct;

/**
 * Offline gradient iterations for a differentiable (possibly nonlinear) family J^θ over paths held
 * in memory, one full pass per iteration, the increments averaged over paths (continuous_time.md
 * §4):
 *
 * <ul>
 *   <li>martingale loss: θ += α mean_paths Σ_k e^{-2β(t_k - t_0)}(G_k - J^θ_k)∇_θJ^θ_kΔt_k, the
 *       gradient of ½E∫e^{-2βt}(G_t - J^θ)²dt (Jia &amp; Zhou, JMLR 2022, eq. 18–19);</li>
 *   <li>TD(0): θ += α mean_paths Σ_k ∇_θJ^θ_k δ_k, the martingale orthogonality condition with
 *       ξ = ∇J (Jia &amp; Zhou 2022, eq. 25).</li>
 * </ul>
 *
 * Iteration stops when the step ‖Δθ‖ falls below {@code tolerance} or after {@code iterations}.
 * Rewards use the given single-step rule; the finite horizon sets J(T,·) := h; the discounted ML
 * truncates returns at path ends (use long paths). Single-threaded; deterministic.
 */
public final class GradientEvaluator {

  /** The objective of the iterations. */
  public enum Objective { MARTINGALE_LOSS, TD0 }

  /** Final parameters, iterations run, and the last step length. */
  public record Result(double[] theta, int iterations, double lastStep) {}

  private final CtProblem problem;
  private final ParametricValue value;
  private final RewardRule rewards;

  public GradientEvaluator(CtProblem problem, ParametricValue value, RewardRule rewards) {
    if (value.dependsOnTime() && problem.setting() != Setting.FINITE) {
      throw new IllegalArgumentException("the " + problem.setting().id() + " setting needs a time-free value family");
    }
    if (problem.setting() == Setting.ERGODIC) {
      throw new IllegalArgumentException("use OnlineTd's ergodic TD or ergodic LSTD in the ergodic setting");
    }
    this.problem = problem;
    this.value = value;
    this.rewards = rewards;
  }

  public Result fit(PathBlock data, Objective objective, double[] initialTheta, double alpha, int iterations,
      double tolerance) {
    int n = value.parameterCount();
    if (initialTheta.length != n || !(alpha > 0) || iterations < 1) {
      throw new IllegalArgumentException("need " + n + " initial parameters, alpha > 0 and iterations >= 1");
    }
    PathWorkspace workspace = new PathWorkspace(problem, Features.concat(java.util.List.of(unitFeature())), rewards);
    double[] theta = initialTheta.clone();
    double[] gradient = new double[n];
    double[] gradFrom = new double[n];
    double[] gradTo = new double[n];
    double[] returns = new double[0];
    double step = Double.NaN;
    int d = data.dim();
    double[] t = data.t();
    double[] x = data.x();
    int it = 0;
    while (it < iterations) {
      java.util.Arrays.fill(gradient, 0.0);
      for (int p = 0; p < data.paths(); p++) {
        workspace.load(data, p);
        int first = data.offsets()[p];
        int m = workspace.transitions;
        boolean finite = problem.setting() == Setting.FINITE;
        if (objective == Objective.MARTINGALE_LOSS) {
          returns = PathWorkspace.grow(returns, m);
          double tail = finite ? workspace.payoff : 0;
          for (int j = m - 1; j >= 0; j--) {
            tail = workspace.reward[j] + workspace.discount[j] * tail; // G_k = R_k + g G_{k+1}
            returns[j] = tail;
          }
        }
        for (int j = 0; j < m; j++) {
          int a = first + workspace.from[j];
          int b = first + workspace.to[j];
          double jFrom = value.valueAndGradient(theta, t[a], problem.timeToGo(t[a]), x, a * d, gradFrom);
          double dt = workspace.duration[j];
          if (objective == Objective.MARTINGALE_LOSS) {
            double weight = Math.exp(-2 * problem.beta() * (t[a] - workspace.startTime)) * dt; // e^{-2βt}Δt
            double residual = returns[j] - jFrom;
            for (int k = 0; k < n; k++) {
              gradient[k] += weight * residual * gradFrom[k];
            }
          } else {
            boolean terminal = finite && j == m - 1;
            double jTo = terminal ? workspace.payoff
                : value.valueAndGradient(theta, t[b], problem.timeToGo(t[b]), x, b * d, gradTo);
            double delta = workspace.discount[j] * jTo - jFrom + workspace.reward[j]; // δ = gJ' - J + R
            for (int k = 0; k < n; k++) {
              gradient[k] += gradFrom[k] * delta;
            }
          }
        }
      }
      double squared = 0;
      for (int k = 0; k < n; k++) {
        double change = alpha * gradient[k] / data.paths();
        theta[k] += change;
        squared += change * change;
      }
      it++;
      step = Math.sqrt(squared);
      if (!Double.isFinite(step)) {
        throw new IllegalArgumentException("gradient iterations diverged at iteration " + it + ": reduce alpha");
      }
      if (step < tolerance) {
        break;
      }
    }
    return new Result(theta, it, step);
  }

  /** The workspace needs features only for its transitions; a constant stands in. */
  private static Features unitFeature() {
    return FunctionFeatures.of("1", (t, tau, x, o) -> 1.0);
  }
}
