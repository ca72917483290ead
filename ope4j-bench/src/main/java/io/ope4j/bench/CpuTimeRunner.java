package io.ope4j.bench;

import io.ope4j.data.BanditBatch;
import io.ope4j.data.ColumnarLog;
import io.ope4j.engine.EvaluationConfig;
import io.ope4j.engine.Evaluator;
import io.ope4j.engine.TermMoments;
import io.ope4j.estimator.Estimator;
import io.ope4j.estimator.Estimators;
import io.ope4j.interval.IntervalMethod;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work of the JMH benchmarks timed by CPU time as well as wall time, for a machine that other
 * processes share: a run that loses its core to another process takes longer in wall time but
 * not in CPU time, so rows per CPU-second stay within a few percent from run to run where JMH's
 * wall-clock scores spread by a factor of two. Not a replacement for JMH (no forks, blackholes
 * or JIT controls): a cross-check, and the basis of A/B comparisons on a busy box. Variants run
 * interleaved, after three warm-up rounds; a sample is several consecutive runs (2 kernel runs,
 * 10 evaluations, 3 bootstrap evaluations), long enough for the process CPU clock's 10 ms steps.
 *
 * <ul>
 *   <li>{@code kernel}: the {@link SnipwKernelBenchmark} kernels over 10^7 rows, by the calling
 *       thread's CPU time;
 *   <li>{@code evaluate}: {@link EstimatorThroughputBenchmark}'s evaluations (10^7 rows, t
 *       interval, 1 and 2 worker threads), by the process's CPU time (reader, workers, GC);
 *   <li>{@code bootstrap}: {@link BootstrapBenchmark}'s evaluation (ipw,snipw,dr, 100 Poisson
 *       replicates, 10^6 rows), likewise.
 * </ul>
 *
 * <p>Run: {@code java -Xmx3g -cp ope4j-bench/target/benchmarks.jar io.ope4j.bench.CpuTimeRunner
 * [kernel|evaluate|bootstrap|all] [ROUNDS=10]}. Prints, per variant, M rows per CPU-second and
 * per wall-second: median [min max] over the rounds.
 */
public final class CpuTimeRunner {

  private static final int WARMUP_ROUNDS = 3;

  interface Work {
    double run() throws Exception;
  }

