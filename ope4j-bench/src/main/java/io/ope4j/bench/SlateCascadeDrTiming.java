package io.ope4j.bench;

import io.ope4j.slate.ClickModel;
import io.ope4j.slate.SlateBatch;
import io.ope4j.slate.SlateConfig;
import io.ope4j.slate.SlateEstimator;
import io.ope4j.slate.SlateEvaluator;
import io.ope4j.slate.SlateResult;
import io.ope4j.slate.SlateSimulator;
import io.ope4j.slate.SlateSource;
import java.util.Arrays;
import java.util.List;

/**
 * Cascade-DR on slates held in memory as Open Bandit Pipeline's estimator receives them (flat
 * arrays: action, reward, cascade propensities, and the wide {@code pi_e} and {@code qhat} rows),
 * timed from those arrays to the estimate: the per-row reduction of the wide rows, the weights and
 * the one-pass fold. The estimator-only side of BENCHMARKS.md ("Slates: Cascade-DR against Open
 * Bandit Pipeline"); the slates are those {@code ope4j simulate --slate-length L --slates N
 * --actions K --contexts 1000 --click-model cascade --seed 1} writes, drawn before the timing.
 *
 * <p>Run: {@code java -Xmx6g -cp ope4j-bench/target/benchmarks.jar
 * io.ope4j.bench.SlateCascadeDrTiming [SLATES=1000000] [LENGTH=10] [ITEMS=10] [ROUNDS=5]}. Prints
 * the estimate and, per thread count, the wall and process CPU seconds of each round after one
 * warm-up (CPU time moves far less than wall time on a shared machine).
 */
public final class SlateCascadeDrTiming {

  private SlateCascadeDrTiming() {}

  /** The log's columns, row-major by (slate, position), the wide ones by (slate, position, item). */
  private record SlateArrays(int length, int items, int[] action, double[] reward, double[] pscore,
      double[] evaluationPscore, double[] policy, double[] model) {

    int slates() {
      return action.length / length;
    }
  }

  public static void main(String[] args) throws Exception {
    int slates = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int length = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int items = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    SlateArrays log = draw(slates, length, items);
    SlateConfig config = SlateConfig.of(List.of(SlateEstimator.CASCADE_DR));
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int threads : new int[] {1, 2}) {
      double[] seconds = new double[rounds];
      double[] cpuSeconds = new double[rounds];
      SlateResult result = null;
      for (int r = -1; r < rounds; r++) {
        long start = System.nanoTime();
        long startCpu = os.getProcessCpuTime();
        result = SlateEvaluator.evaluate(source(log), config, threads);
        if (r >= 0) {
          seconds[r] = (System.nanoTime() - start) / 1e9;
          cpuSeconds[r] = (os.getProcessCpuTime() - startCpu) / 1e9;
        }
      }
      System.out.printf("threads %d cascade-dr %s wall seconds %s cpu seconds %s%n", threads,
          result.estimates().get(0).value(), Arrays.toString(seconds), Arrays.toString(cpuSeconds));
    }
  }

  private static SlateArrays draw(int slates, int length, int items) {
    SlateSimulator simulator = new SlateSimulator(new SlateSimulator.Config(items, length, 1000,
        ClickModel.CASCADE, 1.0, 0.3, 0.05, 1));
    int rows = slates * length;
    SlateArrays log = new SlateArrays(length, items, new int[rows], new double[rows], new double[rows],
        new double[rows], new double[rows * items], new double[rows * items]);
    SlateSimulator.Slate slate = simulator.newSlate();
    double[] policyRow = new double[items];
    for (int i = 0; i < slates; i++) {
      simulator.draw(i, slate);
      for (int l = 0; l < length; l++) {
        int row = i * length + l;
        log.action[row] = slate.items[l];
        log.reward[row] = slate.rewards[l];
        log.pscore[row] = slate.behaviourPrefix[l];
        log.evaluationPscore[row] = slate.evaluationPrefix[l];
        slate.evaluationRow(l, policyRow);
        System.arraycopy(policyRow, 0, log.policy, row * items, items);
        System.arraycopy(slate.modelRows, l * items, log.model, row * items, items);
      }
    }
    return log;
  }

  /** The arrays as a source: each batch reduced from them as a reader would. */
  private static SlateSource source(SlateArrays log) {
    return new SlateSource() {
      private int next;

      @Override
      public String name() {
        return "arrays";
      }

      @Override
      public int slateLength() {
        return log.length();
      }

      @Override
      public boolean supports(SlateEstimator estimator) {
        return estimator.usesPrefixWeight();
      }

      @Override
      public int next(SlateBatch batch) {
        batch.clear();
        int k = log.items();
        while (!batch.full() && next < log.slates()) {
          int s = batch.startSlate(next);
          for (int l = 0; l < log.length(); l++) {
            int row = next * log.length() + l;
            batch.setReward(s, l, log.reward()[row]);
            batch.setPrefixWeight(s, l, log.evaluationPscore()[row] / log.pscore()[row]);
            double expected = 0.0;
            for (int a = 0; a < k; a++) {
              expected += log.policy()[row * k + a] * log.model()[row * k + a];
            }
            batch.setModel(s, l, log.model()[row * k + log.action()[row]], expected);
          }
          next++;
        }
        return batch.count();
      }

      @Override
      public void close() {}
    };
  }
}
