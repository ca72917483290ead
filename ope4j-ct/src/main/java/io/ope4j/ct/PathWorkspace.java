package io.ope4j.ct;

import java.util.Arrays;

/**
 * Per-worker scratch for one path: the features of every row and the TD transitions with their
 * integrated rewards (continuous_time.md §3). Reused across paths; allocation only on growth.
 */
final class PathWorkspace {

  private final CtProblem problem;
  private final Features features;
  private final RewardRule rewards;
  final int p;

  double[] phi = new double[0];
  int rows;
  int[] from = new int[0];
  int[] to = new int[0];
  /** R_j: discounted integral of r over the transition (excludes ergodic -VΔ). */
  double[] reward = new double[0];
  /** g_j = e^{-βΔ_j}. */
  double[] discount = new double[0];
  /** Δ_j = t_to - t_from. */
  double[] duration = new double[0];
  /** t at row 0 of the path. */
  double startTime;
  int transitions;
  double payoff;

  private double cachedSpacing = Double.NaN;
  private double[] cachedWeights;

  PathWorkspace(CtProblem problem, Features features, RewardRule rewards) {
    this.problem = problem;
    this.features = features;
    this.rewards = rewards;
    this.p = features.size();
  }

  /** Loads path {@code path} of {@code block}: features and transitions. */
  void load(PathBlock block, int path) {
    int first = block.offsets()[path];
    rows = block.rowsOf(path);
    int d = block.dim();
    if (phi.length < rows * p) {
      phi = new double[Math.max(rows * p, phi.length * 2)];
    }
    double[] t = block.t();
    double[] x = block.x();
    for (int i = 0; i < rows; i++) {
      double time = t[first + i];
      features.values(time, problem.timeToGo(time), x, (first + i) * d, phi, i * p);
    }
    startTime = t[first];
    payoff = block.payoff()[path];
    buildTransitions(t, block.r(), first);
  }

  private void buildTransitions(double[] t, double[] r, int first) {
    int window = rewards.window();
    int count = (rows - 1 + window - 1) / window;
    if (from.length < count) {
      int size = Math.max(count, from.length * 2);
      from = new int[size];
      to = new int[size];
      reward = new double[size];
      discount = new double[size];
      duration = new double[size];
    }
    double beta = problem.beta();
    double lastSpan = Double.NaN;
    double lastDiscount = Double.NaN;
    int j = 0;
    for (int a = 0; a < rows - 1; a += window, j++) {
      int b = Math.min(a + window, rows - 1);
      double ta = t[first + a];
      double span = t[first + b] - ta;
      from[j] = a;
      to[j] = b;
      duration[j] = span;
      if (span != lastSpan) { // equispaced grids need one exp per path, not one per step
        lastSpan = span;
        lastDiscount = Math.exp(-beta * span); // g = e^{-βΔt}, continuous_time.md §3
      }
      discount[j] = lastDiscount;
      reward[j] = b - a == window && !rewards.isComposite()
          ? weighted(t, r, first + a, ta, span)
          : composite(t, r, first + a, first + b, ta, beta);
    }
    transitions = count;
  }

  /** Left or trapezoid over each step (continuous_time.md §3: R = rΔt or (Δt/2)(r_k + g r_{k+1})). */
  private double composite(double[] t, double[] r, int a, int b, double ta, double beta) {
    boolean left = rewards.isLeft();
    double sum = 0;
    double weightA = Math.exp(-beta * (t[a] - ta));
    for (int k = a; k < b; k++) {
      double h = t[k + 1] - t[k];
      double weightB = beta == 0 ? 1 : Math.exp(-beta * (t[k + 1] - ta));
      sum += left ? h * weightA * r[k] : h / 2 * (weightA * r[k] + weightB * r[k + 1]);
      weightA = weightB;
    }
    return sum;
  }

  /** Σ_j w_j e^{-β(t_j - t_a)} r_j with the rule's weights for an equispaced window (§5). */
  private double weighted(double[] t, double[] r, int a, double ta, double span) {
    int window = rewards.window();
    double h = span / window;
    for (int k = a; k < a + window; k++) {
      double step = t[k + 1] - t[k];
      if (Math.abs(step - h) > 1e-6 * h) {
        throw new IllegalArgumentException(rewards.rule().id() + " needs equispaced times within a window; found steps "
            + step + " and " + h + " near t = " + t[k]);
      }
    }
    if (cachedWeights == null || Math.abs(h - cachedSpacing) > 1e-12 * h) {
      cachedWeights = rewards.rule().weights(window + 1, 0, span);
      cachedSpacing = h;
    }
    double beta = problem.beta();
    double sum = 0;
    for (int j = 0; j <= window; j++) {
      sum += cachedWeights[j] * (beta == 0 ? 1 : Math.exp(-beta * (t[a + j] - ta))) * r[a + j];
    }
    return sum;
  }

  /** Smallest, largest and summed Δ of the loaded transitions, into {@code out[0..2]}. */
  void durationStats(double[] out) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    double sum = 0;
    for (int j = 0; j < transitions; j++) {
      min = Math.min(min, duration[j]);
      max = Math.max(max, duration[j]);
      sum += duration[j];
    }
    out[0] = min;
    out[1] = max;
    out[2] = sum;
  }

  static double[] grow(double[] array, int size) {
    return array.length >= size ? array : Arrays.copyOf(array, size);
  }
}
