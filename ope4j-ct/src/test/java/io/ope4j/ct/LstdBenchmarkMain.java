package io.ope4j.ct;

import io.ope4j.ct.sim.OrnsteinUhlenbeck;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of LSTD(0) with 20 features over 10^7 transitions (issue 5), against a baseline: the
 * same normal-equation accumulation A += φ_k(φ_k - gφ_{k+1})ᵀ, b += φ_k R_k written as a plain
 * single-threaded loop over the same in-memory paths (no blocks, no compensation, no chunking).
 * The bench module has no JMH setup yet, so this is a documented main (test scope) run with
 * plain {@code java}:
 *
 * <pre>
 * mvn -B -q -pl ope4j-ct -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx3g -cp ope4j-ct/target/classes:ope4j-ct/target/test-classes:$(cat ope4j-ct/target/cp.txt) \
 *     io.ope4j.ct.LstdBenchmarkMain [transitions=10000000] [repeats=3]
 * </pre>
 *
 * Data: OU paths (κ = 1, σ = 0.5, β = 0.5, Δt = 0.01, 1000 steps each), features the Chebyshev
 * polynomials T_0..T_19 of x/1.2 clamped to [-1, 1] (well conditioned, cheap: the timing is the accumulation's). Runs:
 * (1) baseline plain loop, 1 thread, in memory; (2) ope4j streaming pass over the in-memory paths
 * (blocks of 65,536 rows copied as a reader would fill them), 1 and 2 threads; (3) ope4j with the
 * paths simulated on the fly (nothing stored: bounded memory), 1 and 2 threads. Each run is
 * repeated; the best time is reported in transitions per second.
 */
public final class LstdBenchmarkMain {

  private static final int FEATURES = 20;

  /** Chebyshev polynomials T_k(u), u = x/1.2 clamped to [-1, 1], k = 0..p-1, by the three-term recurrence. */
  static final Features CHEBYSHEV = new Features() {
    private final List<String> names = java.util.stream.IntStream.range(0, FEATURES).mapToObj(k -> "T" + k).toList();

    @Override
    public int size() {
      return FEATURES;
    }

    @Override
    public List<String> names() {
      return names;
    }

    @Override
    public boolean dependsOnTime() {
      return false;
    }

    @Override
    public void values(double t, double tau, double[] x, int xOffset, double[] out, int outOffset) {
      double u = Math.max(-1, Math.min(1, x[xOffset] / 1.2)); // clamped: T_k stays in [-1, 1]
      out[outOffset] = 1;
      out[outOffset + 1] = u;
      for (int k = 2; k < FEATURES; k++) {
        out[outOffset + k] = 2 * u * out[outOffset + k - 1] - out[outOffset + k - 2];
      }
    }
  };

  public static void main(String[] args) throws Exception {
    long transitions = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int steps = 1000;
    int paths = (int) (transitions / steps);
    OrnsteinUhlenbeck ou = OrnsteinUhlenbeck.stationary(1, 0.5, 0.5, 0.01, steps, 2024);
    PathBlock data = new PathBlock(1);
    ou.simulate(0, paths, data);
    System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; %,d paths x %d steps = %,d transitions, %d features%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
        System.getProperty("java.version"), paths, steps, (long) paths * steps, FEATURES);
    double[] reference = baseline(data, 0.5);
    report("baseline plain loop, 1 thread, in memory", repeats, transitions, () -> baseline(data, 0.5));
    for (int threads : new int[] {1, 2}) {
      LinearEvaluator evaluator = new LinearEvaluator(ou.problem(), CHEBYSHEV,
          LinearEvaluator.Options.of(LinearMethod.LSTD, RewardRule.left()).withThreads(threads));
      double[] theta = evaluator.fit(() -> new MemorySource(data), 1, false).theta();
      check(reference, theta);
      report("ope4j streaming, " + threads + " thread(s), in memory", repeats, transitions,
          () -> evaluator.fit(() -> new MemorySource(data), 1, false).theta());
      report("ope4j streaming, " + threads + " thread(s), simulated on the fly", repeats, transitions,
          () -> evaluator.fit(ou, paths, false).theta());
    }
  }

  interface Run {
    double[] run() throws Exception;
  }

  private static void report(String label, int repeats, long transitions, Run run) throws Exception {
    double best = Double.POSITIVE_INFINITY;
    double sink = 0;
    for (int r = 0; r < repeats; r++) {
      long start = System.nanoTime();
      sink += run.run()[0];
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(Locale.ROOT, "%-52s best %.3f s  %6.2f M transitions/s  (theta0 %.6f)%n", label, best,
        transitions / best / 1e6, sink / repeats);
  }

  private static void check(double[] reference, double[] theta) {
    for (int k = 0; k < reference.length; k++) {
      if (Math.abs(reference[k] - theta[k]) > 1e-6 * Math.max(1, Math.abs(reference[k]))) {
        throw new IllegalStateException("ope4j and the baseline disagree at " + k + ": " + theta[k] + " vs " + reference[k]);
      }
    }
  }

  /** The baseline: a plain loop, left rewards, then the same EJML solve. */
  static double[] baseline(PathBlock data, double beta) {
    int p = FEATURES;
    double[] a = new double[p * p];
    double[] b = new double[p];
    double[] phi = new double[p];
    double[] next = new double[p];
    double[] t = data.t();
    double[] x = data.x();
    double[] r = data.r();
    for (int path = 0; path < data.paths(); path++) {
      int first = data.offsets()[path];
      int last = data.offsets()[path + 1] - 1;
      CHEBYSHEV.values(t[first], 0, x, first, phi, 0);
      for (int k = first; k < last; k++) {
        double dt = t[k + 1] - t[k];
        double g = Math.exp(-beta * dt);
        CHEBYSHEV.values(t[k + 1], 0, x, k + 1, next, 0);
        double reward = r[k] * dt;
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            a[i * p + j] += phi[i] * (phi[j] - g * next[j]);
          }
          b[i] += phi[i] * reward;
        }
        double[] swap = phi;
        phi = next;
        next = swap;
      }
    }
    return LinearSolver.solve(a, b, CHEBYSHEV.names(), "baseline", data.paths()).solution;
  }

  /** Serves the in-memory paths in blocks of whole paths, copying rows as a file reader would. */
  static final class MemorySource implements PathSource {
    private final PathBlock data;
    private int nextPath;

    MemorySource(PathBlock data) {
      this.data = data;
    }

    @Override
    public String name() {
      return "memory";
    }

    @Override
    public List<String> stateNames() {
      return List.of("x");
    }

    @Override
    public boolean next(PathBlock block, int targetRows) {
      block.clear();
      while (nextPath < data.paths() && block.rows() < targetRows) {
        int from = data.offsets()[nextPath];
        int count = data.rowsOf(nextPath);
        block.startPath(data.ids()[nextPath], 0);
        int row = block.reserveRows(count);
        System.arraycopy(data.t(), from, block.t(), row, count);
        System.arraycopy(data.x(), from, block.x(), row, count);
        System.arraycopy(data.r(), from, block.r(), row, count);
        block.endPath(data.payoff()[nextPath]);
        nextPath++;
      }
      return block.paths() > 0;
    }

    @Override
    public void close() {}
  }
}
