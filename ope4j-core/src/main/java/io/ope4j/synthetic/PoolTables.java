package io.ope4j.synthetic;

import io.ope4j.internal.data.WideForm;
import io.ope4j.policy.ActionRule;
import java.util.List;

/**
 * Everything about the finite pool of contexts that rows look up: per context the expected
 * rewards, the behaviour policy's probabilities and cumulative probabilities, each evaluation
 * policy's probabilities, the reward model's predictions and their expectation under each policy.
 * All tables are flat row-major arrays, {@code [m * K + a]}, built once and never modified.
 */
final class PoolTables {

  /** Range of {@code mu} for linear binary rewards: away from 0 and 1 so that every action pays. */
  static final double BINARY_LOW = 0.05;

  static final double BINARY_HIGH = 0.95;

  final int nActions;
  final int contextDim;
  final int poolSize;
  /** {@code contexts[m * d + j]}. */
  final double[] contexts;
  /** Expected reward {@code mu(x_m, a)}. */
  final double[] mu;
  /** Population standard deviation of {@code mu} over all pool contexts and actions (1 if 0). */
  final double sigmaMu;
  /** Behaviour policy's probabilities. */
  final double[] behaviour;
  /** Their running sums; the last positive-probability action and all after it hold exactly 1. */
  final double[] behaviourCdf;
  /** {@code policy[p][m * K + a]}: evaluation policy p's probabilities. */
  final double[][] policy;
  /** Reward model {@code q(x_m, a)}. */
  final double[] model;
  /** {@code modelExpected[p][m] = sum_a pi_p(a | x_m) q(x_m, a)}, computed by {@link WideForm}. */
  final double[][] modelExpected;

  PoolTables(SyntheticConfig config, SyntheticParameters parameters) {
    parameters.checkShape(config);
    nActions = config.nActions();
    contextDim = config.contextDim();
    poolSize = config.poolSize();
    contexts = parameters.contexts();
    mu = expectedRewards(config, parameters);
    sigmaMu = populationSd(mu);

    int cells = poolSize * nActions;
    int policies = config.policies().size();
    ActionRule behaviourRule = PolicySpec.softmax("behaviour", config.behaviourTemperature()).rule();
    ActionRule[] rules = new ActionRule[policies];
    for (int p = 0; p < policies; p++) {
      rules[p] = config.policies().get(p).rule();
    }
    behaviour = new double[cells];
    policy = new double[policies][cells];
    double[] standardised = new double[nActions];
    for (int m = 0; m < poolSize; m++) {
      int row = m * nActions;
      for (int a = 0; a < nActions; a++) {
        standardised[a] = mu[row + a] / sigmaMu;
      }
      behaviourRule.apply(standardised, 0, nActions, behaviour, row, m);
      for (int p = 0; p < policies; p++) {
        rules[p].apply(standardised, 0, nActions, policy[p], row, m);
      }
    }
    behaviourCdf = cumulative(behaviour, poolSize, nActions);

    model = new double[cells];
    double modelSd = config.modelNoise() * sigmaMu;
    double[] error = parameters.modelError();
    for (int i = 0; i < cells; i++) {
      model[i] = mu[i] + modelSd * error[i];
    }
    modelExpected = new double[policies][poolSize];
    for (int p = 0; p < policies; p++) {
      for (int m = 0; m < poolSize; m++) {
        int row = m * nActions;
        modelExpected[p][m] = WideForm.expectedModelValue(policy[p], row, model, row, nActions);
      }
    }
  }

  /**
   * The exact values over the pool: {@code V(pi) = (1/M) sum_m sum_a pi(a | x_m) mu(x_m, a)},
   * and the direct method's limit {@code (1/M) sum_m sum_a pi(a | x_m) q(x_m, a)}.
   */
  GroundTruth truth(List<String> policyNames) {
    int policies = policy.length;
    double[] values = new double[policies];
    double[] modelValues = new double[policies];
    for (int p = 0; p < policies; p++) {
      values[p] = poolMean(policy[p], mu);
      modelValues[p] = poolMean(policy[p], model);
    }
    return new GroundTruth(policyNames, values, modelValues,
        poolMean(behaviour, mu), poolMean(behaviour, model));
  }

  /**
   * {@code (1/M) sum_m sum_a probability[m, a] value[m, a]}: plain sums within a context,
   * compensated (Neumaier) across contexts so that large pools lose no precision.
   */
  private double poolMean(double[] probability, double[] value) {
    double sum = 0.0;
    double compensation = 0.0;
    for (int m = 0; m < poolSize; m++) {
      int row = m * nActions;
      double term = 0.0;
      for (int a = 0; a < nActions; a++) {
        term += probability[row + a] * value[row + a];
      }
      double next = sum + term;
      compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
      sum = next;
    }
    return (sum + compensation) / poolSize;
  }

  private static double[] expectedRewards(SyntheticConfig config, SyntheticParameters parameters) {
    int k = config.nActions();
    int d = config.contextDim();
    int m = config.poolSize();
    double[] theta = parameters.theta();
    double[] bias = parameters.bias();
    double[] x = parameters.contexts();
    double[] score = new double[m * k];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < m; c++) {
      for (int a = 0; a < k; a++) {
        double s = bias[a];
        for (int j = 0; j < d; j++) {
          s += theta[a * d + j] * x[c * d + j];
        }
        score[c * k + a] = s;
        min = Math.min(min, s);
        max = Math.max(max, s);
      }
    }
    boolean binary = config.rewardType() == RewardType.BINARY;
    for (int i = 0; i < score.length; i++) {
      double s = score[i];
      if (config.rewardFunction() == RewardFunction.LOGISTIC) {
        score[i] = 1.0 / (1.0 + StrictMath.exp(-s));
      } else if (binary) {
        // Affine, hence still linear in x. The clamp only absorbs rounding (at most one ulp).
        double t = max > min ? (s - min) / (max - min) : 0.5;
        double p = BINARY_LOW * (1.0 - t) + BINARY_HIGH * t;
        score[i] = Math.min(BINARY_HIGH, Math.max(BINARY_LOW, p));
      }
    }
    return score;
  }

  /** Two-pass population standard deviation; 1 when all values are equal (any scale will do). */
  private static double populationSd(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / values.length;
    double squares = 0.0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(squares / values.length);
    return sd > 0.0 ? sd : 1.0;
  }

  /**
   * Row-wise running sums for inverse-CDF sampling. Rounding may leave the sum of a row just
   * below 1; setting the entries from the last positive-probability action on to exactly 1 makes
   * every uniform in [0, 1) land on an action the policy can take.
   */
  static double[] cumulative(double[] probability, int rows, int width) {
    double[] cdf = new double[probability.length];
    for (int m = 0; m < rows; m++) {
      int row = m * width;
      double running = 0.0;
      int lastPositive = 0;
      for (int a = 0; a < width; a++) {
        running += probability[row + a];
        cdf[row + a] = running;
        if (probability[row + a] > 0.0) {
          lastPositive = a;
        }
      }
      for (int a = lastPositive; a < width; a++) {
        cdf[row + a] = 1.0;
      }
    }
    return cdf;
  }
}
