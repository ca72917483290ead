package io.ope4j.models.sequential;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Fitted Q evaluation with a linear Q: {@code Q(s, a) = theta_a' psi(s)}, with {@code psi(s) =
 * [1, s_1 .. s_d]} for feature states and the one-hot state for a tabular one (so the features are
 * the state's crossed with the one-hot action). From the training steps' sums {@code A = sum phi
 * phi' + alpha I}, {@code b = sum phi r} and {@code M = sum phi phi_pi(s')'} over continuing steps
 * ({@code phi_pi(s') = sum_a' pi(a'|s') phi(s', a')}):
 *
 * <ul>
 *   <li>{@code iterate}: FQE (Le, Voloshin &amp; Yue 2019, Alg. 3), each iteration the exact ridge
 *       fit of {@code r + gamma sum_a' pi(a'|s') Q_k(s', a')}, i.e. {@code theta <- A^-1 (b +
 *       gamma M theta)}, from {@code theta = 0} until no coefficient moves by more than 1e-13
 *       relative to the largest;
 *   <li>{@code lstdq}: its fixed point directly, {@code (A - gamma M) theta = b} (LSTDQ; Lagoudakis
 *       &amp; Parr 2003, eq. 8).
 * </ul>
 *
 * Marginal ratios are the linear MWL / DualDICE solution with the same features (Uehara, Huang
 * &amp; Jiang 2020, §4.1, the linear case in closed form): {@code w = phi' beta} with {@code (A -
 * gamma M)' beta = sum over training episodes of phi_pi(s_0)}, so that in sample {@code mis}
 * equals LSTDQ's {@code dm}. Memory: {@code O((K d)^2)}; the data are read once per fit.
 */
public final class LinearFqe implements QFitter {

  /** How the fixed point is reached. */
  public enum Solve { ITERATE, LSTDQ }

  static final int MAX_ITERATIONS = 100_000;
  /** Most coefficients K x dim(psi): the sums and solves are dense, O(p^2) memory, O(p^3) time. */
  static final int MAX_COEFFICIENTS = 4_000;
  static final double TOLERANCE = 1e-13;

  private final double alpha;
  private final Solve solve;

  private LinearFqe(double alpha, Solve solve) {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("fqe-linear: alpha must be a finite number >= 0, got " + alpha);
    }
    this.alpha = alpha;
    this.solve = solve;
  }

  /** Ridge {@code alpha} on every coefficient; {@code solve} the iteration or LSTDQ. */
  public static LinearFqe of(double alpha, Solve solve) {
    return new LinearFqe(alpha, solve);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "fqe-linear(alpha=%s, %s)", alpha,
        solve.name().toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean givesRatios() {
    return true;
  }

  /** Dimension of {@code psi(s)}. */
  static int stateDimension(TransitionLog log) {
    return log.tabular ? log.states : log.width + 1;
  }

  /** Writes {@code psi(s_row)} into {@code out}. */
  static void psi(TransitionLog log, int row, double[] out) {
    if (log.tabular) {
      java.util.Arrays.fill(out, 0.0);
      out[(int) log.state[row]] = 1.0;
    } else {
      out[0] = 1.0;
      System.arraycopy(log.state, row * log.width, out, 1, log.width);
    }
  }

  /** The sums of the training steps for one policy. */
  static final class Sums {
    final int d;
    final int p;
    final DMatrixRMaj a;
    final DMatrixRMaj m;
    final DMatrixRMaj b;
    final DMatrixRMaj initial;

    Sums(TransitionLog log, int policy, boolean[] train, double alpha) {
      int k = log.actions;
      d = stateDimension(log);
      p = k * d;
      if (p > MAX_COEFFICIENTS) {
        throw new IllegalArgumentException(log.name + ": fqe-linear has " + p + " coefficients ("
            + k + " actions x " + d + " state features), more than its dense solves take ("
            + MAX_COEFFICIENTS + ")");
      }
      a = new DMatrixRMaj(p, p);
      m = new DMatrixRMaj(p, p);
      b = new DMatrixRMaj(p, 1);
      initial = new DMatrixRMaj(p, 1);
      double[] am = a.data;
      double[] mm = m.data;
      double[] here = new double[d];
      double[] there = new double[d];
      double[] pi = log.pi[policy];
      for (int e = 0; e < log.episodes; e++) {
        if (!train[e]) {
          continue;
        }
        psi(log, log.start[e], here);
        for (int c = 0; c < k; c++) {
          double prob = pi[log.start[e] * k + c];
          for (int u = 0; u < d; u++) {
            initial.data[c * d + u] += prob * here[u];
          }
        }
        for (int i = log.start[e]; i < log.start[e + 1]; i++) {
          psi(log, i, here);
          int block = log.action[i] * d;
          double r = log.reward[i];
          for (int u = 0; u < d; u++) {
            double hu = here[u];
            if (hu == 0.0) {
              continue;
            }
            b.data[block + u] += hu * r;
            int rowBase = (block + u) * p;
            for (int v = 0; v < d; v++) {
              am[rowBase + block + v] += hu * here[v];
            }
          }
          int j = log.next(i, e);
          if (j < 0) {
            continue;
          }
          psi(log, j, there);
          for (int c = 0; c < k; c++) {
            double prob = pi[j * k + c];
            if (prob == 0.0) {
              continue;
            }
            for (int u = 0; u < d; u++) {
              double hu = here[u] * prob;
              if (hu == 0.0) {
                continue;
              }
              int rowBase = (block + u) * p + c * d;
              for (int v = 0; v < d; v++) {
                mm[rowBase + v] += hu * there[v];
              }
            }
          }
        }
      }
      for (int i = 0; i < p; i++) {
        am[i * p + i] += alpha;
      }
    }
  }

  @Override
  public int fit(TransitionLog log, int policy, double gamma, boolean[] train, boolean[] predict,
      double[] q, double[] ratio) {
    Sums sums = new Sums(log, policy, train, alpha);
    DMatrixRMaj theta = solve == Solve.LSTDQ ? lstdq(sums, gamma) : iterate(sums, gamma, log.name);
    DMatrixRMaj system = fixedPointSystem(sums, gamma);
    DMatrixRMaj beta = new DMatrixRMaj(sums.p, 1);
    DMatrixRMaj transposed = CommonOps_DDRM.transpose(system, null);
    if (!CommonOps_DDRM.solve(transposed, sums.initial, beta)) {
      throw singular(log.name);
    }
    int k = log.actions;
    int d = sums.d;
    double[] psi = new double[d];
    for (int e = 0; e < log.episodes; e++) {
      if (!predict[e]) {
        continue;
      }
      for (int i = log.start[e]; i < log.start[e + 1]; i++) {
        psi(log, i, psi);
        for (int c = 0; c < k; c++) {
          q[i * k + c] = dot(theta.data, c * d, psi);
        }
        ratio[i] = dot(beta.data, log.action[i] * d, psi);
      }
    }
    return 0;
  }

  private static double dot(double[] coefficients, int from, double[] psi) {
    double total = 0.0;
    for (int u = 0; u < psi.length; u++) {
      total += coefficients[from + u] * psi[u];
    }
    return total;
  }

  /** {@code A - gamma M}. */
  static DMatrixRMaj fixedPointSystem(Sums sums, double gamma) {
    DMatrixRMaj system = new DMatrixRMaj(sums.p, sums.p);
    CommonOps_DDRM.add(sums.a, -gamma, sums.m, system);
    return system;
  }

  static DMatrixRMaj lstdq(Sums sums, double gamma) {
    DMatrixRMaj theta = new DMatrixRMaj(sums.p, 1);
    if (!CommonOps_DDRM.solve(fixedPointSystem(sums, gamma), sums.b, theta)) {
      throw new IllegalArgumentException("fqe-linear: the LSTDQ system is singular; raise alpha");
    }
    return theta;
  }

  /** {@code theta <- h + G theta} with {@code h = A^-1 b}, {@code G = gamma A^-1 M}. */
  static DMatrixRMaj iterate(Sums sums, double gamma, String name) {
    int p = sums.p;
    DMatrixRMaj inverse = sums.a.copy();
    if (!CommonOps_DDRM.invert(inverse)) {
      throw singular(name);
    }
    DMatrixRMaj h = new DMatrixRMaj(p, 1);
    CommonOps_DDRM.mult(inverse, sums.b, h);
    DMatrixRMaj g = new DMatrixRMaj(p, p);
    CommonOps_DDRM.mult(gamma, inverse, sums.m, g);
    double[] theta = new double[p];
    double[] updated = new double[p];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double moved = 0.0;
      double largest = 0.0;
      for (int i = 0; i < p; i++) {
        double value = h.data[i];
        int base = i * p;
        for (int j = 0; j < p; j++) {
          value += g.data[base + j] * theta[j];
        }
        updated[i] = value;
        moved = Math.max(moved, Math.abs(value - theta[i]));
        largest = Math.max(largest, Math.abs(value));
      }
      double[] swap = theta;
      theta = updated;
      updated = swap;
      if (moved <= TOLERANCE * Math.max(largest, Double.MIN_NORMAL)) {
        return DMatrixRMaj.wrap(p, 1, theta);
      }
    }
    throw new IllegalArgumentException(name + ": fqe-linear did not converge in " + MAX_ITERATIONS
        + " iterations (with these features the iteration is not a contraction); try"
        + " fqe-linear:solve=lstdq or a larger alpha");
  }

  private static IllegalArgumentException singular(String name) {
    return new IllegalArgumentException(name + ": fqe-linear's system is singular (a feature"
        + " constant or unvisited?); give alpha > 0");
  }
}
