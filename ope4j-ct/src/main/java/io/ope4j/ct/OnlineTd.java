package io.ope4j.ct;

import java.util.Locale;

/**
 * Online (stochastic-approximation) policy evaluation over many paths moving in lock step: at
 * each time step the increments of all active paths are averaged and applied once ("path-averaged
 * increments", continuous_time.md §4, §7 T7). With δ_i = g J^θ(t', x'_i) - J^θ(t, x_i) + R_i (J :=
 * h at a terminal observation):
 *
 * <ul>
 *   <li>TD(0): θ += α mean(∇J_i δ_i) (Jia &amp; Zhou, JMLR 2022, Alg. 2 with ξ = ∇J);</li>
 *   <li>TD(λ): e_i = λ^{Δ}e_i + ∇J_iΔ, θ += α mean(e_i δ_i) (Jia &amp; Zhou 2022, eq. 26);</li>
 *   <li>GTD2 (W = C⁻¹, two timescales): w += α_w mean(ξδ - ξ(ξᵀw)Δ), θ += α mean((∇J - g∇J')(ξᵀw))
 *       with ξ = ∇J (Sutton et al., ICML 2009, eq. 9–10; continuous_time.md §4 GMM/GTD2);</li>
 *   <li>online martingale loss: z_i = z_i/g + ∇J_iΔ, θ += α mean(e^{-2β(t-t_0)} z_i δ_i) (Jia
 *       &amp; Zhou 2022, eq. 20);</li>
 *   <li>ergodic TD: δ = J' - J + R - VΔ, θ += α mean(∇J δ), V += α_V mean(δ) (Jia &amp; Zhou 2022,
 *       Alg. 4).</li>
 * </ul>
 *
 * <p>Step sizes are per step and Δt-free: δ has mean O(Δt) and noise O(√Δt), so the continuous
 * limit is dθ = αξ dM (continuous_time.md §4 "Step sizes"). Polyak averages of the iterates from
 * step {@code averageFrom} on are kept too. Not thread-safe.
 */
public final class OnlineTd {

  /** The online algorithms. */
  public enum Algorithm {
    TD0("td0"), TD_LAMBDA("tdlambda"), GTD2("gtd2"), MARTINGALE("ml-online"), ERGODIC("ergodic-td");

    private final String id;

    Algorithm(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Algorithm parse(String text) {
      for (Algorithm a : values()) {
        if (a.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
          return a;
        }
      }
      throw new io.ope4j.data.UsageException("online algorithm must be td0, tdlambda, gtd2, ml-online or ergodic-td, got '"
          + text + "'");
    }
  }

  /**
   * @param algorithm which update
   * @param alpha step size of θ per step
   * @param alphaAux step size of GTD2's w or ergodic TD's V
   * @param lambda trace decay per unit time (TD(λ)), in (0, 1]
   * @param averageFrom first step whose iterate enters the Polyak average
   */
  public record Options(Algorithm algorithm, double alpha, double alphaAux, double lambda, long averageFrom) {
    public Options {
      if (!(alpha > 0) || !(alphaAux > 0) || Double.isInfinite(alpha) || Double.isInfinite(alphaAux)) {
        throw new IllegalArgumentException("step sizes must be positive and finite, got " + alpha + ", " + alphaAux);
      }
      if (algorithm == Algorithm.TD_LAMBDA && !(lambda > 0 && lambda <= 1)) {
        throw new IllegalArgumentException("TD(lambda) needs lambda in (0, 1], got " + lambda);
      }
      if (averageFrom < 0) {
        throw new IllegalArgumentException("averageFrom must be >= 0, got " + averageFrom);
      }
    }

    public static Options of(Algorithm algorithm, double alpha) {
      return new Options(algorithm, alpha, alpha, 0.5, 0);
    }

    public Options withAux(double step) {
      return new Options(algorithm, alpha, step, lambda, averageFrom);
    }

