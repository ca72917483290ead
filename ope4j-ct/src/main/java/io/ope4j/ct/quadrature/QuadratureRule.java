package io.ope4j.ct.quadrature;

import io.ope4j.data.UsageException;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A rule that integrates a function from its values at N nodes of [a, b]: ∫_a^b f ≈ Σ_j w_j f(t_j).
 * The running reward of continuous-time policy evaluation is integrated this way
 * (continuous_time.md §5; Cao &amp; Pan, ICLR 2024).
 *
 * <ul>
 *   <li>{@link #left()}: h on the first N-1 nodes, error O(h);</li>
 *   <li>{@link #trapezoid()}: h/2 at the ends, h inside, error O(h²);</li>
 *   <li>{@link #simpson()}: (h/3)(1, 4, 2, …, 4, 1), N odd, error O(h⁴);</li>
 *   <li>{@link #bayesWiener()}: Bayesian quadrature with k = min(s, t), a &gt; 0: equal to the
 *       trapezoid rule, since the posterior mean is the piecewise-linear interpolant;</li>
 *   <li>{@link #bayesMatern(double, double)}: Bayesian quadrature with a Matérn kernel, error
 *       O(N^-(ν+1/2)) for smooth enough integrands.</li>
 * </ul>
 *
 * <p>Bayesian quadrature weights are zᵀK⁻¹ with K_ij = k(t_i, t_j) and z_i = ∫_a^b k(t, t_i) dt
 * (Cao &amp; Pan 2024, eq. 8; Briol et al., Stat. Sci. 2019, eq. 2). Left, trapezoid and Simpson
 * need equispaced nodes; Bayesian quadrature takes any distinct increasing nodes. Immutable.
 */
public final class QuadratureRule {

  private enum Kind { LEFT, TRAPEZOID, SIMPSON, BAYES_WIENER, BAYES_MATERN }

  private final Kind kind;
  private final MaternKernel kernel;

  private QuadratureRule(Kind kind, MaternKernel kernel) {
    this.kind = kind;
    this.kernel = kernel;
  }

  public static QuadratureRule left() {
    return new QuadratureRule(Kind.LEFT, null);
  }

  public static QuadratureRule trapezoid() {
    return new QuadratureRule(Kind.TRAPEZOID, null);
  }

  public static QuadratureRule simpson() {
    return new QuadratureRule(Kind.SIMPSON, null);
  }

  public static QuadratureRule bayesWiener() {
    return new QuadratureRule(Kind.BAYES_WIENER, null);
  }

  public static QuadratureRule bayesMatern(double nu, double lengthScale) {
    return new QuadratureRule(Kind.BAYES_MATERN, new MaternKernel(nu, lengthScale));
  }

  /**
   * Parses {@code left}, {@code trapezoid}, {@code simpson}, {@code bq-wiener} or {@code
   * bq-matern:NU:ELL} (e.g. {@code bq-matern:2.5:0.5}).
   *
   * @throws IllegalArgumentException on anything else
   */
  public static QuadratureRule parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "left", "rectangle" -> {
        return left();
      }
      case "trapezoid" -> {
        return trapezoid();
      }
      case "simpson" -> {
        return simpson();
      }
      case "bq-wiener" -> {
        return bayesWiener();
      }
      default -> { }
    }
    if (s.startsWith("bq-matern:")) {
      String[] parts = s.split(":");
      if (parts.length == 3) {
        try {
          return bayesMatern(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        } catch (NumberFormatException notNumber) {
          // fall through to the message below
        }
      }
    }
    throw new UsageException("quadrature must be left, trapezoid, simpson, bq-wiener or"
        + " bq-matern:NU:ELL (NU in 0.5, 1.5, 2.5, 3.5), got '" + spec + "'");
  }

  /**
   * Whether one TD step (two nodes) may use this rule: only left and trapezoid; Simpson and
   * Bayesian quadrature need windows spanning several samples (continuous_time.md §5).
   */
  public boolean isSingleStep() {
    return kind == Kind.LEFT || kind == Kind.TRAPEZOID;
  }

  /** The id {@link #parse} accepts. */
  public String id() {
    return switch (kind) {
      case LEFT -> "left";
      case TRAPEZOID -> "trapezoid";
      case SIMPSON -> "simpson";
      case BAYES_WIENER -> "bq-wiener";
      case BAYES_MATERN -> "bq-matern:" + kernel.nu() + ":" + kernel.lengthScale();
    };
  }

  /** Smallest number of nodes the rule accepts, and whether it needs an odd count. */
  public void checkNodeCount(int n) {
    if (n < 2) {
      throw new UsageException("a quadrature rule needs at least 2 nodes, got " + n);
    }
    if (kind == Kind.SIMPSON && (n % 2 == 0)) {
      throw new UsageException("Simpson's rule needs an odd number of nodes, got " + n);
    }
  }

  /** Weights for N equispaced nodes a, a + h, …, b with h = (b - a)/(N - 1). */
  public double[] weights(int n, double a, double b) {
    checkNodeCount(n);
    double h = (b - a) / (n - 1);
    double[] w = new double[n];
    switch (kind) {
      case LEFT -> {
        for (int j = 0; j < n - 1; j++) {
          w[j] = h; // continuous_time.md §5: left rectangle
        }
      }
      case TRAPEZOID -> {
        for (int j = 0; j < n; j++) {
          w[j] = h;
        }
        w[0] = h / 2; // continuous_time.md §5: trapezoid, ends h/2
        w[n - 1] = h / 2;
      }
      case SIMPSON -> {
        for (int j = 0; j < n; j++) {
          w[j] = (h / 3) * (j == 0 || j == n - 1 ? 1 : (j % 2 == 1 ? 4 : 2)); // composite Simpson (h/3)(1,4,2,…,4,1)
        }
      }
      default -> {
        double[] nodes = new double[n];
        for (int j = 0; j < n; j++) {
          nodes[j] = j == n - 1 ? b : a + j * h;
        }
        return weightsAt(nodes);
      }
    }
    return w;
  }

  /**
   * Weights for the given increasing nodes, integrating over [nodes[0], nodes[N-1]]. Left,
   * trapezoid and Simpson treat the nodes as equispaced (their spacing is not checked here).
   */
  public double[] weightsAt(double[] nodes) {
    int n = nodes.length;
    checkNodeCount(n);
    double a = nodes[0];
    double b = nodes[n - 1];
    if (kind != Kind.BAYES_WIENER && kind != Kind.BAYES_MATERN) {
      return weights(n, a, b);
    }
    DMatrixRMaj gram = new DMatrixRMaj(n, n);
    DMatrixRMaj mean = new DMatrixRMaj(n, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        gram.unsafe_set(i, j, kernelValue(nodes[i], nodes[j]));
      }
      mean.unsafe_set(i, 0, kernelMean(nodes[i], a, b));
    }
    // w = K⁻¹ z (Cao & Pan 2024, eq. 8): K is symmetric positive definite for distinct nodes.
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
    if (!solver.setA(gram)) {
      solver = LinearSolverFactory_DDRM.lu(n); // numerically semi-definite: LU still solves it
      if (!solver.setA(gram)) {
        throw new UsageException("Bayesian-quadrature kernel matrix is singular: nodes too close"
            + " for length scale, or repeated nodes");
      }
    }
    DMatrixRMaj weights = new DMatrixRMaj(n, 1);
    solver.solve(mean, weights);
    return weights.getData().clone();
  }

  private double kernelValue(double s, double t) {
    return kind == Kind.BAYES_WIENER ? Math.min(s, t) : kernel.value(s - t);
  }

  private double kernelMean(double t, double a, double b) {
    if (kind == Kind.BAYES_WIENER) {
      if (!(a > 0)) {
        throw new UsageException("the Wiener kernel min(s, t) needs nodes in t > 0, got a = " + a);
      }
      return (t * t - a * a) / 2 + t * (b - t); // ∫_a^b min(s, t) ds, continuous_time.md §5
    }
    return kernel.kernelMean(t, a, b);
  }

  /** Σ_j w_j f_j. */
  public static double apply(double[] weights, double[] values) {
    double sum = 0;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * values[j];
    }
    return sum;
  }

  @Override
  public String toString() {
    return id();
  }
}
