package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.BatchSource;
import io.ope4j.data.LogLayout;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.EvaluationResult;
import io.ope4j.engine.Evaluator;
import io.ope4j.estimator.Estimators;
import io.ope4j.synthetic.EmbeddingBandit;
import io.ope4j.synthetic.PolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * MIPS over 10^7 in-memory rows with K = 16 actions and D = 3 embedding dimensions of 5
 * categories (the shape of Open Bandit Pipeline's MIPS oracle), for the side-by-side with
 * {@code scripts/obp_mips_bench.py}: the rows are simulated once into batches, then each
 * estimator's evaluation (t interval, weight diagnostics) is timed alone, best of the rounds.
 *
 * <p>Run: {@code java -Xmx8g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.MipsBenchmarkMain
 * [ROWS=10000000] [ROUNDS=3] [THREADS=2]}.
 */
public final class MipsBenchmarkMain {

  private MipsBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    EmbeddingBandit bandit = new EmbeddingBandit(new EmbeddingBandit.Settings(16, 3, 5, 1000, 0.5, 1.0,
        List.of(PolicySpec.parse("e=epsilon-greedy:0.2")), 12345));
    List<BanditBatch> batches = new ArrayList<>();
    try (BatchSource source = bandit.source(0, rows)) {
      while (true) {
        BanditBatch batch = new BanditBatch(source.layout(), 4096);
        if (!source.next(batch)) {
          break;
        }
        batches.add(batch);
      }
    }
    for (String spec : List.of("ipw", "mips:compat=obp", "mips", "snmips", "mips:dims=slope")) {
      EvaluationConfig config = EvaluationConfig.of(Estimators.withEmbeddingTable(
          Estimators.parseList(spec), bandit.table())).withThreads(threads);
      double best = Double.POSITIVE_INFINITY;
      double bestCpu = Double.POSITIVE_INFINITY;
      double value = Double.NaN;
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        long startCpu = processCpuNanos();
        EvaluationResult result = new Evaluator(config).evaluate(replay(bandit.layout(), batches));
        best = Math.min(best, (System.nanoTime() - start) / 1e9);
        bestCpu = Math.min(bestCpu, (processCpuNanos() - startCpu) / 1e9);
        value = result.estimates().get(0).value();
      }
      System.out.printf("%-18s %,d rows, %d threads: best %.3f s wall, %.3f s CPU (%.1f M rows per CPU-second),"
          + " estimate %.6f%n", spec, rows, threads, best, bestCpu, rows / bestCpu / 1e6, value);
    }
  }

  /** CPU time of the whole process (every thread, GC included): steadier than wall time on a shared machine. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The batches again, copied into the engine's own. */
  private static BatchSource replay(LogLayout layout, List<BanditBatch> batches) {
    return new BatchSource() {
      private int next;

      @Override
      public LogLayout layout() {
        return layout;
      }

      @Override
      public boolean next(BanditBatch batch) {
        if (next == batches.size()) {
          batch.setRows(0, 0);
          return false;
        }
        batch.copyFrom(batches.get(next++));
        return true;
      }

      @Override
      public void close() {}
    };
  }
}