    public Options withLambda(double decay) {
      return new Options(algorithm, alpha, alphaAux, decay, averageFrom);
    }

    public Options withAverageFrom(long step) {
      return new Options(algorithm, alpha, alphaAux, lambda, step);
    }
  }

  private final CtProblem problem;
  private final ParametricValue value;
  private final Features linear;
  private final Options options;
  private final int n;
  private final double[] theta;
  private final double[] w;
  private double averageReward;
  private double[] traces;
  private double[] startTimes;
  private final double[] gradFrom;
  private final double[] gradTo;
  private final double[] increment;
  private final double[] incrementAux;
  private final double[] thetaSum;
  private double averageRewardSum;
  private long averaged;
  private long steps;

  public OnlineTd(CtProblem problem, ParametricValue value, Options options, double[] initialTheta) {
    if ((problem.setting() == Setting.ERGODIC) != (options.algorithm() == Algorithm.ERGODIC)) {
      throw new IllegalArgumentException("ergodic-td is the online algorithm of the ergodic setting, and only of it");
    }
    if (value.dependsOnTime() && problem.setting() != Setting.FINITE) {
      throw new IllegalArgumentException("the " + problem.setting().id() + " setting needs a time-free value family");
    }
    if (initialTheta.length != value.parameterCount()) {
      throw new IllegalArgumentException("initial theta has " + initialTheta.length + " values, the family "
          + value.parameterCount());
    }
    this.problem = problem;
    this.value = value;
    this.linear = value instanceof LinearValue lv ? lv.features() : null;
    this.options = options;
    this.n = value.parameterCount();
    this.theta = initialTheta.clone();
    this.w = new double[n];
    this.gradFrom = new double[n];
    this.gradTo = new double[n];
    this.increment = new double[n];
    this.incrementAux = new double[n];
    this.thetaSum = new double[n];
    this.traces = new double[0];
    this.startTimes = new double[0];
  }

