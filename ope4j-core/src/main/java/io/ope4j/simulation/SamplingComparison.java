package io.ope4j.simulation;

import io.ope4j.environment.Environment;
import java.util.function.Supplier;

/**
 * The error of on-policy sampling against PROPS at equal sample size, over seeded repetitions:
 * repetition r runs both with seed {@code seed + r} and the same budget, and the squared errors
 * against the exact value are averaged. PROPS is scored twice: its mean return (the estimate of
 * Zhong et al. 2022) and its per-decision importance-weighted return with the actual behaviour
 * probabilities (unbiased).
 *
 * @param episodes episodes per repetition
 * @param repetitions repetitions
 * @param onPolicyMse mean squared error of on-policy Monte Carlo
 * @param propsMse of PROPS's mean return
 * @param propsWeightedMse of PROPS's importance-weighted return
 * @param onPolicyMseStderr standard error of {@code onPolicyMse} over the repetitions
 * @param propsMseStderr standard error of {@code propsMse}
 * @param propsWeightedMseStderr standard error of {@code propsWeightedMse}
 * @param gainStderr standard error of {@code onPolicyMse - propsMse}, from the paired
 *     repetitions (both samplers share each repetition's seed)
 */
public record SamplingComparison(long episodes, int repetitions, double onPolicyMse, double propsMse,
    double propsWeightedMse, double onPolicyMseStderr, double propsMseStderr, double propsWeightedMseStderr,
    double gainStderr) {

  /** Runs the comparison for {@code target} in the environments, whose exact value is {@code truth}. */
  public static SamplingComparison run(Supplier<? extends Environment> environments, double[][] target, double truth,
      SimulationPlan plan, int repetitions) {
    double[][] squaredErrors = new double[4][repetitions];
    for (int r = 0; r < repetitions; r++) {
      SimulationPlan seeded = plan.withSeed(plan.seed() + r).withTargetWidth(0);
      SimulationResult onPolicy = new SimulationEvaluator(environments, target, seeded.withSampling(Sampling.ON_POLICY))
          .run(done -> {});
      SimulationResult props = new SimulationEvaluator(environments, target, seeded.withSampling(Sampling.PROPS))
          .run(done -> {});
      squaredErrors[0][r] = square(onPolicy.value() - truth);
      squaredErrors[1][r] = square(props.value() - truth);
      squaredErrors[2][r] = square(props.weightedValue() - truth);
      squaredErrors[3][r] = squaredErrors[0][r] - squaredErrors[1][r];
    }
    double[] mean = new double[4];
    double[] stderr = new double[4];
    for (int k = 0; k < 4; k++) {
      double sum = 0;
      double squares = 0;
      for (double e : squaredErrors[k]) {
        sum += e;
        squares += e * e;
      }
      mean[k] = sum / repetitions;
      stderr[k] = Math.sqrt(Math.max(squares / repetitions - mean[k] * mean[k], 0) / (repetitions - 1));
    }
    return new SamplingComparison(plan.budget(), repetitions, mean[0], mean[1], mean[2], stderr[0], stderr[1], stderr[2],
        stderr[3]);
  }

  private static double square(double x) {
    return x * x;
  }
}
