package io.ope4j.ct.intrl;

import io.ope4j.ct.quadrature.QuadratureRule;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Integral reinforcement learning: policy evaluation and policy iteration for a control-affine
 * system from sampled trajectories, with the running cost of each interval integrated by a
 * chosen {@link QuadratureRule} (Vrabie &amp; Lewis, Neural Networks 22, 2009; Cao &amp; Pan, ICLR
 * 2024, Algorithm 1).
 *
 * <p>Evaluation: V = wᵀφ must satisfy V(x(t)) - V(x(t+T)) = ∫_t^{t+T} l ds on every interval, so
 * w = pinv(Φ) I with rows Φ_i = φ(x(t_i)) - φ(x(t_i + T)) and I_i the quadrature of l over N
 * equispaced samples of [t_i, t_i + T] (Cao &amp; Pan 2024, eq. 5). Improvement: u = -½R⁻¹g(x)ᵀ∇φ(x)ᵀw
 * (Cao &amp; Pan 2024, eq. 6).
 *
 * <p>Trajectories are integrated between samples exactly by the matrix exponential for a {@link
 * LinearControlSystem} (the feedback is linear there, K_j = -u(e_j)), and by classical
 * Runge–Kutta with {@code rk4Substeps} steps per sample spacing otherwise.
 */
public final class IntegralPolicyIteration {

  /**
   * @param intervalLength T, the length of one interval
   * @param nodes N, samples per interval (ends included)
   * @param rows intervals per evaluation (rows of Φ), consecutive along one trajectory
   * @param rule the quadrature of the running cost
   * @param tolerance stop when ‖w - w_old‖ &lt; tolerance
   * @param maxIterations at most this many evaluations
   * @param rk4Substeps Runge–Kutta steps per sample spacing (nonlinear systems)
   * @param continueTrajectory whether each evaluation continues the trajectory where the previous
   *     ended (true) or restarts from x0 (false)
   */
  public record Options(double intervalLength, int nodes, int rows, QuadratureRule rule, double tolerance,
      int maxIterations, int rk4Substeps, boolean continueTrajectory) {

    public Options {
      if (!(intervalLength > 0) || nodes < 2 || rows < 1 || maxIterations < 1 || rk4Substeps < 1) {
        throw new IllegalArgumentException("IntRL options need T > 0, N >= 2, rows >= 1, iterations >= 1");
      }
      rule.checkNodeCount(nodes);
    }

    /**
     * T, N, rows and rule; tolerance 1e-3, 120 iterations, 200 RK4 substeps, and one trajectory
     * continued across evaluations (the protocol whose numbers continuous_time.md §7 T12 gives).
     */
    public static Options of(double intervalLength, int nodes, int rows, QuadratureRule rule) {
      return new Options(intervalLength, nodes, rows, rule, 1e-3, 120, 200, true);
    }

    public Options withMaxIterations(int iterations) {
      return new Options(intervalLength, nodes, rows, rule, tolerance, iterations, rk4Substeps, continueTrajectory);
    }

    public Options withContinuedTrajectory(boolean continued) {
      return new Options(intervalLength, nodes, rows, rule, tolerance, maxIterations, rk4Substeps, continued);
    }
  }

  /** The last weights, the number of evaluations done, and whether the tolerance was met. */
  public record Result(double[] weights, int iterations, boolean converged) {}

  private final ControlAffineSystem system;
  private final QuadraticBasis basis;
  private final Options options;
  private final double[] ruleWeights;

  public IntegralPolicyIteration(ControlAffineSystem system, QuadraticBasis basis, Options options) {
    if (basis.dim() != system.dim()) {
      throw new IllegalArgumentException("basis dimension " + basis.dim() + " != system dimension " + system.dim());
    }
    this.system = system;
    this.basis = basis;
    this.options = options;
    // Weights on [T, 2T]: translation-invariant rules give the same as on any interval, and the
    // Wiener kernel needs a > 0.
    this.ruleWeights = options.rule().weights(options.nodes(), options.intervalLength(), 2 * options.intervalLength());
  }

  /**
   * Policy iteration from the policy of {@code initialWeights} (zeros: u = 0) and state x0.
   */
  public Result run(double[] initialWeights, double[] x0) {
    double[] w = initialWeights.clone();
    double[] state = x0.clone();
    for (int iteration = 1; iteration <= options.maxIterations(); iteration++) {
      double[] end = new double[state.length];
      double[] next = evaluate(w, options.continueTrajectory() ? state : x0, end);
      double change = 0;
      for (int k = 0; k < w.length; k++) {
        change += (next[k] - w[k]) * (next[k] - w[k]);
      }
      w = next;
      state = end;
      if (Math.sqrt(change) < options.tolerance()) {
        return new Result(w, iteration, true);
      }
    }
    return new Result(w, options.maxIterations(), false);
  }

