package io.ope4j.models;

import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.policy.Policy;
import java.util.Arrays;

/**
 * L2-regularised multinomial (softmax) logistic regression of a class (an action) on a context,
 * used to estimate a behaviour policy when a log has no propensities and as a classifier policy
 * in the supervised-to-bandit protocol. It minimises
 *
 * <pre>
 *   sum_i s_i [ log sum_k exp(eta_ik) - eta_{i, y_i} ] + ||W||^2 / (2C),   eta_ik = b_k + w_k . x_i
 * </pre>
 *
 * over all K weight vectors {@code w_k} (penalised) and intercepts {@code b_k} (not penalised),
 * scikit-learn's {@code LogisticRegression(multi_class="multinomial", C=C)} objective divided by
 * C (User Guide §1.1.11.1, "Multinomial case"). The fitted model is a {@link Policy}: {@code
 * pi(k | x) = exp(eta_k) / sum_l exp(eta_l)}.
 *
 * <p>Solver: truncated Newton (Newton-CG, Nocedal &amp; Wright, Numerical Optimization 2nd ed.,
 * Algorithm 7.1) with exact Hessian-vector products {@code (Hv)_k = sum_i s_i p_ik (u_ik -
 * sum_l p_il u_il) z_i + v_k / C}, {@code u_ik = v_k . z_i}, a Jacobi preconditioner, and an
 * Armijo backtracking line search; it never forms the {@code K(d+1)}-square Hessian. It stops when
 * every component of the objective's gradient divided by the total sample weight is below the
 * tolerance, or a full Newton step changes no coefficient by more than the tolerance relative to
 * the largest coefficient. Passes over
 * rows run in fixed blocks added in order: the fit does not depend on the number of threads.
 * Immutable.
 */
public final class SoftmaxRegression {

  static final int BLOCK_ROWS = 4096;
  private static final int MAX_NEWTON = 100;

  private final double c;
  private final int threads;
  private final double tolerance;

