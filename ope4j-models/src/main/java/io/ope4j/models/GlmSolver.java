package io.ope4j.models;

import io.ope4j.rewardmodel.RewardData;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Exact penalised fits of a generalised linear model on the rows of one group, by Newton's method
 * (iteratively reweighted least squares) with a Cholesky solve on EJML:
 *
 * <pre>
 *   minimise  sum_i s_i loss(y_i, eta_i) + (lambda / 2) sum_{j >= 1} beta_j^2,   eta_i = beta . z_i
 * </pre>
 *
 * with {@code s_i} the sample weights and the intercept {@code beta_0} unpenalised:
 *
 * <ul>
 *   <li>{@link Family#LOGISTIC}: {@code loss = log(1 + exp(eta)) - y eta}, the negative Bernoulli
 *       log-likelihood; with {@code lambda = 1 / C} this is scikit-learn's {@code
 *       LogisticRegression(penalty="l2", C=C)} objective {@code 1/2 ||w||^2 + C sum_i s_i loss_i}
 *       divided by C (scikit-learn User Guide §1.1.11, "Logistic regression");
 *   <li>{@link Family#GAUSSIAN}: {@code loss = (y - eta)^2 / 2}; with {@code lambda = alpha} this
 *       is scikit-learn's {@code Ridge(alpha)} objective {@code ||y - Xw||^2 + alpha ||w||^2}
 *       halved, the intercept unpenalised as with {@code fit_intercept=True} (§1.1.2).
 * </ul>
 *
 * <p>Newton step: {@code beta <- beta - H^-1 g} with {@code g = sum_i s_i (mu_i - y_i) z_i +
 * lambda beta_pen} and {@code H = sum_i s_i v_i z_i z_i' + lambda I_pen}, {@code mu = eta},
 * {@code v = 1} (Gaussian) or {@code mu = sigmoid(eta)}, {@code v = mu (1 - mu)} (logistic)
 * (Hastie, Tibshirani &amp; Friedman, ESL 2nd ed., §4.4.1, eq. 4.26-4.28, with the penalty
 * added). A step that raises the objective is halved until it does not. The Gaussian objective
 * is quadratic: one step from 0 is the exact optimum.
 *
 * <p>Sums run over blocks of {@value #BLOCK_ROWS} rows, each into its own partial arrays, added
 * in block order: the result does not depend on the number of threads.
 */
final class GlmSolver {

  enum Family { LOGISTIC, GAUSSIAN }

  static final int BLOCK_ROWS = 8192;
  static final int MAX_ITERATIONS = 100;
  private static final int MAX_HALVINGS = 60;

  private final Family family;
  private final RewardData data;
  private final FeatureLayout layout;
  private final int[] rows;
  private final double lambda;
  private final Parallel parallel;
  private final double tolerance;
  private final int size;
  private final int blocks;
  private final double[][] blockGradient;
  private final double[][] blockHessian;
  private final double[] blockLoss;

  /**
   * @param rows indices into {@code data} of this group's rows
   * @param tolerance relative size of the last Newton step at which to stop
   */
  GlmSolver(Family family, RewardData data, FeatureLayout layout, int[] rows, double lambda, Parallel parallel,
      double tolerance) {
    this.family = family;
    this.data = data;
    this.layout = layout;
    this.rows = rows;
    this.lambda = lambda;
    this.parallel = parallel;
    this.tolerance = tolerance;
    this.size = layout.size;
    this.blocks = Math.max(1, (rows.length + BLOCK_ROWS - 1) / BLOCK_ROWS);
    this.blockGradient = new double[blocks][size];
    this.blockHessian = new double[blocks][size * size];
    this.blockLoss = new double[blocks];
  }

  /** The penalised optimum, starting from {@code start} (modified and returned). */
  double[] fit(double[] start) {
    double[] beta = start;
    double[] gradient = new double[size];
    double[] hessian = new double[size * size];
    double loss = pass(beta, gradient, hessian);
    if (family == Family.GAUSSIAN) {
      double[] step = newtonStep(gradient, hessian);
      for (int j = 0; j < size; j++) {
        beta[j] += step[j];
      }
      return beta;
    }
    double[] previous = new double[size];
    for (int iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
      double[] step = newtonStep(gradient, hessian);
      System.arraycopy(beta, 0, previous, 0, size);
      double scale = 1.0;
      double next = Double.NaN;
      for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
        for (int j = 0; j < size; j++) {
          beta[j] = previous[j] + scale * step[j];
        }
        next = pass(beta, gradient, hessian);
        // Accept when the objective does not rise beyond rounding.
        if (next <= loss + 1e-12 * (1.0 + Math.abs(loss))) {
          break;
        }
        scale *= 0.5;
      }
      if (!(next <= loss + 1e-12 * (1.0 + Math.abs(loss)))) {
        throw new IllegalStateException("logistic regression: no Newton step lowers the objective (iteration "
            + iteration + ", objective " + loss + ")");
      }
      loss = next;
      double largestStep = 0.0;
      double largestCoefficient = 0.0;
      for (int j = 0; j < size; j++) {
        largestStep = Math.max(largestStep, Math.abs(scale * step[j]));
        largestCoefficient = Math.max(largestCoefficient, Math.abs(beta[j]));
      }
      if (largestStep <= tolerance * (1.0 + largestCoefficient)) {
        return beta;
      }
    }
    throw new IllegalStateException("logistic regression did not converge in " + MAX_ITERATIONS
        + " Newton iterations (is the data separable with a very large C?)");
  }

  /** Solves {@code H step = -g} by Cholesky; adds a little ridge if rounding made H indefinite. */
  private double[] newtonStep(double[] gradient, double[] hessian) {
    DMatrixRMaj b = new DMatrixRMaj(size, 1);
    for (int j = 0; j < size; j++) {
      b.data[j] = -gradient[j];
    }
    double largestDiagonal = 0.0;
    for (int j = 0; j < size; j++) {
      largestDiagonal = Math.max(largestDiagonal, hessian[j * size + j]);
    }
    double jitter = 0.0;
    for (int attempt = 0; attempt < 8; attempt++) {
      DMatrixRMaj a = new DMatrixRMaj(size, size);
      System.arraycopy(hessian, 0, a.data, 0, size * size);
      for (int j = 0; j < size; j++) {
        a.data[j * size + j] += jitter;
      }
      LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(size);
      if (cholesky.setA(a)) {
        DMatrixRMaj x = new DMatrixRMaj(size, 1);
        cholesky.solve(b, x);
        if (allFinite(x.data)) {
          return x.data;
        }
      }
      jitter = jitter == 0.0 ? 1e-12 * Math.max(largestDiagonal, 1e-300) : jitter * 100.0;
    }
    throw new IllegalStateException("the Hessian of the reward-model fit is singular (" + size
        + " coefficients, " + rows.length + " rows)");
  }

  private static boolean allFinite(double[] values) {
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The penalised objective at {@code beta}; writes its gradient and (full, symmetric) Hessian.
   */
  double pass(double[] beta, double[] gradient, double[] hessian) {
    parallel.run(blocks, b -> accumulateBlock(b, beta));
    java.util.Arrays.fill(gradient, 0.0);
    java.util.Arrays.fill(hessian, 0.0);
    double loss = 0.0;
    for (int b = 0; b < blocks; b++) {
      loss += blockLoss[b];
      double[] g = blockGradient[b];
      for (int j = 0; j < size; j++) {
        gradient[j] += g[j];
      }
      double[] h = blockHessian[b];
      for (int j = 0; j < size; j++) {
        int base = j * size;
        for (int l = j; l < size; l++) {
          hessian[base + l] += h[base + l];
        }
      }
    }
    for (int j = 0; j < size; j++) {
      for (int l = j + 1; l < size; l++) {
        hessian[l * size + j] = hessian[j * size + l];
      }
    }
    for (int j = 1; j < size; j++) { // the intercept (j = 0) is not penalised
      loss += 0.5 * lambda * beta[j] * beta[j];
      gradient[j] += lambda * beta[j];
      hessian[j * size + j] += lambda;
    }
    return loss;
  }

  private void accumulateBlock(int block, double[] beta) {
    double[] gradient = blockGradient[block];
    double[] hessian = blockHessian[block];
    java.util.Arrays.fill(gradient, 0.0);
    java.util.Arrays.fill(hessian, 0.0);
    int denseSize = layout.denseSize;
    double[] dense = new double[denseSize];
    int[] hot = new int[2];
    double[] contexts = data.contexts();
    int dim = data.dim();
    int[] actions = data.actions();
    int[] positions = data.positions();
    double[] rewards = data.rewards();
    double[] weights = data.sampleWeights();
    boolean logistic = family == Family.LOGISTIC;
    double loss = 0.0;
    int from = block * BLOCK_ROWS;
    int to = Math.min(rows.length, from + BLOCK_ROWS);
    for (int r = from; r < to; r++) {
      int i = rows[r];
      double s = weights == null ? 1.0 : weights[i];
      if (s == 0.0) {
        continue;
      }
      int p = layout.usePositions ? positions[i] : 0;
      int hotCount = layout.fill(contexts, i * dim, actions[i], p, dense, hot);
      double eta = 0.0;
      for (int j = 0; j < denseSize; j++) {
        eta += beta[j] * dense[j];
      }
      for (int h = 0; h < hotCount; h++) {
        eta += beta[hot[h]];
      }
      double y = rewards[i];
      double residual;
      double curvature;
      if (logistic) {
        // Bernoulli deviance/2, its gradient (mu - y) z and IRLS weight mu (1 - mu) (ESL eq. 4.20-4.24)
        double mu = sigmoid(eta);
        residual = s * (mu - y);
        curvature = s * mu * (1.0 - mu);
        loss += s * (softplus(eta) - y * eta);
      } else {
        // Squared error / 2: gradient (eta - y) z, curvature z z' (the normal equations)
        residual = s * (eta - y);
        curvature = s;
        loss += 0.5 * s * (eta - y) * (eta - y);
      }
      addOuterProduct(gradient, hessian, dense, denseSize, hot, hotCount, residual, curvature);
    }
    blockLoss[block] = loss;
  }

  /** Adds {@code residual * z} to the gradient and {@code curvature * z z'} to the upper triangle. */
  private void addOuterProduct(double[] gradient, double[] hessian, double[] dense, int denseSize, int[] hot,
      int hotCount, double residual, double curvature) {
    for (int j = 0; j < denseSize; j++) {
      double zj = dense[j];
      gradient[j] += residual * zj;
      double scaled = curvature * zj;
      int base = j * size;
      for (int l = j; l < denseSize; l++) {
        hessian[base + l] += scaled * dense[l];
      }
      for (int h = 0; h < hotCount; h++) {
        hessian[base + hot[h]] += scaled;
      }
    }
    for (int h = 0; h < hotCount; h++) {
      int column = hot[h];
      gradient[column] += residual;
      hessian[column * size + column] += curvature;
      for (int h2 = h + 1; h2 < hotCount; h2++) {
        hessian[column * size + hot[h2]] += curvature; // action columns precede position columns
      }
    }
  }

  /** The logistic function, without overflow for large |eta|. */
  static double sigmoid(double eta) {
    if (eta >= 0) {
      return 1.0 / (1.0 + Math.exp(-eta));
    }
    double e = Math.exp(eta);
    return e / (1.0 + e);
  }

  /** {@code log(1 + exp(eta))} without overflow. */
  static double softplus(double eta) {
    return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
  }
}
