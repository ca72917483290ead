package io.ope4j.synthetic;

import io.ope4j.data.ColumnarLog;
import java.util.SplittableRandom;

/**
 * A small contextual bandit with binary rewards and an exact policy value, for coverage studies
 * of the intervals where normal theory is weakest: rewards near 0 or 1, deterministic evaluation
 * policies, small samples, heavy importance weights.
 *
 * <p>Drawn once from {@code seed}: {@value #CONTEXTS} contexts, each taken with equal
 * probability; per context and action a success probability {@code mu = sigmoid(logit(level) +
 * spread * g)} and a logging score {@code h}, with {@code g, h ~ N(0, 1)}. The logging policy is
 * {@code softmax(loggingSharpness * h)} (larger: rarer actions, heavier weights). The evaluation
 * policy is {@code argmax mu}, {@code softmax(2 logit mu)} or uniform. The reward model is {@code
 * mu} plus N(0, {@code modelNoise}^2) error, cut to [0, 1]. {@link #truth()} is the policy's value
 * over the contexts, exactly.
 *
 * @param name what the scenario is called in reports
 * @param rows logged rounds per replication
 * @param nActions number of actions
 * @param level the typical success probability, in (0, 1)
 * @param spread spread of {@code mu} around {@code level} on the logit scale
 * @param loggingSharpness inverse temperature of the logging softmax
 * @param policy {@code argmax}, {@code softmax} or {@code uniform}
 * @param modelNoise standard deviation of the reward model's error
 * @param seed seed of the fixed draws; replication {@code k} draws its rows from {@code (seed, k)}
 */
public record BinaryRewardScenario(String name, int rows, int nActions, double level, double spread,
    double loggingSharpness, String policy, double modelNoise, long seed) {

  static final int CONTEXTS = 200;

  /** The settings of the coverage study (docs/intervals.md), each of {@code rows} rounds unless said. */
  public static java.util.List<BinaryRewardScenario> studySettings() {
    return java.util.List.of(
        new BinaryRewardScenario("near-0", 1000, 5, 0.03, 0.7, 1.0, "softmax", 0.02, 11),
        new BinaryRewardScenario("near-1", 1000, 5, 0.97, 0.7, 1.0, "softmax", 0.02, 12),
        new BinaryRewardScenario("argmax-near-1", 1000, 5, 0.9, 2.0, 1.0, "argmax", 0.05, 13),
        new BinaryRewardScenario("small-n", 200, 5, 0.3, 1.0, 1.0, "softmax", 0.1, 14),
        new BinaryRewardScenario("heavy-weights", 1000, 5, 0.3, 1.0, 2.5, "uniform", 0.1, 15));
  }

  /** The evaluation policy's value, exact over the contexts. */
  public double truth() {
    Tables t = tables();
    double sum = 0;
    for (int m = 0; m < CONTEXTS; m++) {
      for (int a = 0; a < nActions; a++) {
        sum += t.target[m * nActions + a] * t.mu[m * nActions + a];
      }
    }
    return sum / CONTEXTS;
  }

  /** Replication {@code k}: {@link #rows} rounds with the policy named {@link #policy}. */
  public ColumnarLog replication(long k) {
    Tables t = tables();
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
    int[] action = new int[rows];
    double[] reward = new double[rows];
    double[] pscore = new double[rows];
    double[] pi = new double[rows];
    double[] qLogged = new double[rows];
    double[] qExpected = new double[rows];
    for (int i = 0; i < rows; i++) {
      int m = random.nextInt(CONTEXTS);
      int base = m * nActions;
      double u = random.nextDouble();
      int a = 0;
      double cumulative = t.logging[base];
      while (u >= cumulative && a < nActions - 1) {
        a++;
        cumulative += t.logging[base + a];
      }
      action[i] = a;
      pscore[i] = t.logging[base + a];
      reward[i] = random.nextDouble() < t.mu[base + a] ? 1.0 : 0.0;
      pi[i] = t.target[base + a];
      qLogged[i] = t.model[base + a];
      double expected = 0;
      for (int b = 0; b < nActions; b++) {
        expected += t.target[base + b] * t.model[base + b];
      }
      qExpected[i] = expected;
    }
    return ColumnarLog.builder(action, reward, pscore).policy(policy, pi, qExpected)
        .modelAtLoggedAction(qLogged).nActions(nActions).build();
  }

  private record Tables(double[] mu, double[] logging, double[] target, double[] model) {}

  private Tables tables() {
    SplittableRandom random = new SplittableRandom(seed);
    int cells = CONTEXTS * nActions;
    double[] mu = new double[cells];
    double[] logging = new double[cells];
    double[] target = new double[cells];
    double[] model = new double[cells];
    double offset = Math.log(level / (1 - level));
    for (int c = 0; c < cells; c++) {
      mu[c] = 1 / (1 + Math.exp(-(offset + spread * gaussian(random))));
      logging[c] = loggingSharpness * gaussian(random);
      model[c] = Math.min(1.0, Math.max(0.0, mu[c] + modelNoise * gaussian(random)));
    }
    for (int m = 0; m < CONTEXTS; m++) {
      int base = m * nActions;
      softmax(logging, base, nActions, 1.0);
      switch (policy) {
        case "argmax" -> {
          int best = base;
          for (int a = 1; a < nActions; a++) {
            best = mu[base + a] > mu[best] ? base + a : best;
          }
          target[best] = 1.0;
        }
        case "softmax" -> {
          for (int a = 0; a < nActions; a++) {
            target[base + a] = Math.log(mu[base + a] / (1 - mu[base + a]));
          }
          softmax(target, base, nActions, 2.0);
        }
        case "uniform" -> java.util.Arrays.fill(target, base, base + nActions, 1.0 / nActions);
        default -> throw new IllegalArgumentException("policy must be argmax, softmax or uniform, got " + policy);
      }
    }
    return new Tables(mu, logging, target, model);
  }

  private static void softmax(double[] scores, int from, int count, double sharpness) {
    double max = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < count; a++) {
      max = Math.max(max, sharpness * scores[from + a]);
    }
    double sum = 0;
    for (int a = 0; a < count; a++) {
      scores[from + a] = Math.exp(sharpness * scores[from + a] - max);
      sum += scores[from + a];
    }
    for (int a = 0; a < count; a++) {
      scores[from + a] /= sum;
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller on two uniforms in (0, 1].
    double u = 1.0 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