  private SoftmaxRegression(double c, int threads, double tolerance) {
    if (!(c > 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("C must be positive and finite, got " + c);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.c = c;
    this.threads = threads;
    this.tolerance = tolerance;
  }

  /** Inverse regularisation strength C; all cores; tolerance 1e-8. */
  public static SoftmaxRegression withC(double c) {
    return new SoftmaxRegression(c, LinearFits.defaultThreads(), 1e-8);
  }

  public SoftmaxRegression threads(int newThreads) {
    return new SoftmaxRegression(c, newThreads, tolerance);
  }

  public SoftmaxRegression tolerance(double newTolerance) {
    return new SoftmaxRegression(c, threads, newTolerance);
  }

  public double c() {
    return c;
  }

  /** E.g. {@code softmax(C=1)}. */
  public String describe() {
    return "softmax(C=" + Numbers.format(c) + ")";
  }

  /**
   * Fits the model.
   *
   * @param contexts row-major features, {@code contexts[i * dim + j]}; not modified
   * @param labels class of each row, in [0, classes)
   * @param weights sample weights (finite, >= 0) or null
   * @throws IllegalArgumentException on a label out of range, a bad weight, a non-finite
   *     feature, or fewer than 2 classes
   */
  public Fitted fit(double[] contexts, int dim, int[] labels, double[] weights, int classes) {
    int n = labels.length;
    if (classes < 2) {
      throw new IllegalArgumentException("softmax regression needs at least 2 classes, got " + classes);
    }
    if (contexts.length != (long) n * dim) {
      throw new IllegalArgumentException("contexts has " + contexts.length + " values, expected " + (long) n * dim);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException("row " + (i + 1) + ": class " + labels[i] + " outside [0, " + classes + ")");
      }
      if (weights != null && (!(weights[i] >= 0) || Double.isInfinite(weights[i]))) {
        throw new IllegalArgumentException("row " + (i + 1) + ": sample weight must be finite and >= 0, got " + weights[i]);
      }
    }
    for (int v = 0; v < contexts.length; v++) {
      if (!Double.isFinite(contexts[v])) {
        throw new IllegalArgumentException("row " + (v / dim + 1) + ", feature " + (v % dim) + ": not finite: " + contexts[v]);
      }
    }
    try (Parallel parallel = new Parallel(threads)) {
      return new Fitted(new Solver(contexts, dim, labels, weights, classes, 1.0 / c, parallel).solve(tolerance),
          classes, dim);
    }
  }

  /** A fitted softmax model; as a {@link Policy}, the class probabilities. Immutable, thread-safe. */
  public static final class Fitted implements Policy {
    /** {@code [k * (dim + 1) + 0]} intercept of class k, {@code [k * (dim + 1) + 1 + j]} weight j. */
    private final double[] coefficients;
    private final int classes;
    private final int dim;

    Fitted(double[] coefficients, int classes, int dim) {
      this.coefficients = coefficients;
      this.classes = classes;
      this.dim = dim;
    }

    @Override
    public int nActions() {
      return classes;
    }

    public int dim() {
      return dim;
    }

    /** The coefficients (a copy): class k's intercept at {@code k (dim + 1)}, then its weights. */
    public double[] coefficients() {
      return coefficients.clone();
    }

    @Override
    public void probabilities(double[] contexts, int contextDim, int[] positions, int rows, double[] out) {
      if (contextDim != dim) {
        throw new IllegalArgumentException("the model was fitted on " + dim + " features, got " + contextDim);
      }
      for (int i = 0; i < rows; i++) {
        softmax(coefficients, classes, dim, contexts, i * dim, out, i * classes);
      }
    }

    /** The most probable class of each row (the smallest index on ties). */
    public void argmax(double[] contexts, int rows, int[] out) {
      double[] p = new double[classes];
      for (int i = 0; i < rows; i++) {
        softmax(coefficients, classes, dim, contexts, i * dim, p, 0);
        int best = 0;
        for (int k = 1; k < classes; k++) {
          if (p[k] > p[best]) {
            best = k;
          }
        }
        out[i] = best;
      }
    }
  }

  /**
   * Cross-fitting: per fold the coefficients of this model fitted on the rows that train it ({@link
   * CrossFitting.Assignment#trains}), null for a fold that holds no row to predict.
   *
   * @param x row-major features, {@code width} per row; not modified
   * @param what the model's name in the message when a fold leaves no row to fit on
   * @throws IllegalArgumentException when a fold leaves no row to fit on, or as {@link #fit}
   */
  double[][] fitPerFold(double[] x, int width, int[] labels, int classes, CrossFitting.Assignment folds, String what) {
    int n = labels.length;
    double[][] coefficients = new double[folds.sizes().length][];
    for (int f = 0; f < coefficients.length; f++) {
      int training = folds.trainingRows(f);
      if (training == 0) {
        throw new IllegalArgumentException("fold " + f + " leaves no row to fit the " + what + " on");
      }
      if (folds.sizes()[f] == 0) {
        continue;
      }
      double[] rows = new double[training * width];
      int[] trainingLabels = new int[training];
      int j = 0;
      for (int i = 0; i < n; i++) {
        if (folds.trains(i, f)) {
          System.arraycopy(x, i * width, rows, j * width, width);
          trainingLabels[j++] = labels[i];
        }
      }
      coefficients[f] = fit(rows, width, trainingLabels, null, classes).coefficients();
    }
    return coefficients;
  }

  /** Stable softmax of the linear scores of one row into {@code out[offset, offset + classes)}. */
  static void softmax(double[] beta, int classes, int dim, double[] contexts, int contextOffset, double[] out,
      int offset) {
    int stride = dim + 1;
    double largest = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      double eta = beta[k * stride];
      for (int j = 0; j < dim; j++) {
        eta += beta[k * stride + 1 + j] * contexts[contextOffset + j];
      }
      out[offset + k] = eta;
      largest = Math.max(largest, eta);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      double e = Math.exp(out[offset + k] - largest);
      out[offset + k] = e;
      sum += e;
    }
    for (int k = 0; k < classes; k++) {
      out[offset + k] /= sum;
    }
  }

  /** Newton-CG over the rows, with the row probabilities of the current iterate cached. */
  private static final class Solver {
    private final double[] x;
    private final int dim;
    private final int[] labels;
    private final double[] weights;
    private final int classes;
    private final double lambda;
    private final Parallel parallel;
    private final int size;
    private final int n;
    private final int blocks;
    private final double[] probabilities;
    private final double[][] partial;
    private final double[] blockLoss;

    Solver(double[] x, int dim, int[] labels, double[] weights, int classes, double lambda, Parallel parallel) {
      this.x = x;
      this.dim = dim;
      this.labels = labels;
      this.weights = weights;
      this.classes = classes;
      this.lambda = lambda;
      this.parallel = parallel;
      this.size = classes * (dim + 1);
      this.n = labels.length;
      this.blocks = Math.max(1, (n + BLOCK_ROWS - 1) / BLOCK_ROWS);
      this.probabilities = new double[Math.multiplyExact(n, classes)];
      this.partial = new double[blocks][2 * size];
      this.blockLoss = new double[blocks];
    }

