package io.ope4j.cli;

import io.ope4j.data.BatchSource;
import io.ope4j.data.UsageException;
import io.ope4j.engine.Estimate;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.io.InputFormat;
import io.ope4j.io.LogInput;
import io.ope4j.io.LogReadOptions;
import io.ope4j.io.TrajectoryEvaluation;
import io.ope4j.io.TrajectoryReadOptions;
import io.ope4j.sequential.SequentialConfig;
import io.ope4j.sequential.SequentialEstimate;
import io.ope4j.sequential.SequentialEstimator;
import io.ope4j.sequential.SequentialResult;
import io.ope4j.interval.Interval;
import java.io.IOException;
import java.util.List;

/**
 * The estimates of named policies from a log, for {@code sim-eval --logs}: a bandit log through
 * the evaluator, a trajectory log through the sequential estimators; the log's policies are
 * found by name ({@code pi_NAME_*} columns).
 *
 * @param values each policy's estimate, in the order asked
 * @param lower each interval's lower end
 * @param upper each interval's upper end
 * @param label the estimator and the log, for the report
 */
record LogEstimates(double[] values, double[] lower, double[] upper, String label) {

  static LogEstimates of(String path, String estimator, List<String> policies, double gamma, double level,
      int threads) throws IOException {
    int k = policies.size();
    double[] values = new double[k];
    double[] lower = new double[k];
    double[] upper = new double[k];
    try (LogInput input = LogInput.of(path, InputFormat.AUTO).reopenable()) {
      if (TrajectoryEvaluation.isTrajectoryLog(input)) {
        SequentialEstimator chosen = SequentialEstimator.parse(estimator != null ? estimator : "pdis");
        SequentialResult result = TrajectoryEvaluation.evaluate(input, TrajectoryReadOptions.defaults(),
            SequentialConfig.of(List.of(chosen), gamma).withLevel(level), threads);
        for (int j = 0; j < k; j++) {
          SequentialEstimate e = find(result, policies.get(j), chosen, path);
          set(j, e.value(), e.interval(), values, lower, upper);
        }
        return new LogEstimates(values, lower, upper, chosen.id() + " on " + path);
      }
      String spec = estimator != null ? estimator : "snipw";
      EvaluationConfig config = EvaluationConfig.of(List.of(Estimators.parse(spec))).withLevel(level)
          .withThreads(threads);
      EvaluationResult result;
      try (BatchSource source = input.open(LogReadOptions.defaults())) {
        result = new Evaluator(config).evaluate(source);
      }
      for (int j = 0; j < k; j++) {
        Estimate e = find(result, policies.get(j), path);
        set(j, e.value(), e.interval(), values, lower, upper);
      }
      return new LogEstimates(values, lower, upper, spec + " on " + path);
    }
  }

  private static void set(int j, double value, Interval interval, double[] values, double[] lower, double[] upper) {
    values[j] = value;
    lower[j] = interval.lower();
    upper[j] = interval.upper();
  }

  private static Estimate find(EvaluationResult result, String policy, String path) {
    for (Estimate e : result.estimates()) {
      if (e.policy().equals(policy)) {
        return e;
      }
    }
    throw missing(policy, path);
  }

  private static SequentialEstimate find(SequentialResult result, String policy, SequentialEstimator estimator,
      String path) {
    for (SequentialEstimate e : result.estimates()) {
      if (e.policy().equals(policy) && e.estimator() == estimator) {
        return e;
      }
    }
    throw missing(policy, path);
  }

  private static UsageException missing(String policy, String path) {
    return new UsageException("--logs " + path + " has no policy '" + policy + "' (columns pi_" + policy + "_*):"
        + " give a log of the same policies");
  }
}
