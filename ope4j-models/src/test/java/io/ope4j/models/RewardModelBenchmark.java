package io.ope4j.models;

import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.internal.stats.CounterRng;
import io.ope4j.policy.Policy;
import io.ope4j.rewardmodel.CrossFittedModel;
import io.ope4j.rewardmodel.CrossFitting;
import io.ope4j.rewardmodel.ModelledLog;
import io.ope4j.rewardmodel.RewardData;
import java.io.IOException;

/**
 * Benchmark (not a test; ope4j-bench has no JMH set up on this branch): a cross-fitted logistic
 * reward model and DR over 10^6 rows x 20 features x 10 actions, timed phase by phase. Target:
 * under 10 s on one 2-core machine. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl ope4j-models -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
 * java -Xmx6g -cp ope4j-models/target/test-classes:ope4j-models/target/classes:$(cat ope4j-models/target/bench.classpath) \
 *     io.ope4j.models.RewardModelBenchmark [rows] [repetitions]
 * </pre>
 *
 * <p>Data: contexts standard normal (CounterRng, seed 1); reward {@code Bernoulli(sigmoid(-1 +
 * x . beta + gamma_a))}; behaviour a softmax of {@code x . theta_a}, evaluation policy another
 * softmax. Model: {@code LogisticRegression.withC(1)} on context + one-hot action, 3-fold
 * cross-fitting, all cores. Estimators: dm, ipw, dr.
 */
public final class RewardModelBenchmark {

  static final int DIM = 20;
  static final int ACTIONS = 10;

  private RewardModelBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int r = 0; r < repetitions; r++) {
      run(rows, r == repetitions - 1);
    }
  }

  /** CPU time of the whole process (all threads), ns: what the machine spent, whatever else runs on it. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void run(int n, boolean print) throws IOException {
    long start = System.nanoTime();
    double[] x = new double[n * DIM];
    long contextKey = CounterRng.key(1, 1);
    for (int v = 0; v < x.length; v++) {
      x[v] = CounterRng.gaussian(contextKey, v);
    }
    Policy behaviour = softmax(0.5, 3);
    Policy target = softmax(1.0, 4);
    int[] actions = new int[n];
    double[] pscore = new double[n];
    double[] rewards = new double[n];
    double[] pi = new double[4096 * ACTIONS];
    double[] contextBuffer = new double[4096 * DIM];
    long actionKey = CounterRng.key(1, 2);
    long rewardKey = CounterRng.key(1, 3);
    for (int from = 0; from < n; from += 4096) {
      int size = Math.min(4096, n - from);
      System.arraycopy(x, from * DIM, contextBuffer, 0, size * DIM);
      behaviour.probabilities(contextBuffer, DIM, null, size, pi);
      for (int i = 0; i < size; i++) {
        int row = from + i;
        double u = CounterRng.uniform(actionKey, row);
        int a = ACTIONS - 1;
        for (int k = 0; k < ACTIONS; k++) {
          u -= pi[i * ACTIONS + k];
          if (u < 0) {
            a = k;
            break;
          }
        }
        actions[row] = a;
        pscore[row] = pi[i * ACTIONS + a];
        double eta = -1.0 + 0.15 * a - 0.05 * a * a / ACTIONS;
        for (int j = 0; j < DIM; j++) {
          eta += (j % 3 - 1) * 0.3 * x[row * DIM + j];
        }
        rewards[row] = CounterRng.uniform(rewardKey, row) < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
      }
    }
    long generated = System.nanoTime();
    long cpuGenerated = cpu();

    RewardData data = new RewardData(x, DIM, actions, null, rewards, null, ACTIONS);
    CrossFittedModel model = CrossFittedModel.fit(LogisticRegression.withC(1), data, CrossFitting.folds(3, 12345));
    long fitted = System.nanoTime();
    long cpuFitted = cpu();

    ModelledLog log = ModelledLog.builder(x, DIM, actions, null, rewards, pscore)
        .policy("target", target).model(model).build();
    EvaluationResult result = new Evaluator(EvaluationConfig.of(Estimators.parseList("dm,ipw,dr")))
        .evaluate(log.source());
    long evaluated = System.nanoTime();
    long cpuEvaluated = cpu();
    if (print) {
      System.out.printf("rows %,d x %d features x %d actions, %d cores%n", n, DIM, ACTIONS,
          Runtime.getRuntime().availableProcessors());
      System.out.printf("generate %.2f s, fit (3 folds) %.2f s, predict + evaluate %.2f s%n",
          (generated - start) / 1e9, (fitted - generated) / 1e9, (evaluated - fitted) / 1e9);
      System.out.printf("cross-fitted logistic reward model + DR: %.2f s wall; CPU %.2f s fit + %.2f s evaluate"
          + " = %.2f s (all threads)%n", (evaluated - generated) / 1e9, (cpuFitted - cpuGenerated) / 1e9,
          (cpuEvaluated - cpuFitted) / 1e9, (cpuEvaluated - cpuGenerated) / 1e9);
      System.out.println(model.describe());
      result.estimates().forEach(e -> System.out.printf("  %s %s %.5f (se %.5f)%n", e.policy(), e.estimator(),
          e.value(), e.stderr()));
    }
  }

  /** {@code pi(a | x) proportional to exp(scale * x . theta_a)}, theta from a fixed pattern. */
  static Policy softmax(double scale, int shift) {
    return new Policy() {
      @Override
      public int nActions() {
        return ACTIONS;
      }

      @Override
      public void probabilities(double[] contexts, int dim, int[] positions, int rows, double[] out) {
        for (int i = 0; i < rows; i++) {
          double largest = Double.NEGATIVE_INFINITY;
          for (int a = 0; a < ACTIONS; a++) {
            double eta = 0;
            for (int j = 0; j < dim; j++) {
              eta += ((a + j + shift) % 5 - 2) * 0.1 * contexts[i * dim + j];
            }
            out[i * ACTIONS + a] = scale * eta;
            largest = Math.max(largest, scale * eta);
          }
          double sum = 0;
          for (int a = 0; a < ACTIONS; a++) {
            out[i * ACTIONS + a] = Math.exp(out[i * ACTIONS + a] - largest);
            sum += out[i * ACTIONS + a];
          }
          for (int a = 0; a < ACTIONS; a++) {
            out[i * ACTIONS + a] /= sum;
          }
        }
      }
    };
  }
}