    double[] solve(double tolerance) {
      double[] beta = new double[size];
      double[] gradient = new double[size];
      double[] diagonal = new double[size];
      double loss = lossGradient(beta, gradient, diagonal);
      double totalWeight = 0;
      for (int i = 0; i < n; i++) {
        totalWeight += weights == null ? 1.0 : weights[i];
      }
      // The gradient of the mean loss below the tolerance in every coefficient.
      double gradientTolerance = tolerance * Math.max(1.0, totalWeight);
      if (largestAbs(gradient) <= gradientTolerance) {
        return beta;
      }
      double[] trial = new double[size];
      int stalled = 0;
      for (int iteration = 0; iteration < MAX_NEWTON; iteration++) {
        double[] step = conjugateGradient(gradient, diagonal);
        centreIntercepts(step);
        double slope = dot(gradient, step);
        if (!(slope < 0)) {
          return beta; // no descent direction left: at the optimum up to rounding
        }
        double scale = 1.0;
        double next = Double.NaN;
        for (int halving = 0; halving < 60; halving++) {
          for (int j = 0; j < size; j++) {
            trial[j] = beta[j] + scale * step[j];
          }
          next = loss(trial);
          if (next <= loss + 1e-4 * scale * slope) {
            break;
          }
          scale *= 0.5;
        }
        if (!(next <= loss + 1e-4 * scale * slope)) {
          return beta; // no further decrease representable
        }
        double largestStep = 0;
        double largestCoefficient = 0;
        for (int j = 0; j < size; j++) {
          beta[j] = trial[j];
          largestStep = Math.max(largestStep, Math.abs(scale * step[j]));
          largestCoefficient = Math.max(largestCoefficient, Math.abs(beta[j]));
        }
        double previousLoss = loss;
        loss = lossGradient(beta, gradient, diagonal);
        // No representable progress twice running: as close to the optimum as doubles allow.
        stalled = previousLoss - loss <= 1e-15 * Math.abs(loss) ? stalled + 1 : 0;
        if (stalled >= 2) {
          return beta;
        }
        if (scale == 1.0 && largestStep <= tolerance * (1.0 + largestCoefficient)
            || largestAbs(gradient) <= gradientTolerance) {
          return beta;
        }
      }
      throw new IllegalStateException("softmax regression did not converge in " + MAX_NEWTON + " Newton iterations");
    }

    /**
     * Removes the common shift of the intercepts from a step: it changes no probability (the
     * Hessian is singular along it) and would otherwise keep the step from shrinking to zero.
     */
    private void centreIntercepts(double[] step) {
      int stride = dim + 1;
      double mean = 0;
      for (int k = 0; k < classes; k++) {
        mean += step[k * stride];
      }
      mean /= classes;
      for (int k = 0; k < classes; k++) {
        step[k * stride] -= mean;
      }
    }

    /** Preconditioned CG on {@code H step = -gradient}, to a relative residual of min(0.5, sqrt(|g|)). */
    private double[] conjugateGradient(double[] gradient, double[] diagonal) {
      double[] step = new double[size];
      double[] residual = new double[size];
      double[] preconditioned = new double[size];
      double[] direction = new double[size];
      double[] product = new double[size];
      for (int j = 0; j < size; j++) {
        residual[j] = -gradient[j];
        preconditioned[j] = residual[j] / diagonal[j];
        direction[j] = preconditioned[j];
      }
      double gradientNorm = Math.sqrt(dot(gradient, gradient));
      double target = Math.min(0.5, Math.sqrt(gradientNorm)) * gradientNorm;
      double rz = dot(residual, preconditioned);
      for (int iteration = 0; iteration < Math.max(size, 10); iteration++) {
        if (Math.sqrt(dot(residual, residual)) <= target) {
          break;
        }
        hessianTimes(direction, product);
        double curvature = dot(direction, product);
        if (!(curvature > 0)) {
          break;
        }
        double alpha = rz / curvature;
        for (int j = 0; j < size; j++) {
          step[j] += alpha * direction[j];
          residual[j] -= alpha * product[j];
          preconditioned[j] = residual[j] / diagonal[j];
        }
        double next = dot(residual, preconditioned);
        double ratio = next / rz;
        rz = next;
        for (int j = 0; j < size; j++) {
          direction[j] = preconditioned[j] + ratio * direction[j];
        }
      }
      return step;
    }

    /** Objective only, at {@code beta}. */
    private double loss(double[] beta) {
      parallel.run(blocks, b -> blockLoss[b] = blockLoss(b, beta));
      double total = penalty(beta);
      for (int b = 0; b < blocks; b++) {
        total += blockLoss[b];
      }
      return total;
    }

    private double blockLoss(int block, double[] beta) {
      double[] p = new double[classes];
      double loss = 0;
      int to = Math.min(n, (block + 1) * BLOCK_ROWS);
      for (int i = block * BLOCK_ROWS; i < to; i++) {
        double s = weights == null ? 1.0 : weights[i];
        if (s == 0.0) {
          continue;
        }
        softmax(beta, classes, dim, x, i * dim, p, 0);
        loss -= s * Math.log(p[labels[i]]);
      }
      return loss;
    }

