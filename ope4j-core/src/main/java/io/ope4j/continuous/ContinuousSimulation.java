package io.ope4j.continuous;

import io.ope4j.data.UsageException;

/**
 * A synthetic continuous-action problem whose policy value is known exactly (docs/continuous.md,
 * "Simulated logs"). With {@code m(x)} the mean of d standard normal context features:
 *
 * <ul>
 *   <li>behaviour: {@code a ~ N(behaviorSlope * m(x), behaviorNoise^2)}, its density exact;
 *   <li>reward: {@code r = 2 + m(x) - (a - m(x))^2 + rewardNoise * N(0, 1)};
 *   <li>evaluation policy: the action {@code policySlope * m(x) + policyShift}, or, with {@code
 *       policyNoise > 0}, a normal density around it with that standard deviation;
 *   <li>reward model: the true mean reward plus {@code modelShift} (a biased model; 0 for the
 *       true one), given at the logged action ({@code q}) and at, or averaged over, the
 *       evaluation policy's action ({@code q_pi}).
 * </ul>
 *
 * <p>Since {@code m(x) ~ N(0, 1/d)}, the value of the evaluation policy is {@code 2 - (policySlope
 * - 1)^2 / d - policyShift^2 - policyNoise^2}, and a kernel of variance {@code s^2} with bandwidth h
 * shifts kernel IPW's expectation by exactly {@code -h^2 s^2} (the reward is quadratic in the
 * action).
 *
 * @param rows rows to draw
 * @param contextDim d, the number of context features
 * @param behaviorSlope slope of the behaviour policy's mean in {@code m(x)}
 * @param behaviorNoise the behaviour policy's standard deviation, > 0
 * @param rewardNoise the reward noise's standard deviation, >= 0
 * @param policySlope slope of the evaluation action in {@code m(x)}
 * @param policyShift shift of the evaluation action
 * @param policyNoise 0 for a deterministic evaluation policy, else its standard deviation
 * @param modelShift the reward model's error, a constant
 * @param seed seed of every draw; each row's draws depend only on the seed and the row
 */
public record ContinuousSimulation(long rows, int contextDim, double behaviorSlope, double behaviorNoise,
    double rewardNoise, double policySlope, double policyShift, double policyNoise, double modelShift, long seed) {

  public ContinuousSimulation {
    if (rows < 1) {
      throw new UsageException("rows must be >= 1, got " + rows);
    }
    if (contextDim < 1) {
      throw new UsageException("the context dimension must be >= 1, got " + contextDim);
    }
    if (!(behaviorNoise > 0 && behaviorNoise < Double.POSITIVE_INFINITY)) {
      throw new UsageException("the behaviour noise must be finite and > 0, got " + behaviorNoise);
    }
    if (!(rewardNoise >= 0 && policyNoise >= 0 && rewardNoise < Double.POSITIVE_INFINITY
        && policyNoise < Double.POSITIVE_INFINITY)) {
      throw new UsageException("the reward and policy noises must be finite and >= 0");
    }
    for (double value : new double[] {behaviorSlope, policySlope, policyShift, modelShift}) {
      if (!Double.isFinite(value)) {
        throw new UsageException("slopes and shifts must be finite, got " + value);
      }
    }
  }

  /** The defaults of {@code ope4j simulate --schema continuous}: a deterministic policy, a biased model. */
  public static ContinuousSimulation defaults(long rows, long seed) {
    return new ContinuousSimulation(rows, 5, 1.0, 1.0, 1.0, 1.0, 0.5, 0.0, 0.5, seed);
  }

  /** This problem with another evaluation policy. */
  public ContinuousSimulation withPolicy(double slope, double shift, double noise) {
    return new ContinuousSimulation(rows, contextDim, behaviorSlope, behaviorNoise, rewardNoise, slope, shift, noise,
        modelShift, seed);
  }

  /** This problem with another size and seed. */
  public ContinuousSimulation withRows(long newRows, long newSeed) {
    return new ContinuousSimulation(newRows, contextDim, behaviorSlope, behaviorNoise, rewardNoise, policySlope,
        policyShift, policyNoise, modelShift, newSeed);
  }

  /** Whether the evaluation policy is given by its density. */
  public boolean densityPolicy() {
    return policyNoise > 0;
  }

  /** The evaluation policy's exact value. */
  public double trueValue() {
    double slopeGap = policySlope - 1;
    return 2 - slopeGap * slopeGap / contextDim - policyShift * policyShift - policyNoise * policyNoise;
  }

  /** The behaviour policy's exact value, {@code 2 - (behaviorSlope - 1)^2 / d - behaviorNoise^2}. */
  public double behaviorValue() {
    double slopeGap = behaviorSlope - 1;
    return 2 - slopeGap * slopeGap / contextDim - behaviorNoise * behaviorNoise;
  }

  /** Kernel IPW's exact expectation with this kernel and bandwidth on a deterministic policy. */
  public double kernelIpwExpectation(Kernel kernel, double bandwidth) {
    return trueValue() - bandwidth * bandwidth * kernel.variance();
  }
}
