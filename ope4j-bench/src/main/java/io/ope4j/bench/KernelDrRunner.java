package io.ope4j.bench;

import io.ope4j.continuous.ContinuousBatch;
import io.ope4j.continuous.ContinuousConfig;
import io.ope4j.continuous.ContinuousEstimate;
import io.ope4j.continuous.ContinuousEstimators;
import io.ope4j.continuous.ContinuousEvaluator;
import io.ope4j.continuous.ContinuousLog;
import io.ope4j.continuous.ContinuousSimulation;
import io.ope4j.continuous.ContinuousSimulator;
import io.ope4j.interval.IntervalMethod;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Kernel DR over 10^7 in-memory rows, the ope4j side of the comparison with Open Bandit
 * Pipeline's {@code KernelizedDoublyRobust} (BENCHMARKS.md, "Continuous actions"; the peer side is
 * {@code scripts/obp_kernel_dr.py}, the whole run {@code scripts/run_kernel_dr_vs_obp.sh}).
 *
 * <ul>
 *   <li>{@code write FILE ROWS}: draws {@link ContinuousSimulation#defaults} (seed 1) and writes its
 *       columns action, reward, pscore, target_action, q_pi, q as six little-endian float64 arrays,
 *       one after the other, for both sides to read;
 *   <li>{@code time FILE ROUNDS}: reads them, then times, best of ROUNDS wall-clock runs, kernel DR
 *       (gaussian, h = 0.25) with a t interval on 1 and 2 worker threads, and with a 100-replicate
 *       Poisson bootstrap on 2; prints each estimate so that the sides can be checked to agree.
 * </ul>
 */
public final class KernelDrRunner {

  /** Open Bandit Pipeline's form (q-hat at the evaluation action in both terms): the same arithmetic as the peer. */
  private static final String OBP_FORM = "kernel-dr:kernel=gaussian:bandwidth=0.25:compat=obp";
  /** Kallus & Zhou's form, ope4j's default: q-hat at the logged action in the residual. */
  private static final String PAPER_FORM = "kernel-dr:kernel=gaussian:bandwidth=0.25";
  private static final int COLUMNS = 6;

  private KernelDrRunner() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("write")) {
      write(file, Integer.parseInt(args[2]));
      return;
    }
    int rounds = Integer.parseInt(args[2]);
    double[][] columns = read(file);
    ContinuousLog log = ContinuousLog.deterministic(columns[0], columns[1], columns[2], columns[3], columns[4],
        columns[5]);
    ContinuousConfig config = ContinuousConfig.of(ContinuousEstimators.parseList(OBP_FORM));
    time("ope4j kernel-dr compat=obp, t interval, 1 thread", config.withThreads(1), log, rounds);
    time("ope4j kernel-dr compat=obp, t interval, 2 threads", config.withThreads(2), log, rounds);
    time("ope4j kernel-dr (paper form), t interval, 2 threads",
        ContinuousConfig.of(ContinuousEstimators.parseList(PAPER_FORM)).withThreads(2), log, rounds);
    time("ope4j kernel-dr compat=obp, Poisson bootstrap B=100, 2 threads",
        config.withInterval(IntervalMethod.BOOTSTRAP).withBootstrap(100, 12345).withThreads(2), log, 1);
  }

  private static void time(String label, ContinuousConfig config, ContinuousLog log, int rounds) throws IOException {
    ContinuousEvaluator evaluator = new ContinuousEvaluator(config);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double best = Double.POSITIVE_INFINITY;
    double bestCpu = Double.POSITIVE_INFINITY;
    ContinuousEstimate estimate = null;
    for (int r = 0; r < rounds + 1; r++) { // the first run warms the JIT up and is not counted
      long start = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      estimate = evaluator.evaluate(log.source()).estimates().get(0);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      if (r > 0) {
        best = Math.min(best, seconds);
        bestCpu = Math.min(bestCpu, cpuSeconds);
      }
    }
    System.out.printf(java.util.Locale.ROOT, "%s: %.3f s wall, %.3f s CPU (best of %d); estimate %.15g [%.6f, %.6f]%n",
        label, best, bestCpu, rounds, estimate.value(), estimate.interval().lower(), estimate.interval().upper());
  }

  private static void write(Path file, int rows) throws IOException {
    ContinuousSimulator simulator = new ContinuousSimulator(ContinuousSimulation.defaults(rows, 1));
    ContinuousBatch batch = new ContinuousBatch(simulator.layout(), rows);
    simulator.next(batch);
    double[][] columns = {batch.action(), batch.reward(), batch.density(), batch.target(), batch.qTarget(),
        batch.qLogged()};
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.allocate(8 * 65536).order(ByteOrder.LITTLE_ENDIAN);
      for (double[] column : columns) {
        for (int i = 0; i < rows; i++) {
          if (!buffer.hasRemaining()) {
            buffer.flip();
            channel.write(buffer);
            buffer.clear();
          }
          buffer.putDouble(column[i]);
        }
      }
      buffer.flip();
      channel.write(buffer);
    }
  }

  private static double[][] read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      int rows = (int) (channel.size() / 8 / COLUMNS);
      ByteBuffer bytes = ByteBuffer.allocate(8 * rows).order(ByteOrder.LITTLE_ENDIAN);
      double[][] columns = new double[COLUMNS][rows];
      for (double[] column : columns) {
        bytes.clear();
        while (bytes.hasRemaining() && channel.read(bytes) > 0) {
          // fill the column's bytes
        }
        bytes.flip();
        bytes.asDoubleBuffer().get(column);
      }
      return columns;
    }
  }
}