  /** Applies one synchronous step of all active paths. */
  void step(StepBatch batch) {
    int m = batch.size;
    if (m == 0) {
      return;
    }
    ensureSlots(batch);
    java.util.Arrays.fill(increment, 0.0);
    java.util.Arrays.fill(incrementAux, 0.0);
    double deltaSum = 0;
    Algorithm algorithm = options.algorithm();
    int d = batch.dim;
    // A linear family shares one feature evaluation per step among all learners of the batch.
    double[] phiFrom = linear != null ? batch.features(linear, problem, false) : null;
    double[] phiTo = linear != null ? batch.features(linear, problem, true) : null;
    for (int i = 0; i < m; i++) {
      double tFrom = batch.tFrom[i];
      double tTo = batch.tTo[i];
      double jFrom = linear != null ? dot(phiFrom, i * n, gradFrom)
          : value.valueAndGradient(theta, tFrom, problem.timeToGo(tFrom), batch.xFrom, i * d, gradFrom);
      double jTo;
      if (batch.terminal[i] && problem.setting() == Setting.FINITE) {
        jTo = batch.payoff[i]; // J(T,·) := h
        java.util.Arrays.fill(gradTo, 0.0);
      } else {
        jTo = linear != null ? dot(phiTo, i * n, gradTo)
            : value.valueAndGradient(theta, tTo, problem.timeToGo(tTo), batch.xTo, i * d, gradTo);
      }
      double g = batch.discount[i];
      double dt = batch.duration[i];
      double delta = g * jTo - jFrom + batch.reward[i]; // δ = gJ' - J + R, continuous_time.md §3
      if (algorithm == Algorithm.ERGODIC) {
        delta = jTo - jFrom + batch.reward[i] - averageReward * dt; // δ = J' - J + (r - V)Δt
      }
      deltaSum += delta;
      int base = batch.slot[i] * n;
      switch (algorithm) {
        case TD0, ERGODIC -> {
          for (int k = 0; k < n; k++) {
            increment[k] += gradFrom[k] * delta;
          }
        }
        case TD_LAMBDA -> {
          double keep = batch.first[i] ? 0 : Math.pow(options.lambda(), dt);
          for (int k = 0; k < n; k++) {
            double e = keep * traces[base + k] + gradFrom[k] * dt; // ξ_k = λ^{Δt}ξ_{k-1} + ∇J Δt
            traces[base + k] = e;
            increment[k] += e * delta;
          }
        }
        case MARTINGALE -> {
          if (batch.first[i]) {
            startTimes[batch.slot[i]] = tFrom;
          }
          double weight = Math.exp(-2 * problem.beta() * (tFrom - startTimes[batch.slot[i]]));
          for (int k = 0; k < n; k++) {
            double z = (batch.first[i] ? 0 : traces[base + k] / g) + gradFrom[k] * dt; // z = z/g + ∇J Δt
            traces[base + k] = z;
            increment[k] += weight * z * delta;
          }
        }
        case GTD2 -> {
          double u = 0;
          for (int k = 0; k < n; k++) {
            u += gradFrom[k] * w[k];
          }
          for (int k = 0; k < n; k++) {
            incrementAux[k] += gradFrom[k] * delta - gradFrom[k] * u * dt; // ξδ - ξ(ξᵀw)Δt
            increment[k] += (gradFrom[k] - g * gradTo[k]) * u; // (∇J - g∇J')(ξᵀw)
          }
        }
      }
    }
    double scale = 1.0 / m;
    for (int k = 0; k < n; k++) {
      theta[k] += options.alpha() * increment[k] * scale;
      if (algorithm == Algorithm.GTD2) {
        w[k] += options.alphaAux() * incrementAux[k] * scale;
      }
    }
    if (algorithm == Algorithm.ERGODIC) {
      averageReward += options.alphaAux() * deltaSum * scale;
    }
    if (steps >= options.averageFrom()) {
      for (int k = 0; k < n; k++) {
        thetaSum[k] += theta[k];
      }
      averageRewardSum += averageReward;
      averaged++;
    }
    steps++;
  }

  /** θᵀφ for the cached features at {@code offset}, copying φ into {@code gradient}. */
  private double dot(double[] phi, int offset, double[] gradient) {
    double v = 0;
    for (int k = 0; k < n; k++) {
      double f = phi[offset + k];
      gradient[k] = f;
      v += theta[k] * f;
    }
    return v;
  }

  private void ensureSlots(StepBatch batch) {
    if (options.algorithm() != Algorithm.TD_LAMBDA && options.algorithm() != Algorithm.MARTINGALE) {
      return;
    }
    int maxSlot = 0;
    for (int i = 0; i < batch.size; i++) {
      maxSlot = Math.max(maxSlot, batch.slot[i]);
    }
    if ((maxSlot + 1) * n > traces.length) {
      traces = java.util.Arrays.copyOf(traces, (maxSlot + 1) * n * 2);
      startTimes = java.util.Arrays.copyOf(startTimes, (maxSlot + 1) * 2);
    }
  }

  /** The current (last) iterate θ. */
  public double[] theta() {
    return theta.clone();
  }

  /** The current average-reward estimate V (ergodic), else 0. */
  public double averageReward() {
    return averageReward;
  }

  /** Polyak average of θ over steps from averageFrom on; NaN before any. */
  public double[] averagedTheta() {
    double[] mean = new double[n];
    for (int k = 0; k < n; k++) {
      mean[k] = averaged == 0 ? Double.NaN : thetaSum[k] / averaged;
    }
    return mean;
  }

  public double averagedAverageReward() {
    return averaged == 0 ? Double.NaN : averageRewardSum / averaged;
  }

  public long steps() {
    return steps;
  }

  public Options options() {
    return options;
  }

  public ParametricValue value() {
    return value;
  }
}