    private double penalty(double[] beta) {
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        for (int j = 1; j <= dim; j++) {
          double w = beta[k * (dim + 1) + j];
          sum += w * w;
        }
      }
      return 0.5 * lambda * sum;
    }

    /** Objective, gradient and Hessian diagonal at {@code beta}; caches the row probabilities. */
    private double lossGradient(double[] beta, double[] gradient, double[] diagonal) {
      parallel.run(blocks, b -> blockGradient(b, beta));
      Arrays.fill(gradient, 0);
      Arrays.fill(diagonal, 0);
      double loss = penalty(beta);
      for (int b = 0; b < blocks; b++) {
        loss += blockLoss[b];
        for (int j = 0; j < size; j++) {
          gradient[j] += partial[b][j];
          diagonal[j] += partial[b][size + j];
        }
      }
      int stride = dim + 1;
      for (int k = 0; k < classes; k++) {
        for (int j = 1; j <= dim; j++) {
          gradient[k * stride + j] += lambda * beta[k * stride + j];
          diagonal[k * stride + j] += lambda;
        }
        // An intercept's curvature can vanish (a class with no weight): keep the preconditioner finite.
        diagonal[k * stride] = Math.max(diagonal[k * stride], 1e-12);
      }
      return loss;
    }

    private void blockGradient(int block, double[] beta) {
      double[] sums = partial[block];
      Arrays.fill(sums, 0);
      int stride = dim + 1;
      double loss = 0;
      int to = Math.min(n, (block + 1) * BLOCK_ROWS);
      for (int i = block * BLOCK_ROWS; i < to; i++) {
        softmax(beta, classes, dim, x, i * dim, probabilities, i * classes);
        double s = weights == null ? 1.0 : weights[i];
        if (s == 0.0) {
          continue;
        }
        loss -= s * Math.log(probabilities[i * classes + labels[i]]);
        // Multinomial log-loss gradient (p_k - 1[y = k]) z and Hessian diagonal p_k (1 - p_k) z_j^2
        for (int k = 0; k < classes; k++) {
          double p = probabilities[i * classes + k];
          double residual = s * (p - (labels[i] == k ? 1.0 : 0.0));
          double curvature = s * p * (1.0 - p);
          int base = k * stride;
          sums[base] += residual;
          sums[size + base] += curvature;
          for (int j = 0; j < dim; j++) {
            double xj = x[i * dim + j];
            sums[base + 1 + j] += residual * xj;
            sums[size + base + 1 + j] += curvature * xj * xj;
          }
        }
      }
      blockLoss[block] = loss;
    }

    /** {@code out = H v} at the cached probabilities. */
    private void hessianTimes(double[] v, double[] out) {
      parallel.run(blocks, b -> blockHessianTimes(b, v));
      Arrays.fill(out, 0);
      for (int b = 0; b < blocks; b++) {
        for (int j = 0; j < size; j++) {
          out[j] += partial[b][j];
        }
      }
      int stride = dim + 1;
      for (int k = 0; k < classes; k++) {
        for (int j = 1; j <= dim; j++) {
          out[k * stride + j] += lambda * v[k * stride + j];
        }
      }
    }

    private void blockHessianTimes(int block, double[] v) {
      double[] sums = partial[block];
      Arrays.fill(sums, 0, size, 0);
      int stride = dim + 1;
      double[] u = new double[classes];
      int to = Math.min(n, (block + 1) * BLOCK_ROWS);
      for (int i = block * BLOCK_ROWS; i < to; i++) {
        double s = weights == null ? 1.0 : weights[i];
        if (s == 0.0) {
          continue;
        }
        int xOffset = i * dim;
        double mean = 0;
        for (int k = 0; k < classes; k++) {
          int base = k * stride;
          double value = v[base];
          for (int j = 0; j < dim; j++) {
            value += v[base + 1 + j] * x[xOffset + j];
          }
          u[k] = value;
          mean += probabilities[i * classes + k] * value;
        }
        // (Hv)_k = p_k (u_k - sum_l p_l u_l) z: the softmax Hessian diag(p) - p p' applied to u
        for (int k = 0; k < classes; k++) {
          double t = s * probabilities[i * classes + k] * (u[k] - mean);
          int base = k * stride;
          sums[base] += t;
          for (int j = 0; j < dim; j++) {
            sums[base + 1 + j] += t * x[xOffset + j];
          }
        }
      }
    }

    private static double largestAbs(double[] values) {
      double largest = 0;
      for (double value : values) {
        largest = Math.max(largest, Math.abs(value));
      }
      return largest;
    }

    private static double dot(double[] a, double[] b) {
      double sum = 0;
      for (int j = 0; j < a.length; j++) {
        sum += a[j] * b[j];
      }
      return sum;
    }
  }
}