  /**
   * One policy evaluation: the weights w = pinv(Φ) I of the policy of {@code policyWeights},
   * from {@code rows} consecutive intervals starting at x0.
   *
   * @param endState receives the state at the end of the last interval (modified)
   */
  public double[] evaluate(double[] policyWeights, double[] x0, double[] endState) {
    int n = system.dim();
    int p = basis.size();
    int nodes = options.nodes();
    double spacing = options.intervalLength() / (nodes - 1);
    double[][] transition = system instanceof LinearControlSystem linear
        ? Matrices.exp(scale(Matrices.closedLoop(linear.a(), linear.b(), linearGain(policyWeights)), spacing))
        : null;
    DMatrixRMaj phi = new DMatrixRMaj(options.rows(), p);
    DMatrixRMaj integrals = new DMatrixRMaj(options.rows(), 1);
    double[] x = x0.clone();
    double[] features = new double[p];
    double[] costs = new double[nodes];
    for (int row = 0; row < options.rows(); row++) {
      basis.values(x, features);
      for (int k = 0; k < p; k++) {
        phi.set(row, k, features[k]);
      }
      for (int j = 0; j < nodes; j++) {
        if (j > 0) {
          x = transition != null ? Matrices.apply(transition, x) : rungeKutta(policyWeights, x, spacing);
        }
        costs[j] = system.cost(x, control(policyWeights, x));
      }
      basis.values(x, features);
      for (int k = 0; k < p; k++) {
        phi.set(row, k, phi.get(row, k) - features[k]); // Φ_i = φ(x(t_i)) - φ(x(t_i+T))
      }
      integrals.set(row, 0, QuadratureRule.apply(ruleWeights, costs));
    }
    System.arraycopy(x, 0, endState, 0, n);
    DMatrixRMaj pinv = new DMatrixRMaj(p, options.rows());
    CommonOps_DDRM.pinv(phi, pinv); // minimum-norm least squares (Cao & Pan 2024, eq. 5)
    DMatrixRMaj w = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(pinv, integrals, w);
    return w.getData().clone();
  }

  /** u = -½R⁻¹g(x)ᵀ∇V(x), V = wᵀφ (Cao &amp; Pan 2024, eq. 6). */
  public double control(double[] w, double[] x) {
    int n = x.length;
    double[] gradient = new double[n];
    double[] gain = new double[n];
    basis.valueGradient(w, x, gradient);
    system.inputGain(x, gain);
    double dot = 0;
    for (int i = 0; i < n; i++) {
      dot += gain[i] * gradient[i];
    }
    return -0.5 * dot / system.inputCost();
  }

  /** K with u = -Kx, for a linear system: K_j = -u(e_j). */
  public double[] linearGain(double[] w) {
    int n = system.dim();
    double[] k = new double[n];
    double[] unit = new double[n];
    for (int j = 0; j < n; j++) {
      unit[j] = 1;
      k[j] = -control(w, unit);
      unit[j] = 0;
    }
    return k;
  }

  private double[] rungeKutta(double[] w, double[] x, double span) {
    int n = x.length;
    int steps = options.rk4Substeps();
    double h = span / steps;
    double[] k1 = new double[n];
    double[] k2 = new double[n];
    double[] k3 = new double[n];
    double[] k4 = new double[n];
    double[] tmp = new double[n];
    double[] y = x.clone();
    for (int s = 0; s < steps; s++) {
      closedLoop(w, y, k1);
      axpy(y, h / 2, k1, tmp);
      closedLoop(w, tmp, k2);
      axpy(y, h / 2, k2, tmp);
      closedLoop(w, tmp, k3);
      axpy(y, h, k3, tmp);
      closedLoop(w, tmp, k4);
      for (int i = 0; i < n; i++) {
        y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]); // classical RK4
      }
    }
    return y;
  }

  private void closedLoop(double[] w, double[] x, double[] out) {
    int n = x.length;
    double[] gain = new double[n];
    system.drift(x, out);
    system.inputGain(x, gain);
    double u = control(w, x);
    for (int i = 0; i < n; i++) {
      out[i] += gain[i] * u;
    }
  }

  private static void axpy(double[] y, double a, double[] x, double[] out) {
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] + a * x[i];
    }
  }

  private static double[][] scale(double[][] m, double s) {
    double[][] out = new double[m.length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) {
        out[i][j] = m[i][j] * s;
      }
    }
    return out;
  }
}