  private CpuTimeRunner() {}

  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (what.equals("kernel") || what.equals("all")) {
      report("SNIPW kernels, 10^7 rows, 1 thread (thread CPU time)", kernels(), EstimatorThroughputBenchmark.ROWS, 2, rounds, true);
    }
    if (what.equals("evaluate") || what.equals("all")) {
      ColumnarLog log = SyntheticNarrowLog.generate(EstimatorThroughputBenchmark.ROWS, EstimatorThroughputBenchmark.SEED, false).toColumnarLog();
      Map<String, Work> work = new LinkedHashMap<>();
      for (String estimator : List.of("ipw", "snipw", "dr")) {
        for (int threads = 1; threads <= 2; threads++) {
          Evaluator evaluator = new Evaluator(EvaluationConfig.of(Estimators.parseList(estimator))
              .withInterval(IntervalMethod.T).withThreads(threads));
          work.put(estimator + ", threads=" + threads, () -> evaluator.evaluate(log.source()).estimates().get(0).value());
        }
      }
      report("Evaluator, t interval, 10^7 rows (process CPU time)", work, EstimatorThroughputBenchmark.ROWS, 10, rounds, false);
    }
    if (what.equals("bootstrap") || what.equals("all")) {
      ColumnarLog log = SyntheticNarrowLog.generate(BootstrapBenchmark.ROWS, EstimatorThroughputBenchmark.SEED, false).toColumnarLog();
      Map<String, Work> work = new LinkedHashMap<>();
      for (int threads = 1; threads <= 2; threads++) {
        Evaluator evaluator = new Evaluator(EvaluationConfig.of(Estimators.parseList("ipw,snipw,dr"))
            .withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(100, EvaluationConfig.DEFAULT_SEED).withThreads(threads));
        work.put("ipw,snipw,dr B=100, threads=" + threads, () -> evaluator.evaluate(log.source()).estimates().get(0).interval().lower());
      }
      report("Evaluator, bootstrap, 10^6 rows (process CPU time)", work, BootstrapBenchmark.ROWS, 3, rounds, false);
    }
  }

  private static Map<String, Work> kernels() {
    BanditBatch batch = SnipwKernelBenchmark.columns(EstimatorThroughputBenchmark.ROWS);
    Estimator snipw = Estimators.parse("snipw");
    double[] x = new double[SnipwKernels.BLOCK];
    double[] d = new double[SnipwKernels.BLOCK];
    snipw.terms(batch, 0, 0, SnipwKernels.BLOCK, null, x, d);
    Map<String, Work> work = new LinkedHashMap<>();
    work.put("plainLoop", () -> SnipwKernels.plainLoop(batch));
    work.put("blockedNeumaier", () -> SnipwKernels.blockedNeumaier(batch));
    work.put("engineBlocks", () -> SnipwKernels.engineBlocks(batch, snipw, null, x, d).value());
    work.put("engineBlocksWithWeightStats", () -> {
      TermMoments moments = new TermMoments(true, false);
      return SnipwKernels.engineBlocksWithWeightStats(batch, snipw, null, x, d, moments).count() + moments.value();
    });
    work.put("termsOnly", () -> SnipwKernels.termsOnly(batch, snipw, null, x, d));
    work.put("termMomentsOnly", () -> SnipwKernels.termMomentsOnly(batch.size(), x, d).value());
    work.put("weightStatsOnly", () -> SnipwKernels.weightStatsOnly(batch).quantile(0.5));
    return work;
  }

  /**
   * Times every piece of {@code work} {@code rounds} times, interleaved; one sample is {@code
   * runs} consecutive runs (process CPU time advances in steps of up to 10 ms, so a sample must
   * last much longer than that).
   */
  private static void report(String title, Map<String, Work> work, long rowsPerRun, int runs, int rounds,
      boolean threadCpu) throws Exception {
    report(title, work, rowsPerRun, "rows", runs, rounds, threadCpu);
  }

  /** As above, counting {@code unitsPerRun} of {@code unit} (rows, bytes) per run. */
  static void report(String title, Map<String, Work> work, long unitsPerRun, String unit, int runs, int rounds,
      boolean threadCpu) throws Exception {
    long rows = unitsPerRun * runs;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    double sink = 0;
    for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
      for (Map.Entry<String, Work> entry : work.entrySet()) {
        long cpu0 = threadCpu ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (int run = 0; run < runs; run++) {
          sink += entry.getValue().run();
        }
        long wall1 = System.nanoTime();
        long cpu1 = threadCpu ? threads.getCurrentThreadCpuTime() : os.getProcessCpuTime();
        if (round >= 0) {
          cpu.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(rows / ((cpu1 - cpu0) / 1e3));
          wall.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(rows / ((wall1 - wall0) / 1e3));
        }
      }
    }
    System.out.printf("%s, %d rounds of %d runs%n", title, rounds, runs);
    System.out.printf("  %-36s %-30s %-30s%n", "variant", "M " + unit + "/CPU-s median [min max]",
        "M " + unit + "/wall-s median [min max]");
    for (String name : work.keySet()) {
      System.out.printf("  %-36s %-30s %-30s%n", name, summary(cpu.get(name)), summary(wall.get(name)));
    }
    System.out.printf("  (checksum %.6g)%n%n", sink);
  }

  /** One read on the given number of threads. */
  interface ThreadedWork {
    void run(int threads) throws Exception;
  }

  /**
   * What bounds a reader's speed on idle cores, which a busy machine hides from wall times: the
   * calling thread's CPU time against the whole process's, per read (3 reads per thread count).
   */
  static void callingThreadShare(int maxThreads, ThreadedWork read) throws Exception {
    ThreadMXBean thread = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println("Reading thread's CPU time / process CPU time, per read (3 reads each)");
    for (int threads = 1; threads <= maxThreads; threads++) {
      for (int run = 0; run < 3; run++) {
        long thread0 = thread.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        read.run(threads);
        System.out.printf("  threads=%d: %.2f s / %.2f s%n", threads, (thread.getCurrentThreadCpuTime() - thread0) / 1e9,
            (os.getProcessCpuTime() - process0) / 1e9);
      }
    }
  }

  private static String summary(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return String.format("%7.1f [%7.1f %7.1f]", sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
  }
}
